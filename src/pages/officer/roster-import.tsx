import { Text, Textarea, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import type { RosterImportResult } from '../../../types/member'
import { BigButton } from '../../components/big-button'
import { Refusal, useAction } from '../../hooks/use-action'
import { call } from '../../services/api'
import { pickRosterFile, type PickedFile } from './pick-roster-file'
import { splitRosterFile, type RosterPart } from '../../../types/roster-chunks'
import { toBase64 as base64Of, utf8 as utf8Of } from '../../utils/bytes'
import './index.css'

interface Run {
  importId: string
  parts: RosterPart[]
  next: number
  total: { imported: number; updated: number; unchanged: number; errors: RosterImportResult['errors'] }
  encoding: RosterImportResult['encoding']
}

const newImportId = () => `imp${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`

export function RosterImport({ onImported }: { onImported?: () => void }) {
  const [csv, setCsv] = useState('')
  const [file, setFile] = useState<PickedFile | null>(null)
  const [run, setRun] = useState<Run | null>(null)
  const fileInput = useRef<HTMLInputElement | null>(null)

  const sendFrom = async (r: Run) => {
    for (let part = r.next; part < r.parts.length; part++) {
      const p = r.parts[part]
      const chunk = r.parts.length > 1 ? { importId: r.importId, part, parts: r.parts.length, firstLine: p.firstLine } : undefined
      const res = await call('member', 'importRoster', { csvBase64: base64Of(p.bytes), ...(chunk ? { chunk } : {}) }, { silent: r.parts.length > 1, loadingText: '正在导入' })
      const t = r.total
      r = { ...r, next: part + 1, encoding: res.encoding, total: { imported: t.imported + res.imported, updated: t.updated + res.updated, unchanged: t.unchanged + res.unchanged, errors: [...t.errors, ...res.errors] } }
      setRun(r)
    }
    onImported?.()
  }
  const start = useAction(async () => {
    const bytes = file ? file.bytes : csv.trim() ? utf8Of(csv) : null
    if (!bytes) throw new Refusal('请选择名册文件或粘贴 CSV 内容')
    const parts = splitRosterFile(bytes)
    const first: Run = { importId: newImportId(), parts, next: 0, total: { imported: 0, updated: 0, unchanged: 0, errors: [] }, encoding: 'utf-8' }
    setRun(first)
    await sendFrom(first)
  })
  const resume = useAction(async () => run && sendFrom(run))
  const busy = start.busy || resume.busy
  const pick = () => pickRosterFile(fileInput.current).then((f) => f && (setFile(f), setCsv(''), setRun(null)), () => start.setError('无法读取该文件，请确认是 CSV 文件'))

  const rows = run ? run.parts.slice(0, run.next).reduce((n, p) => n + p.rows, 0) : 0
  const allRows = run ? run.parts.reduce((n, p) => n + p.rows, 0) : 0
  const failed = !busy && run && run.next < run.parts.length
  return (
    <View className='card' id='roster-import'>
      <Text className='card__title'>导入会员名册</Text>
      <Text className='muted'>CSV 第一行为表头：姓名、会员证号、手机号、所属工会、标签、性别、出生日期。Excel 另存的 CSV（GBK 编码）可直接导入。重复导入会更新已有会员，不会重复。</Text>
      {process.env.TARO_ENV === 'h5' && (
        // The native input reads "Choose File": it stays hidden behind a Chinese button.
        <input id='roster-file' ref={fileInput} className='roster__file' type='file' accept='.csv,text/csv,text/plain' onChange={() => void pick()} />
      )}
      <BigButton id='roster-pick' variant='secondary' onClick={() => (process.env.TARO_ENV === 'h5' ? fileInput.current?.click() : void pick())}>
        {process.env.TARO_ENV === 'h5' ? '选择名册文件（CSV）' : '从聊天记录选择名册文件'}
      </BigButton>
      {file && <Text id='roster-picked' className='muted'>已选择：{file.name}（{Math.ceil(file.bytes.length / 1024)} KB）</Text>}
      {!file && <Textarea id='roster-csv' className='roster__text' value={csv} maxlength={-1} placeholder='或在此粘贴 CSV 内容' onInput={(e) => setCsv(e.detail.value)} />}
      {file && <BigButton variant='secondary' onClick={() => setFile(null)}>改为粘贴内容</BigButton>}
      <BigButton id='roster-submit' loading={busy} onClick={() => void start.run()}>开始导入</BigButton>
      {run && run.parts.length > 1 && (
        <View id='roster-progress'>
          <View className='roster__bar'>
            <View className='roster__bar-fill' style={{ width: `${Math.round((run.next / run.parts.length) * 100)}%` }} />
          </View>
          <Text className='muted'>已导入 {run.next} / {run.parts.length} 批（{rows} / {allRows} 行）</Text>
        </View>
      )}
      {(start.error || resume.error) && <Text className='error-text'>{start.error || resume.error}</Text>}
      {failed && run.next > 0 && <BigButton id='roster-resume' onClick={() => void resume.run()}>从第 {run.next + 1} 批继续导入</BigButton>}
      {run && run.next > 0 && <ImportSummary run={run} />}
    </View>
  )
}

function ImportSummary({ run }: { run: Run }) {
  const { total } = run
  return (
    <View id='roster-result'>
      {run.encoding === 'gb18030' && <Text className='muted'>文件为 GBK 编码（Excel 默认），已自动识别。</Text>}
      <Text className='roster__summary'>新增 {total.imported} 人，更新 {total.updated} 人，未变 {total.unchanged} 人，出错 {total.errors.length} 行</Text>
      {total.errors.slice(0, 100).map((e) => (
        <Text key={e.line} className='roster__error'>第 {e.line} 行：{e.reason}</Text>
      ))}
      {total.errors.length > 100 && <Text className='roster__error'>另有 {total.errors.length - 100} 行出错，请修正文件后重新导入（已导入的不会重复）。</Text>}
    </View>
  )
}
