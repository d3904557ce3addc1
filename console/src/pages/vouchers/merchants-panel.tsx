import { useState } from 'react'
import { Alert, Button, DialogPlugin, Input, MessagePlugin, Select, Space, Table, Tag, type PrimaryTableCol } from 'tdesign-react'
import type { MerchantDTO, MerchantTableRequest } from '~types/vouchers'
import { call, messageOf } from '../../api'
import { useRemoteTable } from '../../use-remote-table'
import { MerchantDialog } from './merchant-dialog'

type Filters = Pick<MerchantTableRequest, 'suspended' | 'category' | 'name'>

/**
 * 商户: the merchants her union signed (and those below it), paged, filtered and sorted by the function
 * (merchantTable); add, edit, suspend or resume one. `changed`: after a save or a suspension, for the
 * whole list the campaign dialog picks from.
 */
export function MerchantsPanel({ changed }: { changed: () => void }) {
  const table = useRemoteTable((req) => call('vouchers', 'merchantTable', req as MerchantTableRequest), {} as Filters)
  const [editing, setEditing] = useState<MerchantDTO | 'new' | null>(null)
  const reload = () => {
    table.reload()
    changed()
  }
  const set = (patch: Partial<Filters>) => {
    const next: Filters = { ...table.filters, ...patch }
    for (const k of Object.keys(next) as (keyof Filters)[]) if (next[k] === undefined || next[k] === '') delete next[k]
    table.setFilters(next)
  }

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
          reload()
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
    { colKey: 'name', title: '商户', sorter: true },
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
      <Space className='panel-actions' align='center'>
        <Button id='merchant-new' onClick={() => setEditing('new')}>
          新增商户
        </Button>
        <Select
          className='merchant-state-filter'
          clearable
          placeholder='全部状态'
          value={table.filters.suspended === undefined ? undefined : String(table.filters.suspended)}
          onChange={(v) => set({ suspended: v === 'true' ? true : v === 'false' ? false : undefined })}
          options={[
            { value: 'false', label: '可核销' },
            { value: 'true', label: '已暂停' },
          ]}
          style={{ width: 140 }}
        />
        <Input
          className='merchant-category-filter'
          clearable
          placeholder='类别（如 超市）'
          value={table.filters.category ?? ''}
          onChange={(v) => set({ category: String(v).trim() || undefined })}
          style={{ width: 160 }}
        />
        <Input
          className='merchant-name-filter'
          clearable
          placeholder='商户名称开头'
          value={table.filters.name ?? ''}
          onChange={(v) => set({ name: String(v).trim() || undefined })}
          style={{ width: 200 }}
        />
      </Space>
      {table.error && <Alert theme='error' message={table.error} operation={<Button onClick={table.reload}>重试</Button>} />}
      <Table rowKey='id' columns={columns} empty='没有符合条件的签约商户' {...table.tableProps} />
      {editing && (
        <MerchantDialog
          merchant={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            reload()
          }}
        />
      )}
    </>
  )
}
