/**
 * An export action's CSV saved as the officer asks: CSV (UTF-8 with a BOM, which Excel on Chinese Windows
 * needs) or an Excel workbook written by exceljs, loaded only when someone asks for one. In the workbook
 * every cell is text: card numbers, phone numbers and codes keep their leading zeros and digits instead
 * of turning into numbers; the header row is bold and stays in view.
 */
export type ExportFormat = 'csv' | 'xlsx'

export const EXPORT_FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'xlsx', label: 'Excel（.xlsx）' },
  { value: 'csv', label: 'CSV（UTF-8）' },
]

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  // The click has handed the blob to the download; free it once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

const base = (filename: string) => filename.replace(/\.(csv|xlsx)$/i, '')

/** Some actions already start their text with the BOM: never twice. */
function downloadCsv(filename: string, csv: string): void {
  const text = csv.startsWith('\ufeff') ? csv : `\ufeff${csv}`
  save(new Blob([text], { type: 'text/csv;charset=utf-8' }), `${base(filename)}.csv`)
}

/** The rows of an export's CSV (what the functions write: RFC 4180, a header row first). */
export async function csvRows(csv: string): Promise<string[][]> {
  const { parse } = await import('csv-parse/browser/esm/sync')
  return parse(csv.replace(/^\ufeff/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][]
}

/** The workbook's bytes: one sheet, header bold and frozen, columns as wide as their text. */
async function xlsxBytes(rows: string[][], sheetName = '导出'): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  book.creator = '工会会员服务'
  const sheet = book.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] })
  for (const row of rows) sheet.addRow(row) // strings stay strings: no number guessing
  sheet.getRow(1).font = { bold: true }
  // a Chinese character is two columns wide; the first 200 rows decide
  const wide = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0)
  rows[0]?.forEach((_h, c) => {
    const w = Math.max(...rows.slice(0, 200).map((r) => wide(r[c] ?? ''))) + 2
    sheet.getColumn(c + 1).width = Math.min(Math.max(w, 8), 60)
  })
  return book.xlsx.writeBuffer() as Promise<ArrayBuffer>
}

export async function downloadExport(filename: string, csv: string, format: ExportFormat): Promise<void> {
  if (format === 'csv') return downloadCsv(filename, csv)
  const bytes = await xlsxBytes(await csvRows(csv))
  save(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), `${base(filename)}.xlsx`)
}
