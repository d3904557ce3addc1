import { useState } from 'react'
import { Alert, Button, Card, Progress, Table, Upload, type UploadFile } from 'tdesign-react'
import type { RosterImportResult } from '~types/member'
import { splitRosterFile } from '~types/roster-chunks'
import { toBase64 } from '~src/utils/bytes'
import { call, messageOf } from '../../api'

interface Totals {
  imported: number
  updated: number
  unchanged: number
  errors: RosterImportResult['errors']
}

interface Run {
  importId: string
  parts: ReturnType<typeof splitRosterFile>
  next: number
  totals: Totals
  encoding: RosterImportResult['encoding'] | null
}

const EMPTY: Totals = { imported: 0, updated: 0, unchanged: 0, errors: [] }
const newImportId = () => `con${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
const ENCODINGS = { 'utf-8': 'UTF-8', gb18030: 'GBK' } as const

/**
 * 名册导入: the file's bytes go as they are (the function tells UTF-8 from GBK), in parts of 1,000 rows
 * with the chunk protocol of types/roster-chunks.ts, as the mini-program's roster-import page sends them.
 * A part that fails stops the run; 继续导入 resends from that part (the function keeps the running totals).
 */
export function RosterImport({ onImported }: { onImported: () => void }) {
  const [files, setFiles] = useState<UploadFile[]>([])
  const [run, setRun] = useState<Run | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const sendFrom = async (start: Run) => {
    setBusy(true)
    setError(null)
    let r = start
    try {
      for (let part = r.next; part < r.parts.length; part++) {
        const p = r.parts[part]
        const chunk = r.parts.length > 1 ? { importId: r.importId, part, parts: r.parts.length, firstLine: p.firstLine } : undefined
        const res = await call('member', 'importRoster', { csvBase64: toBase64(p.bytes), ...(chunk ? { chunk } : {}) })
        const t = r.totals
        r = {
          ...r,
          next: part + 1,
          encoding: res.encoding,
          totals: {
            imported: t.imported + res.imported,
            updated: t.updated + res.updated,
            unchanged: t.unchanged + res.unchanged,
            errors: [...t.errors, ...res.errors],
          },
        }
        setRun(r)
      }
      onImported()
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  const start = async () => {
    const raw = files[0]?.raw
    if (!raw) return setError('请先选择名册文件（CSV）')
    const parts = splitRosterFile(new Uint8Array(await raw.arrayBuffer()))
    const first: Run = { importId: newImportId(), parts, next: 0, totals: EMPTY, encoding: null }
    setRun(first)
    await sendFrom(first)
  }

  const rows = run?.parts.reduce((n, p) => n + p.rows, 0) ?? 0
  const sent = run?.parts.slice(0, run.next).reduce((n, p) => n + p.rows, 0) ?? 0
  const done = !!run && run.next === run.parts.length

  return (
    <Card bordered={false} title='导入名册' style={{ marginBottom: 16 }}>
      <p className='muted' style={{ marginTop: 0 }}>
        CSV 第一行为表头：姓名、会员证号、手机号、所属工会、标签、性别、出生日期。Excel 另存的 CSV（GBK
        编码）可直接导入；重复导入会更新已有会员，不会重复。有问题的行不会导入，会逐行列出原因。
      </p>
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
        <Upload
          theme='file'
          accept='.csv,.txt,text/csv'
          autoUpload={false}
          files={files}
          onChange={(f) => {
            setFiles(f.slice(-1))
            setRun(null)
          }}
          placeholder='未选择文件'
          disabled={busy}
        >
          <Button variant='outline' id='roster-pick'>
            选择名册文件
          </Button>
        </Upload>
        <Button id='roster-import' loading={busy} disabled={!files.length} onClick={() => void start()}>
          开始导入
        </Button>
        {run && !done && !busy && (
          <Button variant='outline' onClick={() => void sendFrom(run)}>
            继续导入
          </Button>
        )}
      </div>
      {error && <Alert theme='error' message={error} style={{ marginTop: 16 }} />}
      {run && (
        <div id='roster-progress' style={{ marginTop: 16 }}>
          <Progress percentage={rows ? Math.round((sent / rows) * 100) : 100} label={`${sent} / ${rows} 行`} />
          <p>
            {done ? '导入完成' : busy ? `正在导入第 ${run.next + 1} / ${run.parts.length} 部分…` : '已暂停'}
            {run.encoding && `（文件编码 ${ENCODINGS[run.encoding]}）`}：新增 {run.totals.imported} 人，更新 {run.totals.updated} 人，未变{' '}
            {run.totals.unchanged} 人，未导入 {run.totals.errors.length} 行。
          </p>
          {run.totals.errors.length > 0 && (
            <Table
              rowKey='line'
              size='medium'
              columns={[
                { colKey: 'line', title: '行号', width: 100 },
                { colKey: 'reason', title: '原因' },
              ]}
              data={run.totals.errors}
              pagination={{ defaultPageSize: 10, total: run.totals.errors.length }}
            />
          )}
        </div>
      )}
    </Card>
  )
}
