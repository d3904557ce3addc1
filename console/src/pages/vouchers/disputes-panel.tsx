import { useState } from 'react'
import { Alert, Button, Radio, Space, Table, Tag, type PrimaryTableCol } from 'tdesign-react'
import type { DisputeRowDTO, DisputeTableRequest } from '~types/vouchers'
import { formatShanghai } from '~src/utils/datetime'
import { call } from '../../api'
import { useRemoteTable } from '../../use-remote-table'
import { AnswerableStatement } from './dispute-answer'
import { PERIODS, type StatementRef } from './statement-view'

type Filters = Pick<DisputeTableRequest, 'state'>

/** 待处理争议: the statements her subtree's merchant managers disputed, newest first (disputeTable); one opened is answered. */
export function DisputesPanel() {
  const table = useRemoteTable((req) => call('vouchers', 'disputeTable', req as DisputeTableRequest), { state: 'open' } as Filters)
  const [open, setOpen] = useState<StatementRef | null>(null)
  const columns: PrimaryTableCol<DisputeRowDTO>[] = [
    { colKey: 'merchantName', title: '商户', width: 220 },
    {
      colKey: 'period',
      title: '对账期',
      width: 170,
      cell: ({ row }) => `${formatShanghai(row.from, 'YYYY年M月D日')}起 · 按${PERIODS[row.period]}`,
    },
    { colKey: 'note', title: '异议', ellipsis: true },
    { colKey: 'at', title: '提出时间', width: 140, sorter: true, cell: ({ row }) => formatShanghai(row.at, 'M月D日 HH:mm') },
    {
      colKey: 'answer',
      title: '答复',
      width: 120,
      cell: ({ row }) =>
        row.answer ? (
          <Tag theme={row.answer.decision === 'accepted' ? 'success' : 'danger'}>
            {row.answer.decision === 'accepted' ? '已接受' : '已驳回'}
          </Tag>
        ) : (
          <Tag theme='warning'>待答复</Tag>
        ),
    },
    {
      colKey: 'op',
      title: '操作',
      width: 120,
      cell: ({ row }) => (
        <Button variant='outline' onClick={() => setOpen({ merchantId: row.merchantId, period: row.period, date: row.date })}>
          {row.answer ? '查看' : '查看并答复'}
        </Button>
      ),
    },
  ]
  return (
    <>
      <Space className='panel-actions' align='center'>
        <Radio.Group
          value={table.filters.state ?? 'open'}
          onChange={(v) => {
            setOpen(null)
            table.setFilters({ state: v as Filters['state'] })
          }}
        >
          <Radio.Button value='open'>待处理</Radio.Button>
          <Radio.Button value='answered'>已答复</Radio.Button>
        </Radio.Group>
      </Space>
      {table.error && <Alert theme='error' message={table.error} operation={<Button onClick={table.reload}>重试</Button>} />}
      <Table
        rowKey='id'
        className='dispute-table'
        columns={columns}
        empty={table.filters.state === 'answered' ? '还没有答复过的异议' : '没有待处理的异议'}
        {...table.tableProps}
      />
      {open && <AnswerableStatement key={`${open.merchantId}-${open.period}-${open.date}`} at={open} onAnswered={() => table.reload()} />}
    </>
  )
}
