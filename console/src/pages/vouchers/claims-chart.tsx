import type { DashboardDTO } from '~types/vouchers'
import { BarChart } from '../../bar-chart'

/** Claims and redemptions per day of one campaign, side by side. */
export default function ClaimsChart({ days }: { days: DashboardDTO['byDay'] }) {
  return (
    <BarChart
      id='claims-chart'
      // what the bars say, for a screen reader (and a test): the canvas itself is only pixels
      label={`每日领取与核销张数：${days.map((d) => `${d.date} 领取 ${d.claimed} 张，核销 ${d.redeemed} 张`).join('；')}`}
      categories={days.map((d) => d.date)}
      series={[
        { name: '领取', data: days.map((d) => d.claimed), color: '#c8102e' },
        { name: '核销', data: days.map((d) => d.redeemed), color: '#4b5563' },
      ]}
    />
  )
}
