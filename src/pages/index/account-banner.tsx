import Taro from '@tarojs/taro'
import type { MeDTO } from '~types/member'
import { routeUrl } from '~types/routes'
import { NoticeBanner } from '~src/components/notice-banner'
import type { Remote } from '~src/hooks/use-remote'

/** Where the member stands: not yet known, failed to load, needs verification, or verified. */
export function AccountBanner({ me }: { me: Remote<MeDTO | null> }) {
  if (me.error && !me.data)
    return <NoticeBanner id='account-error' tone='warn' text={me.error} actionText='重试' onAction={() => void me.reload()} />
  const m = me.data
  if (!m) return <NoticeBanner id='account-loading' text='正在获取您的会员信息…' />
  if (!m.verified) {
    return (
      <NoticeBanner
        id='verify-banner'
        tone='warn'
        text='您还未完成会员认证，认证后即可使用各项服务'
        actionText='去认证'
        onAction={() => Taro.navigateTo({ url: routeUrl('verify') })}
      />
    )
  }
  const who = m.profile ? `${m.profile.name}${m.profile.branch ? ` · ${m.profile.branch}` : ''}` : ''
  return <NoticeBanner id='verified-state' tone='ok' text={`已认证会员 ${who}`} />
}
