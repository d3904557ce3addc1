import { useState } from 'react'
import { Alert, Button, Space, Table, type PrimaryTableCol } from 'tdesign-react'
import type { CampaignDTO, CampaignTableRequest, MerchantDTO } from '~types/vouchers'
import { formatShanghai } from '~src/utils/datetime'
import { yuan } from '~src/packages/vouchers/lib/money'
import { call } from '../../api'
import type { Remote } from '../../use-remote'
import { useRemoteTable } from '../../use-remote-table'
import { CampaignDashboard } from './campaign-dashboard'
import { CampaignDialog } from './campaign-dialog'
import { type CampaignFilters, CampaignFilterBar } from './campaign-filters'
import { csvRows } from '../../download-export'
import { ExportDialog } from '../../export-dialog'
import { bonusText, ruleText } from './rule-text'

/**
 * 批次: her subtree's campaigns, paged, filtered and sorted by the function (campaignTable); one opened
 * shows its dashboard; each exports as CSV; a new one is made here (`merchants`: every merchant of hers,
 * for the dialog's picker).
 */
export function CampaignsPanel({ merchants }: { merchants: Remote<MerchantDTO[]> }) {
  const table = useRemoteTable((req) => call('vouchers', 'campaignTable', req as CampaignTableRequest), {} as CampaignFilters, {
    pageSize: 10,
  })
  const [creating, setCreating] = useState(false)
  const [open, setOpen] = useState<CampaignDTO | null>(null)
  const [exporting, setExporting] = useState<CampaignDTO | null>(null)

  const columns: PrimaryTableCol<CampaignDTO>[] = [
    { colKey: 'name', title: '批次', width: 200, ellipsis: true },
    { colKey: 'organiser', title: '主办', width: 130 },
    {
      colKey: 'rule',
      title: '规则',
      cell: ({ row }) =>
        [row.mode === 'lottery' && '抽签', ruleText(row.rule), row.modelWorkerBonus && bonusText(row.modelWorkerBonus)]
          .filter(Boolean)
          .join('；'),
    },
    { colKey: 'totalVouchers', title: '总张数', width: 90 },
    { colKey: 'budgetFen', title: '预算', width: 120, cell: ({ row }) => yuan(row.budgetFen) },
    {
      colKey: 'claimStartsAt',
      title: '领取时间',
      width: 150,
      sorter: true,
      cell: ({ row }) => `${formatShanghai(row.claimStartsAt, 'M月D日')}–${formatShanghai(row.claimEndsAt, 'M月D日')}`,
    },
    { colKey: 'createdAt', title: '创建时间', width: 130, sorter: true, cell: ({ row }) => formatShanghai(row.createdAt, 'M月D日 HH:mm') },
    {
      colKey: 'op',
      title: '操作',
      width: 200,
      cell: ({ row }) => (
        <Space>
          <Button variant={row.id === open?.id ? 'base' : 'outline'} onClick={() => setOpen(row)}>
            数据
          </Button>
          <Button variant='outline' onClick={() => setExporting(row)}>
            导出
          </Button>
        </Space>
      ),
    },
  ]

  return (
    <>
      <Space className='panel-actions' align='center'>
        <Button id='campaign-new' onClick={() => setCreating(true)}>
          新建批次
        </Button>
        <CampaignFilterBar value={table.filters} onChange={table.setFilters} />
      </Space>
      {table.error && <Alert theme='error' message={table.error} operation={<Button onClick={table.reload}>重试</Button>} />}
      <Table rowKey='id' columns={columns} empty='没有符合条件的消费券批次' {...table.tableProps} />
      {open && <CampaignDashboard key={open.id} campaign={open} />}
      <ExportDialog
        title={`导出核销流水：${exporting?.name ?? ''}`}
        visible={!!exporting}
        onClose={() => setExporting(null)}
        run={async () => {
          const out = await call('vouchers', 'exportCampaign', { campaignId: exporting!.id })
          return { ...out, rows: (await csvRows(out.csv)).length - 1 }
        }}
      />
      {creating && (
        <CampaignDialog
          merchants={merchants.data ?? []}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false)
            table.reload()
          }}
        />
      )}
    </>
  )
}
