import type { CallerAccount } from '../common/auth'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
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
}

const BUDGET = { max: VERIFY_MAX_ATTEMPTS, windowMs: VERIFY_WINDOW_MS }

/** Her account: verification against the roster, unbinding. */
export function createAccountService({ clock, users, roster, attempts, me }: Deps) {
  /** A refusal that says how many tries are left, or when she may try again. */
  async function refuse(key: string, now: number, code: 'RATE_LIMITED' | 'VERIFY_MISMATCH'): Promise<never> {
    const { suffix, details } = attemptNotice(await attempts.window(key), now)
    const base = code === 'RATE_LIMITED' ? '尝试次数过多' : ERROR_MESSAGES.VERIFY_MISMATCH
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

  return {
    /**
     * Binds the roster record this name + card (or phone) identifies. Every lookup spends one
     * attempt of the window, taken atomically before the lookup, so parallel guesses cannot exceed it.
     */
    async verify(account: CallerAccount, req: VerifyRequest, requestId: string | null): Promise<MeDTO> {
      const now = clock()
      if ((await me.of(account)).verified) fail('ALREADY_VERIFIED')
      const key = `verify:${account.openid}`
      if (await attempts.isLimited(key, now, BUDGET)) await refuse(key, now, 'RATE_LIMITED')
      if (!(await attempts.take(key, now, BUDGET))) await refuse(key, now, 'RATE_LIMITED')
      const found = await lookup(req)
      if (!found) return refuse(key, now, 'VERIFY_MISMATCH')
      await bind(account.openid, found._id, found.boundOpenid, now, requestId)
      return me.fresh(account)
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
      await users.clearBinding(account.openid, now, requestId)
      await roster.unbind(rosterId, account.openid, now)
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
