import Taro from '@tarojs/taro'

export interface PickedFile {
  name: string
  bytes: Uint8Array
}

/**
 * The roster file's raw bytes, never decoded here: the server tells UTF-8 from
 * GBK. Browser: the file input. WeChat: a file a colleague sent in a chat, the
 * usual way files reach a phone. null when nothing was picked.
 */
export async function pickRosterFile(input: HTMLInputElement | null): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') {
    const file = input?.files?.[0]
    if (!file) return null
    const bytes = new Uint8Array(await file.arrayBuffer())
    if (input) input.value = '' // picking the same file again still fires
    return { name: file.name, bytes }
  }
  const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] }).catch(() => ({
    tempFiles: [] as Taro.chooseMessageFile.ChooseFile[],
  }))
  if (!tempFiles.length) return null
  const data = Taro.getFileSystemManager().readFileSync(tempFiles[0].path) as ArrayBuffer
  return { name: tempFiles[0].name, bytes: new Uint8Array(data) }
}
