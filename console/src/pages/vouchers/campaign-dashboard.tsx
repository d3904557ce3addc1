import { lazy, Suspense } from 'react'
import { Alert, Button, Card, Loading, Table, type PrimaryTableCol } from 'tdesign-react'
import type { CampaignDTO, DashboardDTO } from '~types/vouchers'
import { formatShanghai } from '~src/utils/datetime'
import { yuan } from '~src/packages/vouchers/lib/money'
import { call } from '../../api'
import { useRemote } from '../../use-remote'

// ECharts only when a dashboard is opened, in a chunk of its own (as 首页's chart).
const ClaimsChart = lazy(() => import('./claims-chart'))

type Merchant = DashboardDTO['byMerchant'][number]
const MERCHANT_COLUMNS: PrimaryTableCol<Merchant>[] = [
  { colKey: 'name', title: '商户' },
  { colKey: 'redeemed', title: '核销张数' },
  { colKey: 'unionFen', title: '工会承担', cell: ({ row }) => yuan(row.unionFen) },
]

/** One campaign's dashboard: claims and redemptions per day (chart), budget, and per merchant. */
export function CampaignDashboard({ campaign }: { campaign: CampaignDTO }) {
  const board = useRemote(() => call('vouchers', 'dashboard', { campaignId: campaign.id }), [campaign.id])
  const d = board.data
  const figures: [string, string][] = d
    ? [
        ['已领取', `${d.claimed} 张`],
        ['已核销', `${d.redeemed} 张`],
        ['已撤销', `${d.reversed} 张`],
        ['已过期', `${d.expired} 张`],
        ['剩余张数', `${d.vouchersLeft} 张`],
        ['预算', yuan(d.budgetFen)],
        ['已使用', yuan(d.usedFen)],
        ['已预留', yuan(d.reservedFen)],
        ['剩余预算', yuan(d.leftFen)],
        ['劳模领取', `${d.modelWorkers.claimed} 张`],
        ['劳模折上折', yuan(d.modelWorkers.extraFen)],
      ]
    : []
  return (
    <Card
      bordered={false}
      title={`批次数据 · ${campaign.name}`}
      className='campaign-dashboard'
      actions={
        <Button variant='outline' onClick={board.reload}>
          刷新
        </Button>
      }
    >
      {board.error && <Alert theme='error' message={board.error} operation={<Button onClick={board.reload}>重试</Button>} />}
      {board.loading && !d && <Loading text='正在读取…' />}
      {d && (
        <>
          <dl className='voucher-figures'>
            {figures.map(([label, value]) => (
              <div key={label} className='voucher-figure'>
                <dt className='muted'>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {d.drawAt !== null && (
            <p className='muted'>
              {d.draw
                ? `已于 ${formatShanghai(d.draw.drawnAt)} 抽签：${d.draw.entrants} 人报名，${d.draw.winners} 人中签`
                : `抽签时间 ${formatShanghai(d.drawAt)}，已报名 ${d.entrants ?? 0} 人`}
            </p>
          )}
          <h3 className='section-title'>每日领取与核销</h3>
          {d.byDay.length ? (
            <Suspense fallback={<Loading text='正在画图…' />}>
              <ClaimsChart days={d.byDay} />
            </Suspense>
          ) : (
            <p className='muted'>还没有人领取</p>
          )}
          <h3 className='section-title'>各商户核销</h3>
          <Table rowKey='merchantId' columns={MERCHANT_COLUMNS} data={d.byMerchant} empty='还没有核销' />
        </>
      )}
    </Card>
  )
}
