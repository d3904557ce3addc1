/** CSV that opens cleanly in Excel: BOM, CRLF, every field quoted when needed, formula injection defused. */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  const lines = [header, ...rows].map((r) => r.map(cell).join(','))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

function cell(v: string | number): string {
  let s = String(v)
  // A leading = + - @ would make a spreadsheet evaluate the cell.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
