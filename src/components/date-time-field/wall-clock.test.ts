import { wallClockDate, wallClockText } from './wall-clock'

const fallback = new Date(2030, 0, 1, 8, 0)

describe('the date picker and the typed Beijing time', () => {
  it('carries the digits she picked, both ways', () => {
    expect(wallClockText(wallClockDate('2027-08-19 19:05', fallback))).toBe('2027-08-19 19:05')
    expect(wallClockText(new Date(2027, 1, 3, 7, 30))).toBe('2027-02-03 07:30')
  })

  it('holds a calendar day as a day', () => {
    expect(wallClockText(wallClockDate('2027-3-9', fallback, 'date'), 'date')).toBe('2027-03-09')
    expect(wallClockText(new Date(2027, 11, 31, 23, 59), 'date')).toBe('2027-12-31')
  })

  it('opens at the fallback when the field holds no real time', () => {
    expect(wallClockDate('', fallback)).toBe(fallback)
    expect(wallClockDate('2027-02-30 10:00', fallback)).toBe(fallback)
    expect(wallClockDate('明天上午', fallback)).toBe(fallback)
    expect(wallClockDate('2027-02-30', fallback, 'date')).toBe(fallback)
  })
})
