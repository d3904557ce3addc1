import tcb from '@cloudbase/node-sdk'
import type { FunctionEvent } from '~types/envelope'

/**
 * Who is calling, as the trusted context says: a WeChat user today (the mini-program's call carries her
 * openid); the officers' console adds a second kind later. Never taken from `data`.
 */
export type Principal = { kind: 'wechat'; openid: string }

/** WeChat puts the caller in the context's environment; CloudBase also mirrors it into event.userInfo. */
export function callerOpenid(event: FunctionEvent, context: unknown): string | undefined {
  try {
    const wx = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0])
    if (wx.WX_OPENID) return wx.WX_OPENID
  } catch {
    // no usable context: fall through to userInfo
  }
  const fromEvent = event?.userInfo?.openId
  return typeof fromEvent === 'string' && fromEvent ? fromEvent : undefined
}

export function callerPrincipal(event: FunctionEvent, context: unknown): Principal | undefined {
  const openid = callerOpenid(event, context)
  return openid ? { kind: 'wechat', openid } : undefined
}
