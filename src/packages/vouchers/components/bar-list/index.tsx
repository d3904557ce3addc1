import { Text, View } from '@tarojs/components'

export interface BarRow {
  key: string
  label: string
  value: number
  text?: string
}

/** Horizontal bars scaled to the largest value: claimed and redeemed per merchant, branch or day at a glance. */
export function BarList({ rows, idPrefix }: { rows: BarRow[]; idPrefix: string }) {
  if (!rows.length) return <Text className='muted'>暂无数据</Text>
  const max = Math.max(1, ...rows.map((r) => r.value))
  return (
    <View>
      {rows.map((r) => (
        <View key={r.key} id={`${idPrefix}-${r.key}`} className='vc-bars__row'>
          <Text className='vc-bars__label'>{r.label}</Text>
          <View className='vc-bars__track'>
            <View className='vc-bars__bar' style={{ width: `${(Math.max(0, r.value) / max) * 100}%` }} />
          </View>
          <Text className='vc-bars__value'>{r.text ?? r.value}</Text>
        </View>
      ))}
    </View>
  )
}
