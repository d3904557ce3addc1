import { Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { HomeLink } from '../../components/back-link'
import { StateView } from '../../components/state-view'
import { fetchDemoIdentities, getDemoOpenid, isDemoLogin, setDemoOpenid, type DemoIdentity } from '../../services/demo-session'
import { rememberMe } from '../../services/me-store'
import './index.css'

/** Local demo only: stands in for WeChat's own sign-in by letting a newcomer pick who to be. */
export default function Login() {
  const [identities, setIdentities] = useState<DemoIdentity[] | null>(null)
  const [error, setError] = useState('')
  const current = getDemoOpenid()

  const load = () => {
    setError('')
    fetchDemoIdentities().then(setIdentities, () => setError('无法获取演示身份列表，请确认本地服务已启动（npm start）'))
  }
  useLoad(() => isDemoLogin && load())

  const choose = (openid: string) => {
    setDemoOpenid(openid)
    rememberMe(null)
    Taro.reLaunch({ url: '/pages/index/index' })
  }

  if (!isDemoLogin) {
    return (
      <View className='page'>
        <Text className='muted'>在微信中将自动使用您的微信身份登录，无需选择。</Text>
        <HomeLink />
      </View>
    )
  }
  return (
    <View className='page login'>
      <Text className='login__title'>选择演示身份</Text>
      <Text className='muted'>本页仅在本地演示中出现。正式小程序使用微信身份登录。</Text>
      {error && <StateView state='error' message={error} onRetry={load} />}
      {!error && !identities && <StateView state='loading' />}
      {identities?.length === 0 && <StateView state='empty' message='没有可用的演示身份' />}
      {identities?.map((d) => (
        <View key={d.openid} id={`identity-${d.openid}`} className='identity' hoverClass='identity--pressed' onClick={() => choose(d.openid)}>
          <Text className='identity__label'>
            {d.label}
            {d.openid === current ? '（当前）' : ''}
          </Text>
          <Text className='identity__desc'>{d.description}</Text>
          {d.verifyHint && (
            <Text className='identity__hint'>
              认证信息：姓名 {d.verifyHint.name}，会员证号 {d.verifyHint.cardNo}，手机号 {d.verifyHint.phone}
            </Text>
          )}
        </View>
      ))}
    </View>
  )
}
