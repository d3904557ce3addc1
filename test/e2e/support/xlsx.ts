import ExcelJS from 'exceljs'

/** The first sheet of a downloaded workbook as text rows, as Excel shows them, and whether every cell is text. */
export async function readXlsx(path: string): Promise<{ rows: string[][]; allText: boolean }> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  const rows: string[][] = []
  let allText = true
  book.worksheets[0].eachRow((row) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.value !== null && typeof cell.value !== 'string') allText = false
      cells.push(cell.value === null ? '' : String(cell.value))
    })
    rows.push(cells)
  })
  return { rows, allText }
}
