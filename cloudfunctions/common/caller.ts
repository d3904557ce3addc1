import tcb from '@cloudbase/node-sdk'
import type { FunctionEvent } from '~types/envelope'
import { batchedById } from './batched-read'
import type { Clock } from './clock'
import { COLLECTIONS } from './collections'
import type { Db } from './db'
import { fail } from './errors'

/**
 * Who is calling, as the trusted context says; never taken from `data`.
 * - `wechat`: the mini-program's call carries her openid.
 * - `console`: the officers' desktop console (issue 18). CloudBase's custom login puts the id the ticket
 *   was made for in the context (`TCB_CUSTOM_USER_ID`, what node-sdk's `auth().getUserInfo().customUserId`
 *   reads; docs.cloudbase.net/api-reference/server/node-sdk/auth). Ours is `console-<sessionId>`: the
 *   session names the officer, so she acts as her own openid, with exactly the `auth` each action declares.
 * - `web`: a browser before sign-in (CloudBase's anonymous login; locally the host). Only actions declared
 *   `auth: 'anyone'` accept it, and its `openid` is empty; `ip` is where CloudBase saw it come from.
 */
export type Principal =
  | { kind: 'wechat'; openid: string }
  | { kind: 'console'; openid: string; sessionId: string }
  | { kind: 'web'; openid: ''; uid: string; ip: string | null }

/** The custom-login id of a console session; CloudBase allows 4–32 of `[a-zA-Z0-9_-…]` (node-sdk validateUid). */
export const CONSOLE_USER_PREFIX = 'console-'
export const consoleUserId = (sessionId: string) => `${CONSOLE_USER_PREFIX}${sessionId}`

/** A console session as stored (`console_sessions`); written only by the console function. */
export interface ConsoleSessionDoc {
  _id: string
  openid: string
  kind: 'officer' | 'manager'
  loginId: string
  startedAt: number
  expiresAt: number
  endedAt: number | null
  endedBy: 'phone' | 'console' | null
  place: string | null
  device: string | null
}

type Context = ReturnType<typeof tcb.getCloudbaseContext>

function contextOf(context: unknown): Partial<Context> {
  try {
    return tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0])
  } catch {
    return {} // no usable context: only event.userInfo is left
  }
}

/**
 * WeChat puts the caller in the context's environment; CloudBase also mirrors it into event.userInfo. A web
 * caller (a CloudBase login in the context: the console, or a browser before sign-in) sends the whole event
 * itself, so there only the context can name an openid: a `userInfo` it sent is never read.
 */
export function callerOpenid(event: FunctionEvent, context: unknown): string | undefined {
  const wx = contextOf(context)
  if (wx.WX_OPENID) return wx.WX_OPENID
  if (wx.TCB_UUID || wx.TCB_CUSTOM_USER_ID) return undefined
  const fromEvent = event?.userInfo?.openId
  return typeof fromEvent === 'string' && fromEvent ? fromEvent : undefined
}

/** The WeChat caller only (timers, and code that has no database at hand). */
export function callerPrincipal(event: FunctionEvent, context: unknown): Principal | undefined {
  const openid = callerOpenid(event, context)
  return openid ? { kind: 'wechat', openid } : undefined
}

/** Concurrent calls of one console share one read of their sessions (batched-read.ts); nothing is kept. */
const sessionById = batchedById<ConsoleSessionDoc>(COLLECTIONS.consoleSessions)

/** A session that may act now; SESSION_ENDED otherwise (ended on the phone or by 退出登录, or past its 8 hours). */
export function liveSession(session: ConsoleSessionDoc | null, now: number): ConsoleSessionDoc {
  if (!session || session.endedAt !== null || now >= session.expiresAt) fail('SESSION_ENDED')
  return session
}

/**
 * Every kind of caller. A console call costs one read (its session), checked on every call: a session
 * ended on the phone refuses the console's next call. Undefined: no caller at all (UNAUTHENTICATED).
 */
export async function resolvePrincipal(event: FunctionEvent, context: unknown, db: Db, clock: Clock): Promise<Principal | undefined> {
  const wechat = callerPrincipal(event, context)
  if (wechat) return wechat
  const ctx = contextOf(context)
  const custom = ctx.TCB_CUSTOM_USER_ID
  if (custom && custom.startsWith(CONSOLE_USER_PREFIX)) {
    const sessionId = custom.slice(CONSOLE_USER_PREFIX.length)
    const session = liveSession(await sessionById(db, sessionId), clock())
    return { kind: 'console', openid: session.openid, sessionId }
  }
  if (ctx.TCB_UUID) return { kind: 'web', openid: '', uid: ctx.TCB_UUID, ip: ctx.TCB_SOURCE_IP || null }
  return undefined
}
