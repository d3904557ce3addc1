import type { DashboardDTO } from '~types/events'
import { BarChart } from '../../bar-chart'

/** Stamps per booth, the busiest first (at most 20 bars: a fair's long tail reads in the export). */
export default function StampsChart({ booths }: { booths: DashboardDTO['stampsPerBooth'] }) {
  const top = booths.slice(0, 20)
  return (
    <BarChart
      id='stamps-chart'
      label={`各展位集章次数：${top.map((b) => `${b.name} ${b.stamps}`).join('，')}`}
      categories={top.map((b) => b.name)}
      series={[{ name: '集章次数', data: top.map((b) => b.stamps), color: '#c8102e' }]}
    />
  )
}
