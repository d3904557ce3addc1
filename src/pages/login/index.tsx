import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { routeUrl } from '~types/routes'
import { PageFrame } from '~src/components/page-frame'
import { HomeLink } from '~src/components/back-link'
import { RemoteView } from '~src/components/remote-view'
import { useRemote } from '~src/hooks/use-remote'
import { fetchDemoIdentities, getDemoOpenid, isDemoLogin, setDemoOpenid, type DemoIdentity } from '~src/services/demo-session'
import { rememberMe } from '~src/services/me-store'
import './index.css'

function IdentityRow({ d, current, onChoose }: { d: DemoIdentity; current: boolean; onChoose: (openid: string) => void }) {
  const hint = d.verifyHint
  return (
    <View id={`identity-${d.openid}`} className='identity' hoverClass='identity--pressed' onClick={() => onChoose(d.openid)}>
      <Text className='identity__label'>
        {d.label}
        {current ? '（当前）' : ''}
      </Text>
      <Text className='identity__desc'>{d.description}</Text>
      {hint && <Text className='identity__hint'>{`认证信息：姓名 ${hint.name}，会员证号 ${hint.cardNo}，手机号 ${hint.phone}`}</Text>}
    </View>
  )
}

/** Local demo only: stands in for WeChat's own sign-in by letting a newcomer pick who to be. */
export default function Login() {
  const current = getDemoOpenid()
  const list = useRemote<DemoIdentity[]>(async () => (isDemoLogin ? fetchDemoIdentities() : []))
  // The list comes from the local host, not a function: say what to do when it is not running.
  const identities = { ...list, error: list.error && '无法获取演示身份列表，请确认本地服务已启动（npm start）' }

  const choose = (openid: string) => {
    setDemoOpenid(openid)
    rememberMe(null)
    Taro.reLaunch({ url: routeUrl('home') })
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
    // Before anyone is chosen the hall sends her straight back here: a 返回 would go nowhere, so there is none.
    <PageFrame className='login' back={!!current}>
      <Text className='login__title'>选择演示身份</Text>
      <Text className='muted'>本页仅在本地演示中出现。正式小程序使用微信身份登录。</Text>
      <RemoteView remote={identities} isEmpty={(list) => list.length === 0} emptyText='没有可用的演示身份'>
        {(list) => list.map((d) => <IdentityRow key={d.openid} d={d} current={d.openid === current} onChoose={choose} />)}
      </RemoteView>
    </PageFrame>
  )
}
