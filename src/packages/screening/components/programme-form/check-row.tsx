import { Text, View } from '@tarojs/components'

interface Props {
  id: string
  checked: boolean
  onChange: (checked: boolean) => void
  children: string
}

/** One big tick box with its label: the whole row is the tap target. */
export function CheckRow({ id, checked, onChange, children }: Props) {
  return (
    <View id={id} className='sc-consent' onClick={() => onChange(!checked)}>
      <View className={`sc-checkbox ${checked ? 'sc-checkbox--on' : ''}`}>{checked ? '✓' : ''}</View>
      <Text className='sc-sub'>{children}</Text>
    </View>
  )
}
