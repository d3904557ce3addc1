import { dayLabel, clockOf, placesBadge } from './format'

describe('screening display helpers', () => {
  it('names the Beijing calendar day with its weekday', () => {
    expect(dayLabel('2026-03-09')).toBe('3月9日 周一')
    expect(dayLabel('2026-03-08')).toBe('3月8日 周日')
  })
  it('shows an instant as Beijing clock time, even across midnight UTC', () => {
    expect(clockOf(Date.UTC(2026, 2, 8, 23, 12))).toBe('07:12')
  })
  it('says how many places are left, or that none are', () => {
    expect(placesBadge(3)).toBe('余 3 个')
    expect(placesBadge(0)).toBe('已约满')
  })
})
