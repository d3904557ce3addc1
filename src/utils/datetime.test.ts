import { formatBeijingInput, parseBeijing } from './time'

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
