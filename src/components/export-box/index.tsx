import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { useAction } from '~src/hooks/use-action'
import { saveCsv, type SaveOutcome } from '~src/utils/save-file'
import { BigButton } from '../big-button'

export interface CsvFile {
  filename: string
  csv: string
  rows: number
}

interface Props {
  id: string
  label: string
  /** Builds the file (usually one call); throw a Refusal to say what is missing. */
  load: () => Promise<CsvFile>
  variant?: 'secondary' | 'danger'
}

const SAID: Record<Exclude<SaveOutcome, 'unavailable'>, string> = { downloaded: '已下载', shared: '已生成文件' }

/**
 * One export button for every list an officer takes away: a UTF-8-with-BOM CSV
 * file that Excel opens in Chinese. Copying the text is offered only where a
 * file cannot be handed over.
 */
export function ExportBox({ id, label, load, variant = 'secondary' }: Props) {
  const [file, setFile] = useState<CsvFile | null>(null)
  const [said, setSaid] = useState('')
  const action = useAction(async () => {
    setSaid('')
    const made = await load()
    const how = await saveCsv(made.filename, made.csv)
    setFile(how === 'unavailable' ? made : null)
    setSaid(
      how === 'unavailable'
        ? `此处无法保存文件：共 ${made.rows} 行，可复制后粘贴到表格`
        : `${SAID[how]} ${made.filename}（${made.rows} 行）`,
    )
  })
  const copy = () =>
    file &&
    Taro.setClipboardData({ data: file.csv.replace(/^\ufeff/, '') }).then(
      () => setSaid(`已复制 ${file.rows} 行`),
      () => action.setError('复制失败，请稍后再试'),
    )
  return (
    <View id={id} className='export-box'>
      <BigButton id={`${id}-button`} variant={variant} loading={action.busy} onClick={() => void action.run()}>
        {label}
      </BigButton>
      {said && (
        <Text id={`${id}-said`} className='muted'>
          {said}
        </Text>
      )}
      {action.error && <Text className='error-text'>{action.error}</Text>}
      {file && (
        <BigButton id={`${id}-copy`} variant='secondary' onClick={() => void copy()}>
          复制 CSV 文本
        </BigButton>
      )}
    </View>
  )
}
