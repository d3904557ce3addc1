import { maskMiddle } from './mask'
import { formatShanghai } from './datetime'

describe('maskMiddle', () => {
  it('keeps the first three and last four of a phone number', () => {
    expect(maskMiddle('13800000123')).toBe('138****0123')
  })
  it('masks short values all but the last character, and leaves empty ones empty', () => {
    expect(maskMiddle('1234')).toBe('***4')
    expect(maskMiddle('')).toBe('')
  })
})

describe('formatShanghai', () => {
  it('shows UTC instants in Beijing time, across the date line', () => {
    expect(formatShanghai(Date.UTC(2025, 0, 31, 16, 30))).toBe('2025年2月1日 00:30')
  })
})
