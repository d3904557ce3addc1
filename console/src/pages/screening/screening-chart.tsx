import { useEffect, useRef } from 'react'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import type { DashboardDTO } from '~types/screening'

// Only the pieces this chart draws, in a chunk of its own (loaded when a programme's dashboard opens).
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

/** Per branch: booked and checked in against eligible members. */
export default function ScreeningChart({ dashboard }: { dashboard: DashboardDTO }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const rows = dashboard.byBranch
    const chart = echarts.init(box.current!)
    chart.setOption({
      textStyle: { fontSize: 14 },
      animationDuration: 300,
      legend: { top: 0, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', textStyle: { fontSize: 14 } },
      grid: { left: 48, right: 24, top: 48, bottom: 40 },
      xAxis: { type: 'category', data: rows.map((r) => r.branch), axisLabel: { fontSize: 14 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 14 } },
      series: [
        { name: '符合条件', type: 'bar', data: rows.map((r) => r.eligibleMembers), itemStyle: { color: '#9ca3af' }, barMaxWidth: 32 },
        { name: '已预约', type: 'bar', data: rows.map((r) => r.booked), itemStyle: { color: '#c8102e' }, barMaxWidth: 32 },
        { name: '已签到', type: 'bar', data: rows.map((r) => r.checkedIn), itemStyle: { color: '#2563eb' }, barMaxWidth: 32 },
      ],
    })
    const resize = () => chart.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.dispose()
    }
  }, [dashboard])
  return <div ref={box} id='screening-chart' role='img' aria-label='各工会的预约与签到人数' style={{ height: 320 }} />
}
