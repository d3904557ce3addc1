import { useState } from 'react'
import { Alert, Button, Card, DialogPlugin, MessagePlugin, Radio, Table, type PrimaryTableCol } from 'tdesign-react'
import type { DeletionRequestDTO, DeletionState } from '~types/member'
import { formatShanghai } from '~src/utils/datetime'
import { call, messageOf } from '../api'
import { useRemote } from '../use-remote'

const STATES: Record<DeletionState, string> = { pending: '待处理', partly: '部分删除（有保留项）', done: '已删除', withdrawn: '已撤回' }

function outcomeText(d: DeletionRequestDTO): string {
  if (!d.outcome) return '—'
  const kept = d.outcome.kept.map((k) => `${k.what}（${k.why}）`).join('；')
  return [`已删除：${d.outcome.erased.join('、') || '无'}`, kept && `保留：${kept}`].filter(Boolean).join('。')
}

/** 删除申请: members' requests to erase their data (PIPL); processing erases what may go and records what is kept. */
export default function DeletionsPage() {
  const [status, setStatus] = useState<'open' | 'all'>('open')
  const list = useRemote(() => call('member', 'listDeletionRequests', { status }), [status])

  const process = (d: DeletionRequestDTO) => {
    const dialog = DialogPlugin.confirm({
      header: '处理删除申请',
      body: `将删除会员 ${d.memberName || '（未绑定名册）'} 可删除的个人数据；法规要求保留的记录会保留并写明原因。此操作不可撤销，确定处理吗？`,
      confirmBtn: '确认删除',
      cancelBtn: '取消',
      theme: 'warning',
      onConfirm: async () => {
        dialog.update({ confirmLoading: true })
        try {
          await call('member', 'processDeletionRequest', { id: d.id })
          void MessagePlugin.success('已处理')
          list.reload()
        } catch (err) {
          void MessagePlugin.error(messageOf(err))
        } finally {
          dialog.destroy()
        }
      },
      onClose: () => dialog.destroy(),
    })
  }

  const columns: PrimaryTableCol<DeletionRequestDTO>[] = [
    { colKey: 'memberName', title: '会员', cell: ({ row }) => row.memberName || '（未绑定名册）' },
    { colKey: 'memberRef', title: '会员编号', cell: ({ row }) => row.memberRef ?? '—' },
    { colKey: 'branch', title: '所属工会' },
    { colKey: 'requestedAt', title: '申请时间', cell: ({ row }) => formatShanghai(row.requestedAt) },
    { colKey: 'status', title: '状态', cell: ({ row }) => STATES[row.status] },
    { colKey: 'outcome', title: '处理结果', ellipsis: true, cell: ({ row }) => outcomeText(row) },
    {
      colKey: 'op',
      title: '操作',
      width: 120,
      cell: ({ row }) =>
        row.status === 'pending' || row.status === 'partly' ? (
          <Button onClick={() => process(row)} id={`process-${row.id}`}>
            {row.status === 'partly' ? '再次处理' : '处理'}
          </Button>
        ) : (
          '—'
        ),
    },
  ]

  return (
    <>
      <h2 className='page-title'>删除申请</h2>
      <Card bordered={false}>
        <Radio.Group value={status} onChange={(v) => setStatus(v as 'open' | 'all')} style={{ marginBottom: 16 }}>
          <Radio.Button value='open'>待处理</Radio.Button>
          <Radio.Button value='all'>全部</Radio.Button>
        </Radio.Group>
        {list.error && <Alert theme='error' message={list.error} operation={<Button onClick={list.reload}>重试</Button>} />}
        <Table
          rowKey='id'
          columns={columns}
          data={list.data ?? []}
          loading={list.loading}
          empty={status === 'open' ? '没有待处理的删除申请' : '还没有删除申请'}
          pagination={{ defaultPageSize: 20, pageSizeOptions: [20, 50], total: list.data?.length ?? 0 }}
        />
      </Card>
    </>
  )
}
