import Taro from '@tarojs/taro'

/**
 * Hands an export to the officer the way each platform allows: a file download
 * in the browser; in WeChat (no downloads to a folder) the text goes to the
 * clipboard, ready to paste into a chat with a colleague or into a spreadsheet.
 */
export async function exportText(filename: string, text: string): Promise<'downloaded' | 'copied'> {
  if (process.env.TARO_ENV === 'h5') {
    // A BOM makes Excel read the Chinese as UTF-8.
    const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }))
    const a = document.createElement('a')
    a.href = url
    a.download = filename
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return 'downloaded'
  }
  await Taro.setClipboardData({ data: text })
  return 'copied'
}
