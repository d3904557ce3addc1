import Taro from '@tarojs/taro'
import { routeUrl } from '~types/routes'
import type { SignInNeed } from '~src/hooks/use-scene'
import { NoticeBanner } from '../notice-banner'

/** This page's path, without its query: the kept code is found by path when she comes back verified. */
const here = (): string => (Taro.getCurrentInstance().router?.path ?? '').replace(/^\//, '').split('?')[0]

/** A code she scanned needs her signed in and verified first: say so, lead her there, and say the code is kept (no dead end). */
export function SignInNeeded({ need, what }: { need: SignInNeed; what: string }) {
  const verify = need.reason === 'NOT_VERIFIED'
  const kept = need.kept
    ? `已为您记住刚才扫的码，${verify ? '认证' : '登录'}后回到本页即可继续${what}。`
    : `${verify ? '认证' : '登录'}后即可${what}。`
  return (
    <NoticeBanner
      id='sign-in-needed'
      tone='warn'
      text={`${verify ? '请先完成会员认证' : '请先登录'}。${kept}`}
      actionText={verify ? '去认证' : '去登录'}
      onAction={() => void Taro.navigateTo({ url: verify ? routeUrl('verify', { back: here() }) : routeUrl('login') })}
    />
  )
}
