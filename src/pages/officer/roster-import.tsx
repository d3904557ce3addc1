import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { RosterImportResult } from '../../../types/member'
import { BigButton } from '../../components/big-button'
import { call, messageOf } from '../../services/api'
import './index.css'

const MAX_CSV_CHARS = 900_000 // the host refuses bodies over 1 MB; say so before sending
const MAX_ROWS = 5_000 // the member function's limit per import

/** WeChat: pick a CSV a colleague sent in a chat, the usual way files reach a phone. */
async function pickCsvInWeChat(): Promise<string> {
  const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] })
  return Taro.getFileSystemManager().readFileSync(tempFiles[0].path, 'utf8') as string
}

export function RosterImport({ onImported }: { onImported?: () => void }) {
  const [csv, setCsv] = useState('')
  const [result, setResult] = useState<RosterImportResult | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    setError('')
    setResult(null)
    if (!csv.trim()) return setError('请粘贴名册内容或选择文件')
    const rows = csv.split('\n').filter((l) => l.trim()).length - 1
    if (csv.length > MAX_CSV_CHARS || rows > MAX_ROWS) return setError(`文件过大（${rows} 行），请分批导入，每批不超过 ${MAX_ROWS} 行`)
    setBusy(true)
    try {
      setResult(await call('member', 'importRoster', { csv }, { idempotent: true, loadingText: '正在导入' }))
      onImported?.()
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  const onFile = (file: File | undefined) => file && file.text().then(setCsv, () => setError('无法读取该文件'))

  return (
    <View className='card'>
      <Text className='card__title'>导入会员名册</Text>
      <Text className='muted'>CSV 第一行为表头：姓名、会员证号、手机号、所属工会、标签、性别、出生日期。重复导入会更新已有会员，不会重复。</Text>
      {process.env.TARO_ENV === 'h5' && (
        <input id='roster-file' className='roster__file' type='file' accept='.csv,text/csv,text/plain' onChange={(e) => onFile(e.target.files?.[0])} />
      )}
      {process.env.TARO_ENV === 'weapp' && (
        <BigButton variant='secondary' onClick={() => pickCsvInWeChat().then(setCsv, () => undefined)}>从聊天记录选择文件</BigButton>
      )}
      <Textarea id='roster-csv' className='roster__text' value={csv} maxlength={-1} placeholder='或在此粘贴 CSV 内容' onInput={(e) => setCsv(e.detail.value)} />
      <BigButton id='roster-submit' loading={busy} onClick={submit}>开始导入</BigButton>
      {error && <Text className='error-text'>{error}</Text>}
      {result && (
        <View id='roster-result'>
          <Text className='roster__summary'>新增 {result.imported} 人，更新 {result.updated} 人，未变 {result.unchanged} 人，出错 {result.errors.length} 行</Text>
          {result.errors.map((e) => (
            <Text key={e.line} className='roster__error'>第 {e.line} 行：{e.reason}</Text>
          ))}
        </View>
      )}
    </View>
  )
}
