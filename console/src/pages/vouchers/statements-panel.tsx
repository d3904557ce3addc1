import { useState } from 'react'
import { Alert, Button, Space, Table, type PrimaryTableCol } from 'tdesign-react'
import type { Period, VouchersActions } from '~types/vouchers'
import { yuan } from '~src/packages/vouchers/lib/money'
import { call } from '../../api'
import { useRemote } from '../../use-remote'
import { PeriodPicker, today } from './period-picker'
import { AnswerableStatement } from './dispute-answer'
import { stateTag, type StatementRef } from './statement-view'

type Row = VouchersActions['merchantStatements'][1][number]

/** 对账: every merchant's statement for the period containing the chosen day; one opened shows its rows (and a dispute to answer). */
export function StatementsPanel() {
  const [period, setPeriod] = useState<Period>('month')
  const [date, setDate] = useState(today)
  const [open, setOpen] = useState<StatementRef | null>(null)
  const list = useRemote(() => call('vouchers', 'merchantStatements', { period, date }), [period, date])

  const columns: PrimaryTableCol<Row>[] = [
    { colKey: 'merchantName', title: '商户', width: 240 },
    { colKey: 'state', title: '状态', cell: ({ row }) => stateTag(row.state) },
    { colKey: 'redemptions', title: '核销笔数', cell: ({ row }) => row.totals.redemptions },
    { colKey: 'reversals', title: '撤销笔数', cell: ({ row }) => row.totals.reversals },
    { colKey: 'billFen', title: '消费', cell: ({ row }) => yuan(row.totals.billFen) },
    { colKey: 'unionFen', title: '工会承担', cell: ({ row }) => yuan(row.totals.unionFen) },
    { colKey: 'merchantFen', title: '商户让利', cell: ({ row }) => yuan(row.totals.merchantFen) },
    {
      colKey: 'op',
      title: '操作',
      width: 120,
      cell: ({ row }) => (
        <Button variant='outline' onClick={() => setOpen({ merchantId: row.merchantId, period, date })}>
          查看明细
        </Button>
      ),
    },
  ]

  return (
    <>
      <Space className='panel-actions' align='center'>
        <PeriodPicker
          period={period}
          date={date}
          onChange={(next) => {
            setPeriod(next.period)
            setDate(next.date)
            setOpen(null)
          }}
        />
      </Space>
      {list.error && <Alert theme='error' message={list.error} operation={<Button onClick={list.reload}>重试</Button>} />}
      <Table
        rowKey='merchantId'
        columns={columns}
        data={list.data ?? []}
        loading={list.loading}
        empty='这一期没有商户对账单'
        pagination={{ defaultPageSize: 20, pageSizeOptions: [20, 50], total: list.data?.length ?? 0 }}
      />
      {open && <AnswerableStatement key={`${open.merchantId}-${open.period}-${open.date}`} at={open} onAnswered={() => list.reload()} />}
    </>
  )
}
