import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { routeUrl } from '~types/routes'
import { PageFrame } from '~src/components/page-frame'
import { NoticeBanner } from '~src/components/notice-banner'
import { useRemote } from '~src/hooks/use-remote'
import { isDemoLogin, isSignedIn } from '~src/services/demo-session'
import { cachedMe, loadMe } from '~src/services/me-store'
import { AccountBanner } from './account-banner'
import { ServiceGrid } from './service-grid'
import './index.css'

const go = (url: string) => () => Taro.navigateTo({ url })

export default function Index() {
  // A newcomer in the H5 demo picks an identity first; in WeChat one is always signed in.
  const me = useRemote(async (silent) => {
    if (isSignedIn()) return loadMe({ silent: silent || !!cachedMe() })
    Taro.reLaunch({ url: routeUrl('login') })
    return null
  })
  const roles = me.data?.roles ?? []
  const hasRole = (role: string) => roles.some((r) => r.role === role)
  return (
    <PageFrame className='home' back={false}>
      <Text className='home__title'>服务大厅</Text>
      <AccountBanner me={me} />
      <ServiceGrid verified={me.data ? me.data.verified : null} />
      <View className='home__links'>
        <NoticeBanner id='go-me' text='我的：个人信息、我的二维码、输入邀请码' actionText='进入' onAction={go(routeUrl('me'))} />
        {hasRole('staff') && (
          <NoticeBanner id='go-staff' text='工作人员入口：进入我的工作台' actionText='进入' onAction={go(routeUrl('staff'))} />
        )}
        {hasRole('officer') && (
          <NoticeBanner
            id='go-officer'
            text='工会干部入口：名册导入、邀请码、删除申请'
            actionText='进入'
            onAction={go(routeUrl('officer'))}
          />
        )}
        {isDemoLogin && (
          <NoticeBanner id='switch-identity' text='本地演示：切换演示身份' actionText='切换' onAction={go(routeUrl('login'))} />
        )}
      </View>
    </PageFrame>
  )
}
