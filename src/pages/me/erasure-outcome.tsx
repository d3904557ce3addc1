import { Text, View } from '@tarojs/components'
import type { ErasureOutcomeDTO } from '~types/member'

// "签到记录 0 条": nothing of that kind existed, so it is not worth a line.
const nothing = (item: string) => /\s0\s*条$/.test(item)

/** What was erased and what is kept with its reason: the same record for her and for the officer. */
export function ErasureOutcome({ outcome }: { outcome: ErasureOutcomeDTO }) {
  const erased = outcome.erased.filter((e) => !nothing(e))
  return (
    <View className='deletion__outcome'>
      {erased.length > 0 && <Text className='muted'>已删除：{erased.join('、')}</Text>}
      {outcome.kept.map((k, i) => (
        <Text key={i} className='muted'>
          保留：{k.what}（{k.why}）
        </Text>
      ))}
    </View>
  )
}
