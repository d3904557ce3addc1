import { dayLabel, formatCountdown, formatRange, formatTime, formatBeijingInput, parseBeijing, pickerRange, secondsLeft } from './datetime'

const NOON_JAN1 = Date.UTC(2026, 0, 1, 4) // 12:00 Beijing

test('a Beijing wall time becomes the UTC instant 8 hours earlier and reads back the same', () => {
  const ms = parseBeijing('2027-01-01 09:00')
  expect(ms).toBe(Date.UTC(2027, 0, 1, 1, 0))
  expect(formatBeijingInput(ms as number)).toBe('2027-01-01 09:00')
  expect(parseBeijing(' 2027-1-1  0:05 ')).toBe(Date.UTC(2026, 11, 31, 16, 5))
})

test('anything not a real time is null, never a shifted date', () => {
  for (const bad of ['', '2027-01-01', '2027-02-30 09:00', '2027-13-01 09:00', '2027-01-01 24:00', '明天 9点']) {
    expect(parseBeijing(bad)).toBeNull()
  }
})

test('clock time and ranges are Beijing time, even across midnight UTC', () => {
  expect(formatTime(Date.UTC(2026, 2, 8, 23, 12))).toBe('07:12')
  expect(formatRange(NOON_JAN1, NOON_JAN1 + 3 * 3600_000)).toBe('1月1日 12:00 – 15:00')
  expect(formatRange(NOON_JAN1, NOON_JAN1 + 24 * 3600_000)).toBe('1月1日 12:00 – 1月2日 12:00')
})

test('a calendar day is named with its weekday', () => {
  expect(dayLabel('2026-03-09')).toBe('3月9日 周一')
  expect(dayLabel('2026-03-08')).toBe('3月8日 周日')
})

test('countdowns spell out days, round part seconds up and never go negative', () => {
  expect(formatCountdown((3 * 3600 + 4 * 60 + 5) * 1000)).toBe('03:04:05')
  expect(formatCountdown((2 * 86400 + 61) * 1000)).toBe('2 天 00:01:01')
  expect(formatCountdown(1)).toBe('00:00:01')
  expect(formatCountdown(-5000)).toBe('00:00:00')
  expect(secondsLeft(30_000, 29_001)).toBe(1)
  expect(secondsLeft(30_000, 31_000)).toBe(0)
})

test('a date picker runs from today to about a year ahead, not 1970–2999', () => {
  expect(pickerRange(NOON_JAN1)).toEqual({ start: '2026-01-01', end: '2027-02-05' })
  expect(pickerRange(NOON_JAN1, 7, 1)).toEqual({ start: '2025-12-31', end: '2026-01-08' })
})
