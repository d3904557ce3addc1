import Taro from '@tarojs/taro'

export type SaveOutcome = 'downloaded' | 'shared' | 'unavailable'

const BOM = '\ufeff'

/**
 * Hands a CSV to the person as a file, the way each platform allows. The text
 * always starts with a BOM so Excel on Chinese Windows reads it as UTF-8.
 * Browser: a download. WeChat: the file is written to the app's own folder and
 * offered with shareFileMessage (send it to 文件传输助手 to open it on a PC).
 * 'unavailable' means neither works here (e.g. the PC client): offer a copy.
 */
export async function saveCsv(filename: string, csv: string): Promise<SaveOutcome> {
  const text = BOM + csv.replace(/^\ufeff/, '')
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
    const a = document.createElement('a')
    a.href = url
    a.download = filename
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return 'downloaded'
  }
  const share = (Taro as unknown as { shareFileMessage?: (o: { filePath: string; fileName: string }) => Promise<unknown> }).shareFileMessage
  if (typeof share !== 'function') return 'unavailable'
  try {
    const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`
    Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8')
    await share({ filePath, fileName: filename })
    return 'shared'
  } catch {
    return 'unavailable'
  }
}
