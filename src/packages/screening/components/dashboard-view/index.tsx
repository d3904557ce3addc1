import { Text, View } from '@tarojs/components'
import type { BranchUptakeDTO, DashboardDTO, DashboardRowDTO } from '~types/screening'
import { dayLabel, formatDateTime } from '~src/utils/datetime'

const pct = (x: number) => `${Math.round(x * 100)}%`

function TotalsCard({ d }: { d: DashboardDTO }) {
  const t = d.totals
  const totals: [string, number][] = [
    ['总名额', t.capacity],
    ['已预约', t.booked],
    ['剩余', t.left],
    ['已签到', t.checkedIn],
    ['未到场', t.noShows],
    ['结果已出', t.resultsReady],
    ['候补中', t.waiting],
    ['候补待确认', t.offered],
  ]
  return (
    <View className='card'>
      <Text className='card__title'>{d.programmeName}</Text>
      {totals.map(([label, n]) => (
        <View key={label} className='row'>
          <Text className='row__label'>{label}</Text>
          <Text id={`total-${label}`}>{n}</Text>
        </View>
      ))}
      <Text className='sc-sub'>统计时间 {formatDateTime(d.generatedAt)}</Text>
    </View>
  )
}

function SiteDayCard({ rows }: { rows: DashboardRowDTO[] }) {
  return (
    <View className='card' id='dashboard-days'>
      <Text className='card__title'>按医院和日期</Text>
      <View className='sc-table-row sc-table-row--head'>
        <Text className='sc-cell sc-cell--wide'>医院 · 日期</Text>
        <Text className='sc-cell'>约/余</Text>
        <Text className='sc-cell'>签到</Text>
        <Text className='sc-cell'>未到</Text>
        <Text className='sc-cell'>出结果</Text>
      </View>
      {rows.map((r) => (
        <View key={`${r.siteId}-${r.date}`} className='sc-table-row'>
          <Text className='sc-cell sc-cell--wide'>
            {r.siteName} {dayLabel(r.date)}
          </Text>
          <Text className='sc-cell'>
            {r.booked}/{r.left}
          </Text>
          <Text className='sc-cell'>{r.checkedIn}</Text>
          <Text className='sc-cell'>{r.noShows}</Text>
          <Text className='sc-cell'>{r.resultsReady}</Text>
        </View>
      ))}
    </View>
  )
}

function BranchCard({ rows }: { rows: BranchUptakeDTO[] }) {
  return (
    <View className='card' id='dashboard-branches'>
      <Text className='card__title'>各工会参与情况</Text>
      <View className='sc-table-row sc-table-row--head'>
        <Text className='sc-cell sc-cell--wide'>工会</Text>
        <Text className='sc-cell'>预约/名额</Text>
        <Text className='sc-cell'>签到</Text>
        <Text className='sc-cell'>参与率</Text>
      </View>
      {rows.map((b) => (
        <View key={b.branch} className='sc-table-row'>
          <Text className='sc-cell sc-cell--wide'>
            {b.branch}（符合 {b.eligibleMembers} 人）
          </Text>
          <Text className='sc-cell'>
            {b.booked}/{b.quota ?? '不限'}
          </Text>
          <Text className='sc-cell'>{b.checkedIn}</Text>
          <Text className='sc-cell'>{pct(b.uptake)}</Text>
        </View>
      ))}
    </View>
  )
}

/** Totals, then booked / left per site and day, then uptake per branch. */
export function DashboardView({ d }: { d: DashboardDTO }) {
  return (
    <View id='dashboard'>
      <TotalsCard d={d} />
      <SiteDayCard rows={d.bySiteDay} />
      <BranchCard rows={d.byBranch} />
    </View>
  )
}
