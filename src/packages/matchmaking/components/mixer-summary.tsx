import { Text, View } from '@tarojs/components'
import type { MixerDTO } from '~types/matchmaking'
import { mixerWhen } from '~src/packages/matchmaking/lib/mixer-times'

/** What a member needs to decide: when, where, who organises, who it is for. */
export function MixerSummary({ mixer }: { mixer: MixerDTO }) {
  return (
    <View>
      <Text className='mx-title'>{mixer.title}</Text>
      <Text className='mx-text'>时间：{mixerWhen(mixer)}</Text>
      <Text className='mx-text'>地点：{mixer.venue}</Text>
      {/* 主办 is the union that runs it (issue 20); 协办 are the partners it names */}
      <Text className='mx-text mx-organiser'>主办：{mixer.organiser}</Text>
      {mixer.coOrganisers.length > 0 && <Text className='mx-text'>协办：{mixer.coOrganisers.join('、')}</Text>}
      <Text className='mx-text'>
        对象：{mixer.ageMin}–{mixer.ageMax} 周岁单身会员，男女各 {mixer.placesByGender.M} / {mixer.placesByGender.F} 名
      </Text>
    </View>
  )
}
