import { useEffect, useRef } from 'react'
import { BarChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import type { Figure } from './home-figures'

// Only the pieces this chart draws (ECharts' tree-shakable core), in a chunk of its own.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer])

/** A bar per service: how many events, programmes, campaigns and mixers it runs now. */
export default function ServicesChart({ figures }: { figures: Figure[] }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const chart = echarts.init(box.current!)
    chart.setOption({
      textStyle: { fontSize: 14 },
      animationDuration: 300,
      tooltip: { trigger: 'axis', textStyle: { fontSize: 14 } },
      grid: { left: 48, right: 24, top: 24, bottom: 40 },
      xAxis: { type: 'category', data: figures.map((f) => f.label), axisLabel: { fontSize: 14 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 14 } },
      series: [{ type: 'bar', data: figures.map((f) => f.value ?? 0), itemStyle: { color: '#c8102e' }, barMaxWidth: 48 }],
    })
    const resize = () => chart.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.dispose()
    }
  }, [figures])
  return <div ref={box} id='home-chart' role='img' aria-label='各项服务当前的活动数' style={{ height: 320 }} />
}
