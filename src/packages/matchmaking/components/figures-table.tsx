import { Text, View } from '@tarojs/components'
import type { Figure, Gender } from '~types/matchmaking'

type Row = { signedUp: Record<Gender, Figure>; approved: Record<Gender, Figure>; checkedIn: Record<Gender, Figure>; pairs: Figure | null }

/** Aggregate figures only; a count under five reads "<5". */
export function FiguresTable({ f, id }: { f: Row; id: string }) {
  return (
    <View id={id}>
      <View className='row'>
        <Text className='row__label'>报名（男 / 女）</Text>
        <Text>
          {f.signedUp.M} / {f.signedUp.F}
        </Text>
      </View>
      <View className='row'>
        <Text className='row__label'>通过（男 / 女）</Text>
        <Text>
          {f.approved.M} / {f.approved.F}
        </Text>
      </View>
      <View className='row'>
        <Text className='row__label'>签到（男 / 女）</Text>
        <Text>
          {f.checkedIn.M} / {f.checkedIn.F}
        </Text>
      </View>
      <View className='row'>
        <Text className='row__label'>牵手（互选）</Text>
        <Text id={`${id}-pairs`}>{f.pairs === null ? '未公布' : `${f.pairs} 对`}</Text>
      </View>
    </View>
  )
}
