import { Text, View } from '@tarojs/components'
import './index.css'

export interface Bar {
  key: string
  label: string
  value: number
  /** Shown after the value, e.g. "/ 50". */
  suffix?: string
}

/** Horizontal bars scaled to the largest value: enough to see at a glance which booths draw people. */
export function BarChart({ bars, empty = '暂无数据', idPrefix }: { bars: Bar[]; empty?: string; idPrefix?: string }) {
  if (bars.length === 0) return <Text className='muted'>{empty}</Text>
  const max = Math.max(1, ...bars.map((b) => b.value))
  return (
    <View className='bar-chart'>
      {bars.map((b) => (
        <View key={b.key} id={idPrefix ? `${idPrefix}-${b.key}` : undefined} className='bar-chart__row'>
          <Text className='bar-chart__label'>{b.label}</Text>
          <View className='bar-chart__track'>
            <View className='bar-chart__bar' style={{ width: `${(b.value / max) * 100}%` }} />
          </View>
          <Text className='bar-chart__value'>
            {b.value}
            {b.suffix ?? ''}
          </Text>
        </View>
      ))}
    </View>
  )
}
