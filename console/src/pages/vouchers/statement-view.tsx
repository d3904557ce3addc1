import type { ReactNode } from 'react'
import { Alert, Button, Card, Loading, Table, Tag, type PrimaryTableCol } from 'tdesign-react'
import type { DisputeAnswerDTO, Period, RedemptionRowDTO, StatementDTO } from '~types/vouchers'
import { formatShanghai } from '~src/utils/datetime'
import { yuan } from '~src/packages/vouchers/lib/money'
import { call } from '../../api'
import { useRemote } from '../../use-remote'

export const PERIODS: Record<Period, string> = { day: '日', week: '周', month: '月' }
export const STATEMENT_STATES: Record<StatementDTO['state'], string> = { open: '待确认', confirmed: '已确认', disputed: '有异议' }
export const stateTag = (s: StatementDTO['state']) => (
  <Tag theme={s === 'confirmed' ? 'success' : s === 'disputed' ? 'danger' : 'warning'}>{STATEMENT_STATES[s]}</Tag>
)

const ROW_COLUMNS: PrimaryTableCol<RedemptionRowDTO>[] = [
  { colKey: 'at', title: '时间', cell: ({ row }) => formatShanghai(row.at, 'M月D日 HH:mm') },
  { colKey: 'type', title: '类型', cell: ({ row }) => (row.type === 'redeem' ? '核销' : '撤销') },
  { colKey: 'campaignName', title: '批次', ellipsis: true },
  { colKey: 'till', title: '收银台' },
  { colKey: 'memberMasked', title: '会员' },
  { colKey: 'billFen', title: '消费', cell: ({ row }) => yuan(row.billFen) },
  { colKey: 'unionFen', title: '工会承担', cell: ({ row }) => yuan(row.unionFen) },
  { colKey: 'merchantFen', title: '商户让利', cell: ({ row }) => yuan(row.merchantFen) },
]

/** The union's answer to the dispute, as the manager and the officers read it. */
function DisputeAnswerNote({ a }: { a: DisputeAnswerDTO }) {
  const verb = a.decision === 'accepted' ? '接受了异议' : '驳回了异议'
  return (
    <Alert
      className='dispute-answer'
      theme={a.decision === 'accepted' ? 'success' : 'error'}
      message={`${a.organiser || '工会'}于 ${formatShanghai(a.at, 'M月D日 HH:mm')} ${verb}：${a.note}`}
    />
  )
}

export interface StatementRef {
  merchantId: string
  period: Period
  date: string
}

/**
 * One merchant's statement for a period (`statement`: its manager, its staff and the officers of the union
 * that signed it may read it): totals, every row, and the dispute if there is one. `actions` gets the
 * statement as read, for a manager's 确认 / 提出异议.
 */
export function StatementView({ at, actions }: { at: StatementRef; actions?: (s: StatementDTO, reload: () => void) => ReactNode }) {
  const st = useRemote(() => call('vouchers', 'statement', at), [at.merchantId, at.period, at.date])
  const s = st.data
  return (
    <Card
      bordered={false}
      className='statement-view'
      title={s ? `对账单 · ${s.merchantName}（${formatShanghai(s.from, 'YYYY年M月D日')}起 · 按${PERIODS[s.period]}）` : '对账单'}
    >
      {st.error && <Alert theme='error' message={st.error} operation={<Button onClick={st.reload}>重试</Button>} />}
      {st.loading && !s && <Loading text='正在读取…' />}
      {s && (
        <>
          <p className='statement-state'>
            {stateTag(s.state)} 核销 {s.totals.redemptions} 笔，撤销 {s.totals.reversals} 笔；消费 {yuan(s.totals.billFen)}，工会承担{' '}
            {yuan(s.totals.unionFen)}，商户让利 {yuan(s.totals.merchantFen)}
          </p>
          {s.dispute && (
            <Alert theme='warning' message={`异议：${s.dispute.note}${s.dispute.rowId ? `（针对记录 ${s.dispute.rowId}）` : ''}`} />
          )}
          {s.dispute?.answer && <DisputeAnswerNote a={s.dispute.answer} />}
          {s.dropped && <Alert theme='info' message={`${formatShanghai(s.dropped.at)} 的确认因之后新增的记录失效，需重新确认`} />}
          {actions?.(s, st.reload)}
          <Table
            rowKey='id'
            columns={ROW_COLUMNS}
            data={s.rows}
            empty='本期没有核销记录'
            pagination={{ defaultPageSize: 20, total: s.rows.length }}
          />
        </>
      )}
    </Card>
  )
}
