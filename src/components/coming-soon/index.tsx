import { Text, View } from '@tarojs/components'
import { BackLink, HomeLink } from '../back-link'
import './index.css'

interface Props {
  title: string
  description: string
  /** Who may use the service once it opens, e.g. "需完成会员认证". */
  audience: string
}

/** Stand-in for a service whose own issue has not landed yet: says what it will do, and always leads back. */
export function ComingSoon({ title, description, audience }: Props) {
  return (
    <View className='page coming-soon'>
      <Text className='coming-soon__title'>{title}</Text>
      <Text className='coming-soon__badge'>即将开放</Text>
      <Text className='coming-soon__text'>{description}</Text>
      <Text className='coming-soon__audience'>{audience}</Text>
      <BackLink />
      <HomeLink />
    </View>
  )
}
