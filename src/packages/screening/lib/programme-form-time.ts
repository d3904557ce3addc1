/** Calendar helpers of the programme form; typed Beijing times are parsed by src/utils/time.ts. */
const DAY = 86400_000

const pad = (n: number): string => String(n).padStart(2, '0')
const ymd = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`

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
