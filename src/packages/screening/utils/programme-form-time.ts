/** Pure Beijing-time helpers of the programme form (copied from events: subpackages never import each other). */
const PATTERN = /^(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})$/
const DAY = 86400_000

const pad = (n: number): string => String(n).padStart(2, '0')
const ymd = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`

/** "2027-01-01 09:00" as officers type it (Beijing time) → UTC ms; null when it is not a real time. */
export function parseBeijing(text: string): number | null {
  const m = PATTERN.exec(text.trim())
  if (!m) return null
  const [y, mo, d, h, mi] = m.slice(1).map(Number)
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null
  const ms = Date.UTC(y, mo - 1, d, h - 8, mi)
  // Date.UTC rolls 2月30日 over into March: refuse it rather than save another day.
  const back = new Date(ms + 8 * 3600_000)
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? ms : null
}

/** UTC ms → "2027-01-01 09:00" Beijing, for default values. */
export function formatBeijing(ms: number): string {
  const d = new Date(ms + 8 * 3600_000)
  return `${ymd(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** '2027-3-8' or '2027-03-08' → '2027-03-08'; null when it is not a real calendar day. */
export function normalDate(text: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim())
  if (!m) return null
  const [y, mo, d] = m.slice(1).map(Number)
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? ymd(date) : null
}

/** Every calendar day from `from` to `to` inclusive (both 'YYYY-MM-DD'); empty when `to` is earlier. */
export function daysBetween(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`)
  const end = Date.parse(`${to}T00:00:00Z`)
  const out: string[] = []
  for (let t = start; t <= end && out.length <= 400; t += DAY) out.push(ymd(new Date(t)))
  return out
}

/** '7:00' or '07:00' → '07:00'; null when not a clock time. */
export function normalClock(text: string): string | null {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(text.trim())
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null
  return `${pad(Number(m[1]))}:${m[2]}`
}
