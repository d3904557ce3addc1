import { parseBeijing } from '~src/utils/datetime'

/** What the field holds: a moment ("2027-08-19 19:00") or a calendar day ("2027-08-19"). */
export type WallClockMode = 'datetime' | 'date'

/**
 * NutUI's DatePicker speaks in JS `Date`s of the device's own zone; our forms speak in typed
 * Beijing wall-clock text ("2027-08-19 19:00"). Going through the wall clock's parts (not through
 * an instant) keeps the digits she picked the digits saved, whatever zone the browser runs in.
 */
export function wallClockDate(text: string, fallback: Date, mode: WallClockMode = 'datetime'): Date {
  const typed = mode === 'date' ? `${text.trim()} 00:00` : text
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})$/.exec(typed.trim())
  if (!m || parseBeijing(typed) === null) return fallback
  const [y, mo, d, h, mi] = m.slice(1).map(Number)
  return new Date(y, mo - 1, d, h, mi)
}

const two = (n: number) => String(n).padStart(2, '0')

export function wallClockText(date: Date, mode: WallClockMode = 'datetime'): string {
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`
  return mode === 'date' ? day : `${day} ${two(date.getHours())}:${two(date.getMinutes())}`
}
