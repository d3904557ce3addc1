import { Text, Textarea, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import type { RosterImportResult } from '~types/member'
import { BigButton } from '~src/components/big-button'
import { FieldError } from '~src/components/field'
import { useAction } from '~src/hooks/use-action'
import { useFormErrors, type FormErrors } from '~src/hooks/use-form-errors'
import { call } from '~src/services/api'
import { pickRosterFile, type PickedFile } from './pick-roster-file'
import { splitRosterFile, type RosterPart } from '~types/roster-chunks'
import { toBase64 as base64Of, utf8 as utf8Of } from '~src/utils/bytes'
import './index.css'

interface Run {
  importId: string
  parts: RosterPart[]
  next: number
  total: { imported: number; updated: number; unchanged: number; errors: RosterImportResult['errors'] }
  encoding: RosterImportResult['encoding']
}

const newImportId = () => `imp${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
const isH5 = process.env.TARO_ENV === 'h5'
const INTRO =
  'CSV 第一行为表头：姓名、会员证号、手机号、所属工会、标签、性别、出生日期。Excel 另存的 CSV（GBK 编码）可直接导入。重复导入会更新已有会员，不会重复。所属工会须与「工会组织」中的名称一致，且属于本工会或下级工会，其他行会逐行列出原因、不会导入。'

/** Sends one part; the run with its totals after it. */
async function sendPart(r: Run, part: number): Promise<Run> {
  const p = r.parts[part]
  const chunk = r.parts.length > 1 ? { importId: r.importId, part, parts: r.parts.length, firstLine: p.firstLine } : undefined
  const data = { csvBase64: base64Of(p.bytes), ...(chunk ? { chunk } : {}) }
  const res = await call('member', 'importRoster', data, { silent: r.parts.length > 1, loadingText: '正在导入' })
  const t = r.total
  const total = {
    imported: t.imported + res.imported,
    updated: t.updated + res.updated,
    unchanged: t.unchanged + res.unchanged,
    errors: [...t.errors, ...res.errors],
  }
  return { ...r, next: part + 1, encoding: res.encoding, total }
}

/** A file's import, part after part; a failed part can be resumed from where it stopped. */
function useRosterUpload(source: FormErrors<'source'>, onImported?: () => void) {
  const [run, setRun] = useState<Run | null>(null)
  const sendFrom = async (r: Run) => {
    for (let part = r.next; part < r.parts.length; part++) {
      r = await sendPart(r, part)
      setRun(r)
    }
    onImported?.()
  }
  const start = useAction(async (bytes: Uint8Array | null) => {
    if (!source.check({ source: bytes ? undefined : '请选择名册文件或粘贴 CSV 内容' }) || !bytes) return
    const first: Run = { importId: newImportId(), parts: splitRosterFile(bytes), next: 0, total: EMPTY_TOTAL, encoding: 'utf-8' }
    setRun(first)
    await sendFrom(first)
  })
  const resume = useAction(async () => run && sendFrom(run))
  return { run, clear: () => setRun(null), start, resume, busy: start.busy || resume.busy, error: start.error || resume.error }
}

const EMPTY_TOTAL: Run['total'] = { imported: 0, updated: 0, unchanged: 0, errors: [] }

interface SourceProps {
  file: PickedFile | null
  csv: string
  setCsv: (csv: string) => void
  onPick: (file: PickedFile | null) => void
  onUnreadable: () => void
}

/** The roster to import: a file (picked from the chat or the computer) or pasted text. */
function RosterSource({ file, csv, setCsv, onPick, onUnreadable }: SourceProps) {
  const fileInput = useRef<HTMLInputElement | null>(null)
  const pick = () => pickRosterFile(fileInput.current).then((f) => f && onPick(f), onUnreadable)
  return (
    <>
      {isH5 && (
        // The native input reads "Choose File": it stays hidden behind a Chinese button.
        <input
          id='roster-file'
          ref={fileInput}
          className='roster__file'
          type='file'
          accept='.csv,text/csv,text/plain'
          onChange={() => void pick()}
        />
      )}
      <BigButton id='roster-pick' variant='secondary' onClick={() => (isH5 ? fileInput.current?.click() : void pick())}>
        {isH5 ? '选择名册文件（CSV）' : '从聊天记录选择名册文件'}
      </BigButton>
      {file && <Text id='roster-picked' className='muted'>{`已选择：${file.name}（${Math.ceil(file.bytes.length / 1024)} KB）`}</Text>}
      {!file && (
        <Textarea
          id='roster-csv'
          className='roster__text'
          value={csv}
          maxlength={-1}
          placeholder='或在此粘贴 CSV 内容'
          onInput={(e) => setCsv(e.detail.value)}
        />
      )}
      {file && (
        <BigButton variant='secondary' onClick={() => onPick(null)}>
          改为粘贴内容
        </BigButton>
      )}
    </>
  )
}

function Progress({ run }: { run: Run }) {
  const rows = run.parts.slice(0, run.next).reduce((n, p) => n + p.rows, 0)
  const allRows = run.parts.reduce((n, p) => n + p.rows, 0)
  return (
    <View id='roster-progress'>
      <View className='roster__bar'>
        <View className='roster__bar-fill' style={{ width: `${Math.round((run.next / run.parts.length) * 100)}%` }} />
      </View>
      <Text className='muted'>{`已导入 ${run.next} / ${run.parts.length} 批（${rows} / ${allRows} 行）`}</Text>
    </View>
  )
}

/** The roster's source, a file or pasted text, and its one message (the form kit): gone as soon as she picks or pastes. */
function useRosterSource() {
  const [csv, setCsv] = useState('')
  const [file, setFile] = useState<PickedFile | null>(null)
  const errors = useFormErrors<'source'>({ scope: 'roster-import' })
  const pick = (f: PickedFile | null) => {
    setFile(f)
    setCsv('')
    errors.changed('source')
  }
  const paste = (text: string) => {
    setCsv(text)
    errors.changed('source')
  }
  const bytes = () => (file ? file.bytes : csv.trim() ? utf8Of(csv) : null)
  return { csv, file, errors, pick, paste, bytes }
}

export function RosterImport({ onImported }: { onImported?: () => void }) {
  const { csv, file, errors: source, pick, paste, bytes } = useRosterSource()
  const upload = useRosterUpload(source, onImported)
  const { run } = upload
  const onPick = (f: PickedFile | null) => {
    pick(f)
    upload.clear()
  }
  const failed = !upload.busy && run && run.next < run.parts.length
  return (
    <View className='card' id='roster-import'>
      <Text className='card__title'>导入会员名册</Text>
      <Text className='muted'>{INTRO}</Text>
      <RosterSource
        file={file}
        csv={csv}
        setCsv={paste}
        onPick={onPick}
        onUnreadable={() => source.check({ source: '无法读取该文件，请确认是 CSV 文件' })}
      />
      <FieldError id='roster-source-error' message={source.of('source')} />
      <BigButton id='roster-submit' loading={upload.busy} onClick={() => void upload.start.run(bytes())}>
        开始导入
      </BigButton>
      {run && run.parts.length > 1 && <Progress run={run} />}
      {upload.error && <Text className='error-text'>{upload.error}</Text>}
      {failed && run.next > 0 && (
        <BigButton id='roster-resume' onClick={() => void upload.resume.run()}>{`从第 ${run.next + 1} 批继续导入`}</BigButton>
      )}
      {run && run.next > 0 && <ImportSummary run={run} />}
    </View>
  )
}

function ImportSummary({ run }: { run: Run }) {
  const { total } = run
  return (
    <View id='roster-result'>
      {run.encoding === 'gb18030' && <Text className='muted'>文件为 GBK 编码（Excel 默认），已自动识别。</Text>}
      <Text className='roster__summary'>
        新增 {total.imported} 人，更新 {total.updated} 人，未变 {total.unchanged} 人，出错 {total.errors.length} 行
      </Text>
      {total.errors.slice(0, 100).map((e) => (
        <Text key={e.line} className='roster__error'>
          第 {e.line} 行：{e.reason}
        </Text>
      ))}
      {total.errors.length > 100 && (
        <Text className='roster__error'>另有 {total.errors.length - 100} 行出错，请修正文件后重新导入（已导入的不会重复）。</Text>
      )}
    </View>
  )
}
