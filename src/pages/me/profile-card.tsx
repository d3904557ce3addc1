import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ProfileDTO } from '~types/member'
import { maskMiddle } from '~src/utils/mask'
import { formatShanghai } from '~src/utils/datetime'

/** The member's own record; numbers stay masked on screen until they ask to see them. */
export function ProfileCard({ profile }: { profile: ProfileDTO }) {
  const [reveal, setReveal] = useState(false)
  const show = (v: string) => (reveal ? v : maskMiddle(v))
  const rows: [string, string][] = [
    ['姓名', profile.name],
    ['会员证号', show(profile.cardNo)],
    ['手机号', show(profile.phone)],
    ['所属工会', profile.branch],
    ['认证时间', formatShanghai(profile.verifiedAt)],
  ]
  return (
    <View className='card' id='me-profile'>
      <Text className='card__title'>已认证会员</Text>
      {rows.map(([label, value]) => (
        <View key={label} className='row'>
          <Text className='row__label'>{label}</Text>
          <Text>{value || '—'}</Text>
        </View>
      ))}
      {profile.tags.length > 0 && <Text className='muted'>标签：{profile.tags.join('、')}</Text>}
      <View id='me-reveal' className='row me-reveal' onClick={() => setReveal(!reveal)}>
        <Text className='row__label'>{reveal ? '隐藏号码' : '显示完整号码'}</Text>
        <Text>›</Text>
      </View>
    </View>
  )
}
