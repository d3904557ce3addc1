import { View } from '@tarojs/components'

interface Props<K extends string> {
  idPrefix: string
  options: { key: K; label: string }[]
  value: K
  onChange: (key: K) => void
}

/** Two or three mutually exclusive choices side by side (正常 / 需复查; 确认通知 / 前一天提醒). */
export function Segment<K extends string>({ idPrefix, options, value, onChange }: Props<K>) {
  return (
    <View className='sc-segment'>
      {options.map((o) => (
        <View
          key={o.key}
          id={`${idPrefix}-${o.key}`}
          className={`sc-segment__item ${o.key === value ? 'sc-segment__item--on' : ''}`}
          onClick={() => onChange(o.key)}
        >
          {o.label}
        </View>
      ))}
    </View>
  )
}
