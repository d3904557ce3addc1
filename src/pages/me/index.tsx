import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { MeDTO } from '../../../types/member'
import { BackLink } from '../../components/back-link'
import { BigButton } from '../../components/big-button'
import { NoticeBanner } from '../../components/notice-banner'
import { StateView } from '../../components/state-view'
import { describeRole } from '../../constants/roles'
import { messageOf } from '../../services/api'
import { isDemoLogin } from '../../services/demo-session'
import { cachedMe, loadMe } from '../../services/me-store'
import { formatShanghai } from '../../utils/datetime'
import { DataActions } from './data-actions'
import { ProfileCard } from './profile-card'

export default function Me() {
  const [me, setMe] = useState<MeDTO | null>(cachedMe())
  const [error, setError] = useState('')
  const refresh = () => {
    setError('')
    loadMe({ silent: !!cachedMe() }).then(setMe, (err) => setError(messageOf(err)))
  }
  useDidShow(refresh)

  if (!me) {
    return (
      <View className='page'>
        <StateView state={error ? 'error' : 'loading'} message={error || undefined} onRetry={refresh} />
        <BackLink />
      </View>
    )
  }
  return (
    <View className='page me'>
      {me.verified && me.profile ? (
        <ProfileCard profile={me.profile} />
      ) : (
        <NoticeBanner id='me-verify' tone='warn' text='尚未完成会员认证' actionText='去认证' onAction={() => Taro.navigateTo({ url: '/pages/verify/index' })} />
      )}
      <View className='card'>
        <Text className='card__title'>我的身份</Text>
        {me.roles.map((r, i) => {
          const v = describeRole(r)
          return (
            <View key={i} className='row'>
              <Text>{v.title}</Text>
              <Text className='row__label'>{v.scopeName}</Text>
            </View>
          )
        })}
      </View>
      <View className='card'>
        <Text className='card__title'>我的二维码</Text>
        <Text className='muted'>各项服务开放后，您的活动签到码、消费券码、筛查签到码会显示在这里，出示给工作人员扫码即可。</Text>
      </View>
      {me.deletionRequestedAt && (
        <NoticeBanner tone='warn' text={`已于 ${formatShanghai(me.deletionRequestedAt)} 申请删除个人信息，工会将按规定处理`} />
      )}
      <DataActions me={me} onChange={setMe} />
      {isDemoLogin && (
        <BigButton variant='secondary' onClick={() => Taro.navigateTo({ url: '/pages/login/index' })}>
          切换演示身份
        </BigButton>
      )}
      <BackLink />
    </View>
  )
}
