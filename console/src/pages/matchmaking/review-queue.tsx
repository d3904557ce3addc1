import { useState } from 'react'
import { Alert, Button, Card, Dialog, Progress, Radio, Space, Table, Tag, Textarea, type PrimaryTableCol } from 'tdesign-react'
import type { MixerDTO, ReviewRowDTO } from '~types/matchmaking'
import { SIGNUP_STATUS_LABELS } from '~types/matchmaking.labels'
import { formatShanghai } from '~src/utils/datetime'
import { call, messageOf } from '../../api'
import { useRemote } from '../../use-remote'

type Verdict = 'approve' | 'reject'
interface Failure {
  ref: string
  who: string
  message: string
}
interface Run {
  verdict: Verdict
  total: number
  done: number
  failures: Failure[]
  finished: boolean
}

/** 已通过 18 人，2 人未处理 */
function summaryOf(run: Run): string {
  const failed = run.failures.length
  return `已${run.verdict === 'approve' ? '通过' : '拒绝'} ${run.total - failed} 人${failed ? `，${failed} 人未处理` : ''}`
}

const who = (r: ReviewRowDTO) => `${r.nickname}（${r.maskedName}）`

/**
 * The review queue of one mixer: pick rows, approve or reject them (a rejection carries a reason) after one
 * confirmation naming how many. There is no bulk action on the server: each row is its own `decide` with
 * its own request id, one after another (places and the waiting list move with each), so a failed row is
 * shown by name and the rest still go through.
 */
export function ReviewQueue({ mixer }: { mixer: MixerDTO }) {
  const list = useRemote(() => call('matchmaking', 'reviewList', { mixerId: mixer.id }), [mixer.id])
  const [selected, setSelected] = useState<string[]>([])
  const [asking, setAsking] = useState<Verdict | null>(null)
  const [reason, setReason] = useState('')
  const [run, setRun] = useState<Run | null>(null)
  const [only, setOnly] = useState<'review' | 'all'>('review')
  const busy = run !== null && !run.finished

  const rows = list.data?.rows ?? []
  // the queue oldest first (as they signed up); everyone newest first
  const shown =
    only === 'review'
      ? rows.filter((r) => r.status === 'review').sort((a, b) => a.signedUpAt - b.signedUpAt)
      : [...rows].sort((a, b) => b.signedUpAt - a.signedUpAt)
  const chosen = rows.filter((r) => selected.includes(r.ref) && r.status === 'review')

  const decideAll = async (verdict: Verdict) => {
    const todo = chosen
    const why = reason.trim()
    setAsking(null)
    setRun({ verdict, total: todo.length, done: 0, failures: [], finished: false })
    for (const row of todo) {
      try {
        await call('matchmaking', 'decide', {
          mixerId: mixer.id,
          ref: row.ref,
          approve: verdict === 'approve',
          ...(verdict === 'reject' && why ? { reason: why } : {}),
        })
        setRun((r) => r && { ...r, done: r.done + 1 })
      } catch (err) {
        const failure = { ref: row.ref, who: who(row), message: messageOf(err) }
        setRun((r) => r && { ...r, done: r.done + 1, failures: [...r.failures, failure] })
      }
    }
    setRun((r) => r && { ...r, finished: true })
    setSelected([])
    setReason('')
    list.reload()
  }

  const columns: PrimaryTableCol<ReviewRowDTO>[] = [
    { colKey: 'row-select', type: 'multiple', width: 56, checkProps: ({ row }) => ({ disabled: row.status !== 'review' || busy }) },
    { colKey: 'nickname', title: '昵称' },
    { colKey: 'maskedName', title: '姓名' },
    { colKey: 'gender', title: '性别', cell: ({ row }) => (row.gender === 'M' ? '男' : '女') },
    { colKey: 'sector', title: '领域' },
    { colKey: 'birthYear', title: '出生年份' },
    { colKey: 'signedUpAt', title: '报名时间', cell: ({ row }) => formatShanghai(row.signedUpAt) },
    {
      colKey: 'status',
      title: '状态',
      cell: ({ row }) => (
        <Tag theme={row.status === 'review' ? 'warning' : row.status === 'approved' ? 'success' : 'default'}>
          {SIGNUP_STATUS_LABELS[row.status]}
          {row.position ? ` · 第 ${row.position} 位` : ''}
        </Tag>
      ),
    },
  ]

  const waiting = rows.filter((r) => r.status === 'review').length
  return (
    <Card bordered={false} title={`报名审核 · ${mixer.title}`} className='mixer-card'>
      {list.error && <Alert theme='error' message={list.error} operation={<Button onClick={list.reload}>重试</Button>} />}
      <Space align='center' className='review-actions'>
        <Radio.Group value={only} onChange={(v) => setOnly(v as 'review' | 'all')}>
          <Radio.Button value='review'>待审核</Radio.Button>
          <Radio.Button value='all'>全部报名</Radio.Button>
        </Radio.Group>
        <span className='muted'>
          待审核 {waiting} 人，已选 {chosen.length} 人
        </span>
        <Button id='review-approve' disabled={!chosen.length || busy} onClick={() => setAsking('approve')}>
          通过所选
        </Button>
        <Button id='review-reject' theme='danger' variant='outline' disabled={!chosen.length || busy} onClick={() => setAsking('reject')}>
          不通过所选
        </Button>
      </Space>
      {run && (
        <div className='review-run' id='review-run'>
          <Progress percentage={run.total ? Math.round((run.done / run.total) * 100) : 100} label={`${run.done} / ${run.total}`} />
          {run.finished && <Alert theme={run.failures.length ? 'warning' : 'success'} message={summaryOf(run)} />}
          {run.failures.map((f) => (
            <Alert key={f.ref} theme='error' message={`${f.who}：${f.message}`} />
          ))}
        </div>
      )}
      <Table
        rowKey='ref'
        columns={columns}
        data={shown}
        loading={list.loading}
        selectedRowKeys={selected}
        onSelectChange={(keys) => setSelected(keys.map(String))}
        empty={only === 'review' ? '没有待审核的报名' : '还没有人报名'}
        pagination={{ defaultPageSize: 50, pageSizeOptions: [50, 100, 200], total: shown.length }}
      />
      <Dialog
        visible={asking !== null}
        header={asking === 'approve' ? '通过报名' : '不通过报名'}
        confirmBtn={{
          content: asking === 'approve' ? `通过 ${chosen.length} 人` : `不通过 ${chosen.length} 人`,
          disabled: asking === 'reject' && !reason.trim(),
        }}
        cancelBtn='取消'
        theme={asking === 'reject' ? 'warning' : 'default'}
        onConfirm={() => asking && void decideAll(asking)}
        onClose={() => setAsking(null)}
      >
        {asking === 'approve' ? (
          <p>将通过所选 {chosen.length} 人的报名，确定吗？</p>
        ) : (
          <>
            <p>将不通过所选 {chosen.length} 人的报名，请填写原因（最多 100 字）。</p>
            <Textarea
              id='review-reason'
              value={reason}
              onChange={(v) => setReason(String(v))}
              maxlength={100}
              placeholder='如：年龄不符合本场要求'
            />
          </>
        )}
      </Dialog>
    </Card>
  )
}
