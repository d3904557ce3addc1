import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/**
 * The one home of date and time text. Instants are UTC ms; people read and type
 * Beijing time. A fixed +08:00 offset (China has no daylight saving) instead of
 * the timezone plugin, which needs Intl time zone data that not every
 * mini-program JS engine ships.
 */
export function formatShanghai(ms: number, pattern = 'YYYY年M月D日 HH:mm'): string {
  return dayjs(ms)
    .utcOffset(8 * 60)
    .format(pattern)
}

/** "09:05" */
export const formatTime = (ms: number): string => formatShanghai(ms, 'HH:mm')
/** "1月1日 09:05" */
export const formatDateTime = (ms: number): string => formatShanghai(ms, 'M月D日 HH:mm')
/** Today's Beijing calendar day as "2026-03-09" (what date pickers and day lists use). */
export const beijingDate = (ms: number): string => formatShanghai(ms, 'YYYY-MM-DD')

/** "1月1日 09:00 – 17:00" on one day, "1月1日 09:00 – 1月2日 17:00" across days. */
export function formatRange(startsAt: number, endsAt: number): string {
  const sameDay = formatShanghai(startsAt, 'YYYYMMDD') === formatShanghai(endsAt, 'YYYYMMDD')
  return `${formatDateTime(startsAt)} – ${formatShanghai(endsAt, sameDay ? 'HH:mm' : 'M月D日 HH:mm')}`
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** '2026-03-09' → '3月9日 周一': the calendar day as a person says it. */
export function dayLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]
  return `${m}月${d}日 ${weekday}`
}

/**
 * "还有 2 天 03:04:05" style text for a release countdown or a code's life.
 * Days are spelled out because a woman glancing between orders reads "2 天" faster than "51:04:05".
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const days = Math.floor(total / 86400)
  const hms = [Math.floor((total % 86400) / 3600), Math.floor((total % 3600) / 60), total % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':')
  return days > 0 ? `${days} 天 ${hms}` : hms
}

/** Whole seconds left, never negative: for "12 秒后刷新". */
export function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000))
}

const TYPED = /^(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})$/

/** "2027-01-01 09:00" as officers type it (Beijing time) → UTC ms; null when it is not a real time. */
export function parseBeijing(text: string): number | null {
  const m = TYPED.exec(text.trim())
  if (!m) return null
  const [y, mo, d, h, mi] = m.slice(1).map(Number)
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null
  const ms = Date.UTC(y, mo - 1, d, h - 8, mi)
  // Date.UTC rolls 2月30日 over into March: refuse it rather than save another day.
  return formatShanghai(ms, 'YYYY-M-D') === `${y}-${mo}-${d}` ? ms : null
}

/** The inverse, for filling a form with stored times. */
export function formatBeijingInput(ms: number): string {
  return formatShanghai(ms, 'YYYY-MM-DD HH:mm')
}

/**
 * A date picker's sensible range: from today (or `pastDays` back) to `futureDays`
 * ahead, never 1970–2999.
 */
export function pickerRange(now: number, futureDays = 400, pastDays = 0): { start: string; end: string } {
  const day = 86_400_000
  return { start: beijingDate(now - pastDays * day), end: beijingDate(now + futureDays * day) }
}
