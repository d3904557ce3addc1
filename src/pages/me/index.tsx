import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { routeUrl } from '~types/routes'
import { PageFrame } from '~src/components/page-frame'
import { BackLink } from '~src/components/back-link'
import { BigButton } from '~src/components/big-button'
import { NoticeBanner } from '~src/components/notice-banner'
import { RemoteView } from '~src/components/remote-view'
import { describeRole } from '~src/constants/roles'
import type { MeDTO } from '~types/member'
import { useRemote } from '~src/hooks/use-remote'
import { isDemoLogin } from '~src/services/demo-session'
import { loadMe } from '~src/services/me-store'
import { DataActions } from './data-actions'
import { DeletionState } from './deletion-state'
import { ElderSwitch } from './elder-switch'
import { MyCodes, StaffLinks } from './me-links'
import { ProfileCard } from './profile-card'
import './index.css'

function MyRoles({ me }: { me: MeDTO }) {
  return (
    <View className='card'>
      <Text className='card__title'>我的身份</Text>
      {me.roles.length === 0 && <Text className='muted'>还没有身份。完成会员认证后即为会员；工作人员请在下方输入邀请码。</Text>}
      {me.roles.map((r, i) => (
        <View key={i} className='row'>
          <Text>{describeRole(r).title}</Text>
          {/* An officer acts for her union (issue 20): 工会干部 · 秦淮区总工会 */}
          <Text className='row__label'>{r.role === 'officer' ? r.union.name : describeRole(r).scopeName}</Text>
        </View>
      ))}
    </View>
  )
}

/** The local demo's own buttons (no such thing in WeChat). */
function DemoButtons() {
  return (
    <>
      {process.env.TARO_ENV === 'h5' && (
        // The local demo's stand-in for WeChat's 服务通知 (on a phone WeChat itself shows them).
        <BigButton id='me-wechat' variant='secondary' onClick={() => Taro.navigateTo({ url: routeUrl('wechatMessages') })}>
          微信通知（本地演示）
        </BigButton>
      )}
      {isDemoLogin && (
        <BigButton id='me-switch' variant='secondary' onClick={() => Taro.navigateTo({ url: routeUrl('login') })}>
          切换演示身份
        </BigButton>
      )}
    </>
  )
}

export default function Me() {
  const me = useRemote((silent) => loadMe({ silent }))
  return (
    <PageFrame className='me'>
      <ElderSwitch />
      <RemoteView remote={me} loadingText='正在获取您的会员信息…'>
        {(m) => (
          <View>
            {m.verified && m.profile ? (
              <ProfileCard profile={m.profile} />
            ) : (
              <NoticeBanner
                id='me-verify'
                tone='warn'
                text='尚未完成会员认证'
                actionText='去认证'
                onAction={() => Taro.navigateTo({ url: routeUrl('verify') })}
              />
            )}
            <MyRoles me={m} />
            <MyCodes />
            <StaffLinks me={m} />
            <DeletionState me={m} />
            <DataActions me={m} onChange={me.setData} />
          </View>
        )}
      </RemoteView>
      <DemoButtons />
      <BackLink />
    </PageFrame>
  )
}
