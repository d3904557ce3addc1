/**
 * One CSV cell, the same on the server (exports, statements) and on the phone (her own data file):
 * formula injection defused (a name like `=HYPERLINK(...)` must reach a spreadsheet as text, never as a
 * formula) while plain numbers keep their sign, so an officer can sum a reversal's -86.00 with the rest.
 */
export type CsvCell = string | number | null | undefined

/** A plain decimal (-86.00, +3, 12): a spreadsheet reads it as the number it is, never as a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/

/** A cell a spreadsheet would evaluate starts with = + - @ (or a tab / CR before one): prefix a quote. */
export function defuse(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s
}

/** The cell as written: defused, and quoted where a comma, quote or line break would split it. */
export function csvCell(v: CsvCell): string {
  const s = typeof v === 'number' ? String(v) : defuse(v ?? '')
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
