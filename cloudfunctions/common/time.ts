/**
 * Beijing calendar arithmetic. Stored instants are UTC ms; people reason in
 * Asia/Shanghai days and clock times, and functions run in UTC, so every
 * conversion goes through here.
 */
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

export const TZ = 'Asia/Shanghai'
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** 'YYYY-MM-DD' + 'HH:mm' in Beijing → UTC ms. */
export function beijingInstant(date: string, hhmm: string): number {
  return dayjs.tz(`${date} ${hhmm}`, 'YYYY-MM-DD HH:mm', TZ).valueOf()
}

export function beijingDate(at: number): string {
  return dayjs(at).tz(TZ).format('YYYY-MM-DD')
}

export function beijingClock(at: number): string {
  return dayjs(at).tz(TZ).format('HH:mm')
}

export function beijingDateTime(at: number): string {
  return dayjs(at).tz(TZ).format('YYYY-MM-DD HH:mm')
}

/** Any dayjs pattern, in Beijing time (exports, notices). */
export function shanghai(ms: number, format = 'YYYY-MM-DD HH:mm:ss'): string {
  return dayjs(ms).tz(TZ).format(format)
}

export function weekdayOf(date: string): string {
  return WEEKDAYS[dayjs.tz(`${date} 12:00`, 'YYYY-MM-DD HH:mm', TZ).day()]
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return dayjs.tz(`${date} 12:00`, 'YYYY-MM-DD HH:mm', TZ).add(days, 'day').format('YYYY-MM-DD')
}

/** Whole years between a birth date and a calendar date (both 'YYYY-MM-DD'); null if unknown. */
export function ageOn(birthDate: string, date: string): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate)
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!b || !d) return null
  const [by, bm, bd] = b.slice(1).map(Number)
  const [dy, dm, dd] = d.slice(1).map(Number)
  const hadBirthday = dm > bm || (dm === bm && dd >= bd)
  return dy - by - (hadBirthday ? 0 : 1)
}

export function isCalendarDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && dayjs(s, 'YYYY-MM-DD').format('YYYY-MM-DD') === s
}
