import { useEffect, useRef } from 'react'
import { BarChart as Bars } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

// Only the pieces a bar chart draws (ECharts' tree-shakable core); pages import this lazily, so it is a chunk of its own.
echarts.use([Bars, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export interface BarSeries {
  /** Named series get a legend; a single unnamed one does not. */
  name?: string
  data: number[]
  color: string
}

interface Props {
  id: string
  /** What the chart shows, for screen readers. */
  label: string
  categories: string[]
  series: BarSeries[]
}

/** The console's one bar chart: desktop type (14 px), resized with the window, disposed with the page. */
export function BarChart({ id, label, categories, series }: Props) {
  const box = useRef<HTMLDivElement>(null)
  // Callers build their arrays afresh on every render: draw again only when what they hold changes.
  const drawn = JSON.stringify([categories, series])
  useEffect(() => {
    const [categories, series] = JSON.parse(drawn) as [string[], BarSeries[]]
    const chart = echarts.init(box.current!)
    const legend = series.some((s) => s.name)
    chart.setOption({
      textStyle: { fontSize: 14 },
      animationDuration: 300,
      tooltip: { trigger: 'axis', textStyle: { fontSize: 14 } },
      ...(legend ? { legend: { top: 0, right: 24, textStyle: { fontSize: 14 } } } : {}),
      grid: { left: 56, right: 24, top: legend ? 48 : 24, bottom: 40 },
      xAxis: { type: 'category', data: categories, axisLabel: { fontSize: 14 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 14 } },
      series: series.map((s) => ({
        name: s.name,
        type: 'bar',
        data: s.data,
        itemStyle: { color: s.color },
        barMaxWidth: 48 / series.length + 16,
      })),
    })
    const resize = () => chart.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.dispose()
    }
  }, [drawn])
  return <div ref={box} id={id} role='img' aria-label={label} style={{ height: 320 }} />
}
