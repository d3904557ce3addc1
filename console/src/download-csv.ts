/**
 * Saves an export action's CSV text as a file Excel opens right: UTF-8 with a BOM (without it Excel on
 * Chinese Windows reads the bytes as GBK). Some actions already start their text with the BOM: never twice.
 */
export function downloadCsv(filename: string, csv: string): void {
  const text = csv.startsWith('\ufeff') ? csv : `\ufeff${csv}`
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename.endsWith('.csv') ? filename : `${filename}.csv`
  document.body.appendChild(a)
  a.click()
  a.remove()
  // The click has handed the blob to the download; free it once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
