import type { StoredRole } from '../common/member-docs'
import { MERCHANT_MANAGER_SUFFIX } from '~types/member'

/**
 * The console's sign-in rules (issue 18), pure. A login request lives 2 minutes and is used once; the
 * browser may still collect a confirmed one for a short grace (its poll may land just after); a session
 * lasts 8 hours, a working day at the office PC.
 */
export const LOGIN_TTL_MS = 2 * 60_000
export const COLLECT_GRACE_MS = 30_000
export const SESSION_TTL_MS = 8 * 3600_000

export type ConsoleAccess = { ok: true; kind: 'officer' | 'manager' } | { ok: false; reason: string }

const ONLY = '控制台只供工会干部和商户店长使用'

/**
 * Who may sign in to the console: an officer (everything her union reaches) or a merchant's manager (店长:
 * her merchant's statements). Anyone else is told, in her own terms, why not and where her work is.
 */
export function consoleAccess(roles: readonly StoredRole[]): ConsoleAccess {
  if (roles.some((r) => r.role === 'officer')) return { ok: true, kind: 'officer' }
  const scopes = roles.flatMap((r) => (r.role === 'staff' ? [r.scope] : []))
  if (scopes.some((s) => s.kind === 'merchant' && s.id.endsWith(MERCHANT_MANAGER_SUFFIX))) return { ok: true, kind: 'manager' }
  if (scopes.some((s) => s.kind === 'merchant'))
    return { ok: false, reason: `商户核销员不能登录控制台：${ONLY}。核销请在小程序的工作台进行。` }
  if (scopes.some((s) => s.kind === 'site'))
    return { ok: false, reason: `筛查点工作人员不能登录控制台：${ONLY}。签到请在小程序的工作台进行。` }
  if (scopes.some((s) => s.kind === 'event'))
    return { ok: false, reason: `活动工作人员不能登录控制台：${ONLY}。签到请在小程序的工作台进行。` }
  return { ok: false, reason: `会员不能登录控制台：${ONLY}。` }
}

/** A browser's description, kept short and printable: shown on the phone, never trusted. */
export function deviceLabel(raw: string | undefined): string | null {
  const clean = (raw ?? '').replace(/[^\p{L}\p{N} ._·/()-]/gu, '').trim()
  return clean ? clean.slice(0, 40) : null
}

/** Two digits shown on both screens (10–99, so never a lone digit). */
export function pairNumber(random: () => number): string {
  return String(10 + Math.floor(random() * 90))
}
