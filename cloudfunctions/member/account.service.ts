import type { CallerAccount } from '../common/auth'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import type { RosterDoc } from '../common/member-docs'
import type { WechatPort } from '../common/wechat'
import { ERROR_MESSAGES } from '~types/errors'
import type { MeDTO, VerifyRequest } from '~types/member'
import type { AttemptCounter } from './attempts.repository'
import type { MeService } from './me.service'
import type { RosterRepository } from './roster.repository'
import type { UserRepository } from './user.repository'
import { attemptNotice, matchRoster, normalizeCardNo, VERIFY_MAX_ATTEMPTS, VERIFY_WINDOW_MS } from './verify.rules'

interface Deps {
  clock: Clock
  users: UserRepository
  roster: RosterRepository
  attempts: AttemptCounter
  me: MeService
  wechat: WechatPort
  /** 手机号快速验证 is paid per call: off unless the union switched it on (env().wechat.phoneNumber). */
  phoneNumberOn: () => boolean
}

const BUDGET = { max: VERIFY_MAX_ATTEMPTS, windowMs: VERIFY_WINDOW_MS }

/** Her account: verification against the roster, unbinding. */
export function createAccountService({ clock, users, roster, attempts, me, wechat, phoneNumberOn }: Deps) {
  /** A refusal that says how many tries are left, or when she may try again. */
  async function refuse(key: string, now: number, code: 'RATE_LIMITED' | 'VERIFY_MISMATCH' | 'PHONE_NOT_ON_ROSTER'): Promise<never> {
    const { suffix, details } = attemptNotice(await attempts.window(key), now)
    const base = code === 'RATE_LIMITED' ? '尝试次数过多' : ERROR_MESSAGES[code]
    fail(code, undefined, suffix ? `${base}，${suffix}` : base, details)
  }

  async function lookup(req: VerifyRequest) {
    const candidates = req.cardNo
      ? [await roster.get(normalizeCardNo(req.cardNo))].filter((r) => r !== null)
      : await roster.byPhone(req.phone!)
    return matchRoster(candidates, req.name)
  }

  /** Both sides of the binding, each one conditional update; a crash between them is repaired by verifying again. */
  async function bind(openid: string, rosterId: string, boundTo: string | null, now: number, requestId: string | null): Promise<void> {
    if (boundTo !== openid && !(await roster.bind(rosterId, openid, now))) {
      if ((await roster.get(rosterId))?.boundOpenid !== openid) fail('ROSTER_ALREADY_BOUND')
    }
    await users.ensure(openid, now)
    // Not claimed: already ours (a same-id copy claimed it with the same values), or bound elsewhere.
    if (!(await users.claimRoster(openid, rosterId, now, requestId)) && (await users.get(openid))?.rosterId !== rosterId) {
      await roster.unbind(rosterId, openid, now) // this openid is bound elsewhere: give the record back
      fail('ALREADY_VERIFIED')
    }
  }

  /**
   * Binds the roster record `find` identifies. Every lookup spends one attempt of the window, taken
   * atomically before the lookup, so parallel guesses cannot exceed it.
   */
  async function verifyBy(
    account: CallerAccount,
    requestId: string | null,
    miss: 'VERIFY_MISMATCH' | 'PHONE_NOT_ON_ROSTER',
    find: () => Promise<RosterDoc | null>,
  ): Promise<MeDTO> {
    const now = clock()
    if ((await me.of(account)).verified) fail('ALREADY_VERIFIED')
    const key = `verify:${account.openid}`
    if (await attempts.isLimited(key, now, BUDGET)) await refuse(key, now, 'RATE_LIMITED')
    if (!(await attempts.take(key, now, BUDGET))) await refuse(key, now, 'RATE_LIMITED')
    const found = await find()
    if (!found) return refuse(key, now, miss)
    await bind(account.openid, found._id, found.boundOpenid, now, requestId)
    return me.fresh(account)
  }

  /** The one roster record holding the number WeChat vouches for (a number two records share identifies nobody). */
  async function vouchedRecord(code: string): Promise<RosterDoc | null> {
    const answer = await wechat.phoneNumber(code)
    if (!answer.ok) fail(answer.transient ? 'WECHAT_UNAVAILABLE' : 'PHONE_CODE_INVALID', 'code')
    // The roster holds mainland numbers without the country code.
    if (answer.countryCode !== '86') return null
    const hits = await roster.byPhone(answer.purePhoneNumber)
    return hits.length === 1 ? hits[0] : null
  }

  return {
    /** Name and card (or a typed phone) identify her record. */
    verify: (account: CallerAccount, req: VerifyRequest, requestId: string | null): Promise<MeDTO> =>
      verifyBy(account, requestId, 'VERIFY_MISMATCH', () => lookup(req)),
    /**
     * 手机号快速验证: the number WeChat vouches for (from her tap on 手机号快速验证) identifies her
     * record as a name and card do, through the same budget and binding. The number is used to
     * match and is not kept (PIPL): the roster already holds it.
     */
    async verifyByPhone(account: CallerAccount, code: string, requestId: string | null): Promise<MeDTO> {
      if (!phoneNumberOn()) fail('PHONE_VERIFY_OFF')
      return verifyBy(account, requestId, 'PHONE_NOT_ON_ROSTER', () => vouchedRecord(code))
    },
    /** A retry of a verification this request completed: her account as it answered. */
    async verified(account: CallerAccount, requestId: string | undefined): Promise<{ data: MeDTO } | undefined> {
      const user = await users.get(account.openid)
      if (!requestId || user?.verifyRequest !== requestId) return undefined
      const now = await me.fresh(account)
      return now.verified ? { data: now } : undefined
    },
    /** The roster record stays (it is the union's); only the link to this WeChat account goes. */
    async unbind(account: CallerAccount, requestId: string | null): Promise<MeDTO> {
      const rosterId = account.user?.rosterId
      if (!rosterId) fail('NOT_VERIFIED')
      const now = clock()
      // The roster side first: it alone says who is a member (common/auth.ts), so a crash between the two never leaves her one.
      await roster.unbind(rosterId, account.openid, now)
      await users.clearBinding(account.openid, now, requestId)
      return me.fresh(account)
    },
    /** A retry of an unbinding this request made: finishes the roster side (a no-op once done) and answers. */
    async unbound(account: CallerAccount, requestId: string | undefined): Promise<{ data: MeDTO } | undefined> {
      const user = await users.get(account.openid)
      if (!requestId || user?.unbindRequest !== requestId || user.rosterId) return undefined
      await roster.release(account.openid, clock())
      return { data: await me.fresh(account) }
    },
  }
}
