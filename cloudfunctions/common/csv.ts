/**
 * CSV that opens cleanly in Excel on Chinese Windows: UTF-8 with a BOM (without
 * it Excel reads GBK and shows mojibake), CRLF, quoting where needed, and
 * formula injection defused: a roster name like `=HYPERLINK(...)` must reach an
 * officer's spreadsheet as text, never as a formula.
 */
export type CsvCell = string | number | null | undefined

export function toCsv(header: string[], rows: CsvCell[][]): string {
  const lines = [header, ...rows].map((r) => r.map(cell).join(','))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

/** A cell a spreadsheet would evaluate starts with = + - @ (or a tab / CR before one); prefix a quote. */
export function defuse(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
}

function cell(v: CsvCell): string {
  const s = defuse(v === null || v === undefined ? '' : String(v))
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
