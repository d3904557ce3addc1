import { Alert, Button, DialogPlugin, MessagePlugin, Select, Space, Table, Tag, type PrimaryTableCol } from 'tdesign-react'
import type { InviteKind, InviteRowDTO, InviteState, InviteTableRequest } from '~types/member'
import { formatShanghai } from '~src/utils/datetime'
import { call, messageOf } from '../../api'
import { useRemoteTable } from '../../use-remote-table'

type Filters = Pick<InviteTableRequest, 'state' | 'kind'>

const STATES: Record<InviteState, { label: string; theme: 'success' | 'default' | 'danger' | 'warning' }> = {
  open: { label: '有效', theme: 'success' },
  used: { label: '已使用', theme: 'default' },
  revoked: { label: '已撤销', theme: 'danger' },
  expired: { label: '已过期', theme: 'warning' },
}
const KIND_LABELS: Record<InviteKind, string> = { event: '活动', site: '筛查点', merchant: '商户', union: '工会' }

/**
 * 邀请记录: every invite made for her subtree's targets (inviteTable, paged and filtered by the function),
 * never a code (only its hash is kept); 撤销 an unused one after a confirmation, so nobody can redeem it.
 * `roleOf`: what the invite makes its redeemer; `version`: a new invite was made here (read again).
 */
export function InvitesTable({ roleOf, version }: { roleOf: (kind: InviteKind) => string; version: number }) {
  const table = useRemoteTable((req) => call('member', 'inviteTable', req as InviteTableRequest), {} as Filters, { deps: [version] })
  const set = (patch: Partial<Filters>) => {
    const next: Filters = { ...table.filters, ...patch }
    for (const k of Object.keys(next) as (keyof Filters)[]) if (!next[k]) delete next[k]
    table.setFilters(next)
  }

  const revoke = (row: InviteRowDTO) => {
    const dialog = DialogPlugin.confirm({
      header: '撤销邀请',
      body: `撤销后，这张邀请（${row.scope.name} · ${roleOf(row.scope.kind)}）不能再使用，对方扫码或输入邀请码会被拒绝。确定撤销吗？`,
      confirmBtn: '撤销',
      cancelBtn: '取消',
      theme: 'warning',
      onConfirm: async () => {
        dialog.update({ confirmLoading: true })
        try {
          await call('member', 'revokeInvite', { id: row.id })
          void MessagePlugin.success('邀请已撤销')
        } catch (err) {
          void MessagePlugin.error(messageOf(err))
        } finally {
          dialog.destroy()
          table.reload()
        }
      },
      onClose: () => dialog.destroy(),
    })
  }

  const columns: PrimaryTableCol<InviteRowDTO>[] = [
    { colKey: 'scope', title: '邀请为', ellipsis: true, cell: ({ row }) => `${row.scope.name} · ${roleOf(row.scope.kind)}` },
    { colKey: 'kind', title: '类别', width: 90, cell: ({ row }) => KIND_LABELS[row.scope.kind] },
    { colKey: 'createdBy', title: '生成人', width: 110 },
    { colKey: 'createdAt', title: '生成时间', width: 140, sorter: true, cell: ({ row }) => formatShanghai(row.createdAt, 'M月D日 HH:mm') },
    { colKey: 'expiresAt', title: '有效期至', width: 140, cell: ({ row }) => formatShanghai(row.expiresAt, 'M月D日 HH:mm') },
    {
      colKey: 'usedBy',
      title: '使用情况',
      width: 180,
      cell: ({ row }) =>
        row.usedAt
          ? `${row.usedBy ?? ''} · ${formatShanghai(row.usedAt, 'M月D日 HH:mm')}`
          : row.revokedAt
            ? `撤销于 ${formatShanghai(row.revokedAt, 'M月D日 HH:mm')}`
            : '—',
    },
    { colKey: 'state', title: '状态', width: 90, cell: ({ row }) => <Tag theme={STATES[row.state].theme}>{STATES[row.state].label}</Tag> },
    {
      colKey: 'op',
      title: '操作',
      width: 100,
      cell: ({ row }) =>
        row.state === 'open' ? (
          <Button variant='outline' theme='danger' className='invite-revoke' onClick={() => revoke(row)}>
            撤销
          </Button>
        ) : null,
    },
  ]

  return (
    <>
      <Space className='panel-actions' align='center'>
        <Select
          className='invite-state-filter'
          clearable
          placeholder='全部状态'
          value={table.filters.state}
          onChange={(v) => set({ state: (v || undefined) as InviteState | undefined })}
          options={Object.entries(STATES).map(([value, s]) => ({ value, label: s.label }))}
          style={{ width: 140 }}
        />
        <Select
          className='invite-kind-filter'
          clearable
          placeholder='全部类别'
          value={table.filters.kind}
          onChange={(v) => set({ kind: (v || undefined) as InviteKind | undefined })}
          options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
          style={{ width: 140 }}
        />
      </Space>
      {table.error && <Alert theme='error' message={table.error} operation={<Button onClick={table.reload}>重试</Button>} />}
      <Table rowKey='id' className='invite-table' columns={columns} empty='没有符合条件的邀请' {...table.tableProps} />
    </>
  )
}
