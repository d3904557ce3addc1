/**
 * Beijing calendar arithmetic. Stored instants are UTC ms; people reason in
 * Asia/Shanghai days and clock times, and functions run in UTC, so every
 * conversion goes through here.
 *
 * China has kept UTC+8 without daylight saving since 1991, so every instant
 * this app stores or shows is exactly UTC+8: conversions use that fixed offset
 * (dayjs's utc plugin) rather than the timezone plugin, which asks Intl for the
 * zone's rules on every call (it was 6% of a check-in's CPU time).
 */
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

const OFFSET_MIN = 8 * 60
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** An instant as a Beijing wall-clock dayjs (format, day(), add()). */
export function inBeijing(at: number): Dayjs {
  return dayjs(at).utcOffset(OFFSET_MIN)
}

/** A Beijing wall-clock 'YYYY-MM-DD' and optional 'HH:mm' as a Beijing dayjs; invalid if malformed. */
function wallClock(date: string, hhmm = '12:00'): Dayjs {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const t = /^(\d{1,2}):(\d{2})$/.exec(hhmm)
  if (!m || !t) return dayjs(NaN)
  const utcMs = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(t[1]), Number(t[2]))
  return inBeijing(utcMs - OFFSET_MIN * 60_000)
}

/** 'YYYY-MM-DD' + 'HH:mm' in Beijing → UTC ms. */
export function beijingInstant(date: string, hhmm: string): number {
  return wallClock(date, hhmm).valueOf()
}

export function beijingDate(at: number): string {
  return inBeijing(at).format('YYYY-MM-DD')
}

export function beijingClock(at: number): string {
  return inBeijing(at).format('HH:mm')
}

/** Any dayjs pattern, in Beijing time (exports, notices). */
export function shanghai(ms: number, format = 'YYYY-MM-DD HH:mm:ss'): string {
  return inBeijing(ms).format(format)
}

/** 0 (Sunday) to 6 of a Beijing calendar date. */
export function dayOfWeek(date: string): number {
  return wallClock(date).day()
}

export function weekdayOf(date: string): string {
  return WEEKDAYS[dayOfWeek(date)]
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return wallClock(date).add(days, 'day').format('YYYY-MM-DD')
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
