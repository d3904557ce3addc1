import { useState } from 'react'
import { Alert, Button, MessagePlugin, Space, Table, type PrimaryTableCol } from 'tdesign-react'
import type { CampaignDTO, MerchantDTO } from '~types/vouchers'
import { formatShanghai } from '~src/utils/datetime'
import { yuan } from '~src/packages/vouchers/lib/money'
import { call, messageOf } from '../../api'
import type { Remote } from '../../use-remote'
import { CampaignDashboard } from './campaign-dashboard'
import { CampaignDialog } from './campaign-dialog'
import { downloadCsv } from '../../download-csv'
import { bonusText, ruleText } from './rule-text'

/** 批次: her campaigns; one opened shows its dashboard; each exports as CSV; a new one is made here. */
export function CampaignsPanel({ campaigns, merchants }: { campaigns: Remote<CampaignDTO[]>; merchants: Remote<MerchantDTO[]> }) {
  const [creating, setCreating] = useState(false)
  const [openId, setOpenId] = useState<string | null>(null)
  const [exporting, setExporting] = useState<string | null>(null)
  const open = campaigns.data?.find((c) => c.id === openId) ?? null

  const exportCsv = async (c: CampaignDTO) => {
    setExporting(c.id)
    try {
      const { filename, csv } = await call('vouchers', 'exportCampaign', { campaignId: c.id })
      downloadCsv(filename, csv)
    } catch (err) {
      void MessagePlugin.error(messageOf(err))
    } finally {
      setExporting(null)
    }
  }

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
      colKey: 'claim',
      title: '领取时间',
      width: 140,
      cell: ({ row }) => `${formatShanghai(row.claimStartsAt, 'M月D日')}–${formatShanghai(row.claimEndsAt, 'M月D日')}`,
    },
    {
      colKey: 'op',
      title: '操作',
      width: 200,
      cell: ({ row }) => (
        <Space>
          <Button variant={row.id === openId ? 'base' : 'outline'} onClick={() => setOpenId(row.id)}>
            数据
          </Button>
          <Button variant='outline' loading={exporting === row.id} onClick={() => void exportCsv(row)}>
            导出 CSV
          </Button>
        </Space>
      ),
    },
  ]

  return (
    <>
      <Space className='panel-actions'>
        <Button id='campaign-new' onClick={() => setCreating(true)}>
          新建批次
        </Button>
      </Space>
      {campaigns.error && <Alert theme='error' message={campaigns.error} operation={<Button onClick={campaigns.reload}>重试</Button>} />}
      <Table
        rowKey='id'
        columns={columns}
        data={campaigns.data ?? []}
        loading={campaigns.loading}
        empty='还没有消费券批次'
        pagination={{ defaultPageSize: 10, pageSizeOptions: [10, 20], total: campaigns.data?.length ?? 0 }}
      />
      {open && <CampaignDashboard key={open.id} campaign={open} />}
      {creating && (
        <CampaignDialog
          merchants={merchants.data ?? []}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false)
            campaigns.reload()
          }}
        />
      )}
    </>
  )
}
