import { formatCountdown, secondsLeft } from './countdown'

describe('formatCountdown', () => {
  it('shows hours, minutes and seconds under a day', () => {
    expect(formatCountdown((3 * 3600 + 4 * 60 + 5) * 1000)).toBe('03:04:05')
  })
  it('spells out whole days', () => {
    expect(formatCountdown((2 * 86400 + 61) * 1000)).toBe('2 天 00:01:01')
  })
  it('rounds a part second up so 00:00:00 appears only when the time has come', () => {
    expect(formatCountdown(1)).toBe('00:00:01')
    expect(formatCountdown(0)).toBe('00:00:00')
    expect(formatCountdown(-5000)).toBe('00:00:00')
  })
})

describe('secondsLeft', () => {
  it('counts down to zero and stays there', () => {
    expect(secondsLeft(30_000, 0)).toBe(30)
    expect(secondsLeft(30_000, 29_001)).toBe(1)
    expect(secondsLeft(30_000, 31_000)).toBe(0)
  })
})
