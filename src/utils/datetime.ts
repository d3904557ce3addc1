import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/**
 * Shows a UTC-ms instant as Beijing time. A fixed +08:00 offset (China has no
 * daylight saving) instead of the timezone plugin, which needs Intl time zone
 * data that not every mini-program JS engine ships.
 */
export function formatShanghai(ms: number, pattern = 'YYYY年M月D日 HH:mm'): string {
  return dayjs(ms).utcOffset(8 * 60).format(pattern)
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
