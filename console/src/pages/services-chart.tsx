import { BarChart } from '../bar-chart'
import type { Figure } from './home-figures'

/** A bar per service: how many events, programmes, campaigns and mixers it runs now. */
export default function ServicesChart({ figures }: { figures: Figure[] }) {
  return (
    <BarChart
      id='home-chart'
      label='各项服务当前的活动数'
      categories={figures.map((f) => f.label)}
      series={[{ data: figures.map((f) => f.value ?? 0), color: '#c8102e' }]}
    />
  )
}
