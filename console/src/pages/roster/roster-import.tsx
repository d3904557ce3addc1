import { useState } from 'react'
import { Alert, Button, Card, Progress, Space, Upload, type UploadFile } from 'tdesign-react'
import { RosterErrors } from './roster-errors'
import { phaseDone, type RosterRun, rowsSent, useRosterRun } from './roster-import-run'

const ENCODINGS = { 'utf-8': 'UTF-8', gb18030: 'GBK' } as const

function ProgressLine({ run, busy }: { run: RosterRun; busy: boolean }) {
  const sent = rowsSent(run)
  const verb = run.phase === 'preview' ? '检查' : '导入'
  const state = phaseDone(run) ? `${verb}完成` : busy ? `正在${verb}第 ${run.next + 1} / ${run.parts.length} 部分…` : '已暂停'
  return (
    <>
      <Progress percentage={run.rows ? Math.round((sent / run.rows) * 100) : 100} label={`${sent} / ${run.rows} 行`} />
      <p className='roster-phase'>
        {state}
        {run.encoding && `（文件编码 ${ENCODINGS[run.encoding]}）`}
      </p>
    </>
  )
}

function PreviewSummary({ run }: { run: RosterRun }) {
  const p = run.preview
  return (
    <p id='roster-preview-summary'>
      共 {run.rows} 行：将新增 {p.adds} 人，更新 {p.updates} 人{p.moves > 0 && `（其中 ${p.moves} 人调动所属工会）`}，未变 {p.unchanged}{' '}
      人；有问题 {p.errors.length} 行，不会导入。尚未写入任何数据。
    </p>
  )
}

function CommitSummary({ run }: { run: RosterRun }) {
  const c = run.commit
  return (
    <p id='roster-commit-summary'>
      新增 {c.imported} 人，更新 {c.updated} 人，未变 {c.unchanged} 人，未导入 {c.errors.length} 行。
    </p>
  )
}

/**
 * 名册导入 (issue 18): pick a file, every row is checked first and nothing is written until the officer has
 * seen what would happen (counts and each refused row) and confirms; then the import, with its progress.
 */
export function RosterImport({ onImported }: { onImported: () => void }) {
  const [files, setFiles] = useState<UploadFile[]>([])
  const { run, busy, error, ...act } = useRosterRun(onImported)
  const previewed = run?.phase === 'preview' && phaseDone(run)
  const toImport = run ? run.preview.adds + run.preview.updates + run.preview.unchanged : 0
  const check = () => {
    const raw = files[0]?.raw
    if (raw) void act.preview(raw)
  }

  return (
    <Card bordered={false} title='导入名册' style={{ marginBottom: 16 }}>
      <p className='muted' style={{ marginTop: 0 }}>
        CSV 第一行为表头：姓名、会员证号、手机号、所属工会、标签、性别、出生日期。Excel 另存的 CSV（GBK
        编码）可直接导入。先逐行检查、列出有问题的行，确认后才写入；重复导入会更新已有会员，不会重复。
      </p>
      <Space align='start'>
        <Upload
          theme='file'
          accept='.csv,.txt,text/csv'
          autoUpload={false}
          files={files}
          onChange={(f) => {
            setFiles(f.slice(-1))
            act.cancel()
          }}
          placeholder='未选择文件'
          disabled={busy}
        >
          <Button variant='outline' id='roster-pick'>
            选择名册文件
          </Button>
        </Upload>
        <Button id='roster-preview' loading={busy && run?.phase === 'preview'} disabled={!files.length || busy} onClick={check}>
          检查文件
        </Button>
      </Space>
      {error && <Alert theme='error' message={error} style={{ marginTop: 16 }} operation={<Button onClick={act.resume}>继续</Button>} />}
      {run && (
        <div id='roster-progress' style={{ marginTop: 16 }}>
          <ProgressLine run={run} busy={busy} />
          {run.phase === 'preview' ? <PreviewSummary run={run} /> : <CommitSummary run={run} />}
          {previewed && (
            <Space style={{ marginBottom: 16 }}>
              <Button id='roster-commit' disabled={toImport === 0} onClick={act.commit}>
                确认导入 {toImport} 行
              </Button>
              <Button id='roster-cancel' variant='outline' onClick={act.cancel}>
                取消
              </Button>
            </Space>
          )}
          <RosterErrors id='roster-errors' errors={run.phase === 'preview' ? run.preview.errors : run.commit.errors} />
        </div>
      )}
    </Card>
  )
}
