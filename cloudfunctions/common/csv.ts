/**
 * CSV that opens cleanly in Excel on Chinese Windows: UTF-8 with a BOM (without
 * it Excel reads GBK and shows mojibake), CRLF, and each cell as `types/csv.ts`
 * writes it (quoted where needed, formula injection defused, numbers kept).
 */
import { type CsvCell, csvCell } from '~types/csv'

export type { CsvCell }

export function toCsv(header: string[], rows: CsvCell[][]): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}
