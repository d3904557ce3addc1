import Taro from '@tarojs/taro'
import type { MeDTO } from '../../../types/member'
import { NoticeBanner } from '../../components/notice-banner'

interface Props {
  me: MeDTO | null
  error: string
  onRetry: () => void
}

/** Where the member stands: not yet known, failed to load, needs verification, or verified. */
export function AccountBanner({ me, error, onRetry }: Props) {
  if (error) return <NoticeBanner id='account-error' tone='warn' text={error} actionText='重试' onAction={onRetry} />
  if (!me) return <NoticeBanner id='account-loading' text='正在获取您的会员信息…' />
  if (!me.verified) {
    return (
      <NoticeBanner
        id='verify-banner'
        tone='warn'
        text='您还未完成会员认证，认证后即可使用各项服务'
        actionText='去认证'
        onAction={() => Taro.navigateTo({ url: '/pages/verify/index' })}
      />
    )
  }
  const who = me.profile ? `${me.profile.name}${me.profile.branch ? ` · ${me.profile.branch}` : ''}` : ''
  return <NoticeBanner id='verified-state' tone='ok' text={`已认证会员 ${who}`} />
}
