import { useState } from 'react'
import { Alert, Button, DialogPlugin, MessagePlugin, Space, Table, Tag, type PrimaryTableCol } from 'tdesign-react'
import type { MerchantDTO } from '~types/vouchers'
import { call, messageOf } from '../../api'
import type { Remote } from '../../use-remote'
import { MerchantDialog } from './merchant-dialog'

/** 商户: the merchants her union signed (and those below it); add, edit, suspend or resume one. */
export function MerchantsPanel({ merchants }: { merchants: Remote<MerchantDTO[]> }) {
  const [editing, setEditing] = useState<MerchantDTO | 'new' | null>(null)

  const suspend = (m: MerchantDTO) => {
    const dialog = DialogPlugin.confirm({
      header: m.suspended ? '恢复商户' : '暂停商户',
      body: m.suspended ? `恢复后，${m.name} 可以继续核销消费券。` : `暂停后，${m.name} 不能再核销消费券，直到恢复。确定暂停吗？`,
      confirmBtn: m.suspended ? '恢复' : '暂停',
      cancelBtn: '取消',
      theme: m.suspended ? 'info' : 'warning',
      onConfirm: async () => {
        dialog.update({ confirmLoading: true })
        try {
          await call('vouchers', 'setMerchantSuspended', { merchantId: m.id, suspended: !m.suspended })
          void MessagePlugin.success(m.suspended ? '已恢复' : '已暂停')
          merchants.reload()
        } catch (err) {
          void MessagePlugin.error(messageOf(err))
        } finally {
          dialog.destroy()
        }
      },
      onClose: () => dialog.destroy(),
    })
  }

  const columns: PrimaryTableCol<MerchantDTO>[] = [
    { colKey: 'name', title: '商户' },
    { colKey: 'category', title: '类别' },
    { colKey: 'address', title: '地址', ellipsis: true },
    { colKey: 'organiser', title: '签约单位' },
    {
      colKey: 'suspended',
      title: '状态',
      cell: ({ row }) => (row.suspended ? <Tag theme='warning'>已暂停</Tag> : <Tag theme='success'>可核销</Tag>),
    },
    {
      colKey: 'op',
      title: '操作',
      width: 200,
      cell: ({ row }) => (
        <Space>
          <Button variant='outline' onClick={() => setEditing(row)}>
            编辑
          </Button>
          <Button variant='outline' theme={row.suspended ? 'default' : 'warning'} onClick={() => suspend(row)}>
            {row.suspended ? '恢复' : '暂停'}
          </Button>
        </Space>
      ),
    },
  ]

  return (
    <>
      <Space className='panel-actions'>
        <Button id='merchant-new' onClick={() => setEditing('new')}>
          新增商户
        </Button>
      </Space>
      {merchants.error && <Alert theme='error' message={merchants.error} operation={<Button onClick={merchants.reload}>重试</Button>} />}
      <Table
        rowKey='id'
        columns={columns}
        data={merchants.data ?? []}
        loading={merchants.loading}
        empty='还没有签约商户'
        pagination={{ defaultPageSize: 20, pageSizeOptions: [20, 50], total: merchants.data?.length ?? 0 }}
      />
      {editing && (
        <MerchantDialog
          merchant={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            merchants.reload()
          }}
        />
      )}
    </>
  )
}
