import type { DashboardDTO } from '~types/screening'
import { BarChart } from '../../bar-chart'

/** Per branch: booked and checked in against eligible members. */
export default function ScreeningChart({ dashboard }: { dashboard: DashboardDTO }) {
  const rows = dashboard.byBranch
  return (
    <BarChart
      id='screening-chart'
      label='各工会的预约与签到人数'
      categories={rows.map((r) => r.branch)}
      series={[
        { name: '符合条件', data: rows.map((r) => r.eligibleMembers), color: '#9ca3af' },
        { name: '已预约', data: rows.map((r) => r.booked), color: '#c8102e' },
        { name: '已签到', data: rows.map((r) => r.checkedIn), color: '#2563eb' },
      ]}
    />
  )
}
