import { useState } from 'react'
import { Alert, Button, Card, Radio, Select, Space, Table, Tag, type PrimaryTableCol } from 'tdesign-react'
import {
  DECIDE_MANY_MAX,
  SECTORS,
  type DecideManyResultDTO,
  type Gender,
  type MixerDTO,
  type ReviewGenderSummary,
  type ReviewRowDTO,
  type Sector,
  type SignupStatus,
} from '~types/matchmaking'
import { SIGNUP_STATUS_LABELS } from '~types/matchmaking.labels'
import { formatShanghai } from '~src/utils/datetime'
import { call, messageOf } from '../../api'
import { useRemoteTable } from '../../use-remote-table'
import { ReviewDecideDialog } from './review-decide-dialog'
import { DecideOutcome, ReviewSummary } from './review-summary'

type Verdict = 'approve' | 'reject'
interface Filters {
  status?: SignupStatus
  gender?: Gender
  sector?: Sector
}

const COLUMNS: PrimaryTableCol<ReviewRowDTO>[] = [
  { colKey: 'nickname', title: '昵称' },
  { colKey: 'maskedName', title: '姓名' },
  { colKey: 'gender', title: '性别', cell: ({ row }) => (row.gender === 'M' ? '男' : '女') },
  { colKey: 'sector', title: '领域' },
  { colKey: 'birthYear', title: '出生年份' },
  { colKey: 'signedUpAt', title: '报名时间', sorter: true, cell: ({ row }) => formatShanghai(row.signedUpAt) },
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

/**
 * The review queue of one mixer, paged and filtered by the function (reviewTable) with the exact balance per
 * gender beside it. Rows picked on any page are decided in ONE call (decideMany, at most 100) after one
 * confirmation naming how many; each row answers ok or its own refusal, shown by name.
 */
export function ReviewQueue({ mixer }: { mixer: MixerDTO }) {
  const [summary, setSummary] = useState<ReviewGenderSummary[]>()
  const [selected, setSelected] = useState<string[]>([])
  const [asking, setAsking] = useState<Verdict | null>(null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<DecideManyResultDTO | null>(null)
  const [error, setError] = useState<string | null>(null)
  const table = useRemoteTable<ReviewRowDTO, Filters, 'signedUpAt'>(
    async (req) => {
      const page = await call('matchmaking', 'reviewTable', { ...req, mixerId: mixer.id })
      setSummary(page.summary)
      return page
    },
    { status: 'review' },
    { deps: [mixer.id] },
  )
  const filter = (patch: Filters) => table.setFilters({ ...table.filters, ...patch })
  // the queue (and the line) oldest first, as they signed up; the others newest first
  const showStatus = (status: SignupStatus | undefined) => {
    filter({ status })
    table.tableProps.onSortChange({ sortBy: 'signedUpAt', descending: status !== 'review' && status !== 'waiting' })
  }

  const decide = async (verdict: Verdict, reason: string) => {
    setAsking(null)
    setBusy(true)
    setError(null)
    try {
      const approve = verdict === 'approve'
      const out = await call('matchmaking', 'decideMany', { mixerId: mixer.id, refs: selected, approve, ...(approve ? {} : { reason }) })
      setResult(out)
      setSummary(out.summary)
      setSelected([])
      table.reload()
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  const columns: PrimaryTableCol<ReviewRowDTO>[] = [
    { colKey: 'row-select', type: 'multiple', width: 56, checkProps: ({ row }) => ({ disabled: row.status !== 'review' || busy }) },
    ...COLUMNS,
  ]
  const tooMany = selected.length > DECIDE_MANY_MAX
  const waiting = summary ? summary.reduce((n, s) => n + s.review, 0) : 0
  return (
    <Card bordered={false} title={`报名审核 · ${mixer.title}`} className='mixer-card'>
      <ReviewSummary summary={summary} />
      {table.error && <Alert theme='error' message={table.error} operation={<Button onClick={table.reload}>重试</Button>} />}
      <Space align='center' className='review-actions' breakLine>
        <Radio.Group value={table.filters.status ?? 'all'} onChange={(v) => showStatus(v === 'all' ? undefined : (v as SignupStatus))}>
          <Radio.Button value='review'>待审核</Radio.Button>
          <Radio.Button value='waiting'>候补中</Radio.Button>
          <Radio.Button value='approved'>已通过</Radio.Button>
          <Radio.Button value='all'>全部报名</Radio.Button>
        </Radio.Group>
        <Select
          placeholder='全部性别'
          clearable
          value={table.filters.gender}
          onChange={(v) => filter({ gender: (v || undefined) as Gender | undefined })}
          options={[
            { label: '女', value: 'F' },
            { label: '男', value: 'M' },
          ]}
          style={{ width: 140 }}
        />
        <Select
          placeholder='全部领域'
          clearable
          value={table.filters.sector}
          onChange={(v) => filter({ sector: (v || undefined) as Sector | undefined })}
          options={SECTORS.map((s) => ({ label: s, value: s }))}
          style={{ width: 160 }}
        />
        <span className='muted'>
          待审核 {waiting} 人，已选 {selected.length} 人{tooMany ? `（一次最多 ${DECIDE_MANY_MAX} 人）` : ''}
        </span>
        <Button id='review-approve' disabled={!selected.length || tooMany || busy} loading={busy} onClick={() => setAsking('approve')}>
          批量通过
        </Button>
        <Button
          id='review-reject'
          theme='danger'
          variant='outline'
          disabled={!selected.length || tooMany || busy}
          onClick={() => setAsking('reject')}
        >
          批量不通过
        </Button>
      </Space>
      {error && <Alert theme='error' message={error} />}
      {result && <DecideOutcome result={result} />}
      <Table
        rowKey='ref'
        columns={columns}
        {...table.tableProps}
        selectedRowKeys={selected}
        reserveSelectedRowOnPaginate
        onSelectChange={(keys) => setSelected(keys.map(String))}
        empty={table.filters.status === 'review' ? '没有待审核的报名' : '没有符合条件的报名'}
      />
      <ReviewDecideDialog
        verdict={asking}
        count={selected.length}
        onConfirm={(r) => asking && void decide(asking, r)}
        onClose={() => setAsking(null)}
      />
    </Card>
  )
}
