import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'
import { addDays, ageOn, beijingClock, beijingDate, beijingInstant, dayOfWeek, shanghai, weekdayOf } from './time'

dayjs.extend(utc)
dayjs.extend(timezone)

// The reference: the IANA zone's own rules through dayjs's timezone plugin (what time.ts used before the fixed offset).
const zone = (at: number) => dayjs(at).tz('Asia/Shanghai')

/** A deterministic spread of instants from 1992 to 2099, minutes and seconds included. */
const instants = Array.from(
  { length: 3000 },
  (_, i) =>
    Date.UTC(1992, 0, 1) + Math.floor((((i * 2654435761) % 4294967296) / 4294967296) * (Date.UTC(2099, 11, 31) - Date.UTC(1992, 0, 1))),
)

test('the fixed UTC+8 offset reads every instant from 1992 on exactly as the Asia/Shanghai zone does', () => {
  for (const at of [...instants, Date.UTC(2026, 11, 31, 15, 59, 59), Date.UTC(2026, 11, 31, 16, 0, 0)]) {
    expect([at, shanghai(at, 'YYYY-MM-DD HH:mm')]).toEqual([at, zone(at).format('YYYY-MM-DD HH:mm')])
    expect([at, shanghai(at)]).toEqual([at, zone(at).format('YYYY-MM-DD HH:mm:ss')])
  }
})

test('Beijing midnight is 16:00 UTC the day before; dates, clock times and the round trip agree', () => {
  expect(beijingInstant('2027-01-01', '00:00')).toBe(Date.UTC(2026, 11, 31, 16, 0))
  expect(beijingDate(Date.UTC(2026, 11, 31, 16, 0))).toBe('2027-01-01')
  expect(beijingDate(Date.UTC(2026, 11, 31, 15, 59))).toBe('2026-12-31')
  expect(beijingClock(Date.UTC(2026, 11, 1, 2, 5))).toBe('10:05')
  for (const at of instants) {
    const [d, t] = shanghai(at, 'YYYY-MM-DD HH:mm').split(' ')
    expect(beijingInstant(d, t)).toBe(at - (at % 60_000))
  }
})

test('weekdays and day arithmetic follow the Beijing calendar, across months, leap days and years', () => {
  expect(weekdayOf('2026-12-01')).toBe('周二')
  expect(dayOfWeek('2027-03-08')).toBe(1)
  expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
  expect(addDays('2027-02-28', 1)).toBe('2027-03-01')
  expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  expect(addDays('2027-01-01', -1)).toBe('2026-12-31')
  expect(ageOn('1985-03-08', '2027-03-07')).toBe(41)
  expect(ageOn('1985-03-08', '2027-03-08')).toBe(42)
})

test('a malformed date or time is no instant at all', () => {
  expect(beijingInstant('2027-3-8', '10:00')).toBeNaN()
  expect(beijingInstant('2027-03-08', '10')).toBeNaN()
})
