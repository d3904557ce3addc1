import { type CallerAccount, loadAccount } from '../common/auth'
import type { Db } from '../common/db'
import { fail } from '../common/errors'
import type { MeDTO, VerifyRequest } from '../../types/member'
import { attemptWindow, isLimited, takeAttempt } from './attempts.repository'
import { ERROR_MESSAGES } from '../../types/errors'
import { latestDeletionRequest } from './deletion.repository'
import { deletionStatus } from './deletion.service'
import { toMeDTO } from './member.dto'
import { bindRoster, findRosterByPhone, getRoster, unbindRoster } from './roster.repository'
import { claimRosterForUser, clearBinding, ensureUser } from './user.repository'
import { attemptNotice, matchRoster, normalizeCardNo, VERIFY_MAX_ATTEMPTS, VERIFY_WINDOW_MS } from './verify.rules'
import { callOf, type MemberCall, type MemberDeps } from './member.deps'

type Deps = MemberCall

async function current(db: Db, openid: string): Promise<{ account: CallerAccount; me: MeDTO }> {
  const account = await loadAccount(db, openid)
  const roster = account.user?.rosterId ? await getRoster(db, account.user.rosterId) : null
  // Only someone who asked (or whose account was erased) has a request to show: the common case costs no read.
  const asked = !account.user || account.user.deletionRequestedAt
  const request = asked ? await latestDeletionRequest(db, openid) : null
  return { account, me: toMeDTO(account, roster, request ? deletionStatus(request) : null) }
}

export async function me({ db }: Deps, openid: string): Promise<MeDTO> {
  return (await current(db, openid)).me
}

async function lookup(db: Db, req: VerifyRequest) {
  const candidates = req.cardNo ? [await getRoster(db, normalizeCardNo(req.cardNo))].filter((r) => r !== null) : await findRosterByPhone(db, req.phone!)
  return matchRoster(candidates, req.name)
}

/**
 * Binds the roster record this name + card (or phone) identifies. Every lookup
 * spends one attempt of the window, taken atomically before the lookup, so
 * parallel guesses cannot exceed it. Each step is a conditional update on one
 * document; a crash between them is repaired by simply verifying again.
 */
export async function verify({ db, now }: Deps, openid: string, req: VerifyRequest): Promise<MeDTO> {
  if ((await current(db, openid)).me.verified) fail('ALREADY_VERIFIED')
  const key = `verify:${openid}`
  if (await isLimited(db, key, now, VERIFY_MAX_ATTEMPTS, VERIFY_WINDOW_MS)) await refuse(db, key, now, 'RATE_LIMITED')
  if (!(await takeAttempt(db, key, now, VERIFY_MAX_ATTEMPTS, VERIFY_WINDOW_MS))) await refuse(db, key, now, 'RATE_LIMITED')
  const roster = await lookup(db, req)
  if (!roster) return refuse(db, key, now, 'VERIFY_MISMATCH')
  if (roster.boundOpenid !== openid && !(await bindRoster(db, roster._id, openid, now))) {
    if ((await getRoster(db, roster._id))?.boundOpenid !== openid) fail('ROSTER_ALREADY_BOUND')
  }
  await ensureUser(db, openid, now)
  if (!(await claimRosterForUser(db, openid, roster._id, now))) {
    await unbindRoster(db, roster._id, openid, now) // this openid is bound elsewhere: give the record back
    fail('ALREADY_VERIFIED')
  }
  return (await current(db, openid)).me
}

/** A refusal that says how many tries are left, or when she may try again. */
async function refuse(db: Db, key: string, now: number, code: 'RATE_LIMITED' | 'VERIFY_MISMATCH'): Promise<never> {
  const { suffix, details } = attemptNotice(await attemptWindow(db, key), now)
  const base = code === 'RATE_LIMITED' ? '尝试次数过多' : ERROR_MESSAGES.VERIFY_MISMATCH
  fail(code, undefined, suffix ? `${base}，${suffix}` : base, details)
}

/** The roster record stays (it is the union's); only the link to this WeChat account goes. */
export async function unbind({ db, now }: Deps, openid: string): Promise<MeDTO> {
  const { account } = await current(db, openid)
  const rosterId = account.user?.rosterId
  if (!rosterId) fail('NOT_VERIFIED')
  await clearBinding(db, openid, now)
  await unbindRoster(db, rosterId, openid, now)
  return (await current(db, openid)).me
}

/** Her account: who she is, verification against the roster, unbinding. */
export function createAccountService(deps: MemberDeps) {
  return {
    me: (openid: string) => me(callOf(deps), openid),
    verify: (openid: string, req: VerifyRequest) => verify(callOf(deps), openid, req),
    unbind: (openid: string) => unbind(callOf(deps), openid),
  }
}
