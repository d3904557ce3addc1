import { useEffect, useRef } from 'react'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import type { DashboardDTO } from '~types/vouchers'

// Only the pieces this chart draws (ECharts' tree-shakable core), in a chunk of its own.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

/** Claims and redemptions per day of one campaign, side by side. */
export default function ClaimsChart({ days }: { days: DashboardDTO['byDay'] }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const chart = echarts.init(box.current!)
    chart.setOption({
      textStyle: { fontSize: 14 },
      animationDuration: 300,
      tooltip: { trigger: 'axis', textStyle: { fontSize: 14 } },
      legend: { data: ['领取', '核销'], top: 0, right: 24, textStyle: { fontSize: 14 } },
      grid: { left: 56, right: 24, top: 48, bottom: 40 },
      xAxis: { type: 'category', data: days.map((d) => d.date), axisLabel: { fontSize: 14 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 14 } },
      series: [
        { name: '领取', type: 'bar', data: days.map((d) => d.claimed), itemStyle: { color: '#c8102e' }, barMaxWidth: 40 },
        { name: '核销', type: 'bar', data: days.map((d) => d.redeemed), itemStyle: { color: '#4b5563' }, barMaxWidth: 40 },
      ],
    })
    const resize = () => chart.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.dispose()
    }
  }, [days])
  return <div ref={box} id='claims-chart' role='img' aria-label='每日领取与核销张数' style={{ height: 320 }} />
}
