import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { MeDTO } from '../../../types/member'
import { NoticeBanner } from '../../components/notice-banner'
import { messageOf } from '../../services/api'
import { isDemoLogin, isSignedIn } from '../../services/demo-session'
import { cachedMe, loadMe } from '../../services/me-store'
import { AccountBanner } from './account-banner'
import { ServiceGrid } from './service-grid'
import './index.css'

export default function Index() {
  const [me, setMe] = useState<MeDTO | null>(cachedMe())
  const [error, setError] = useState('')

  const refresh = () => {
    setError('')
    loadMe({ silent: !!cachedMe() }).then(setMe, (err) => setError(messageOf(err)))
  }

  useDidShow(() => {
    if (!isSignedIn()) Taro.reLaunch({ url: '/pages/login/index' })
    else refresh()
  })

  const hasRole = (role: string) => !!me?.roles.some((r) => r.role === role)
  return (
    <View className='page home'>
      <Text className='home__title'>服务大厅</Text>
      <AccountBanner me={me} error={error} onRetry={refresh} />
      <ServiceGrid verified={me ? me.verified : null} />
      <View className='home__links'>
        <NoticeBanner id='go-me' text='我的：个人信息、认证状态、我的二维码' actionText='进入' onAction={() => Taro.navigateTo({ url: '/pages/me/index' })} />
        {hasRole('staff') && (
          <NoticeBanner id='go-staff' text='工作人员入口' actionText='进入' onAction={() => Taro.navigateTo({ url: '/pages/staff/index' })} />
        )}
        {hasRole('officer') && (
          <NoticeBanner id='go-officer' text='工会干部入口：名册导入、邀请码' actionText='进入' onAction={() => Taro.navigateTo({ url: '/pages/officer/index' })} />
        )}
        {isDemoLogin && (
          <NoticeBanner id='switch-identity' text='本地演示：切换演示身份' actionText='切换' onAction={() => Taro.navigateTo({ url: '/pages/login/index' })} />
        )}
      </View>
    </View>
  )
}
