/**
 * At the venue: the member's rotating code (purpose `checkin`, subject her
 * sign-up ref), staff scanning it for a badge number, and the phone's public key
 * registered with the check-in (replaceable until the pick window opens, when
 * check-in closes and the directory freezes). Every scan, accepted or refused,
 * goes into the desk's attempt log (common/attempt-log.ts).
 */
import type { AttemptLog } from '../common/attempt-log'
import { isOfficer, scopeIds, type CallerAccount } from '../common/auth'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import type { TokenService } from '../common/qr-token.service'
import { beijingClock } from '../common/time'
import { covers, type OfficerScope } from '../common/unions'
import type { CheckinCodeDTO, Gender, SignupDTO, StaffCheckInResultDTO, StaffMixerDTO } from '~types/matchmaking'
import type { MixerDoc, SignupDoc } from './matchmaking.docs'
import { mixerDTO, signupDTO } from './matchmaking.dto'
import { genderPlaceId, type MixerRepository } from './mixer.repository'
import { signupId, type SignupRepository } from './signup.repository'

const CODE_TTL_MS = 30_000
const SUBJECT = 'mx:'

/** One line of `mixer_checkins_log`: the desk, the scanning staff, and the sign-up ref once the code was read. */
export interface CheckinAttempt {
  mixerId: string
  staff: string
  requestId: string | null
  ref?: string
  badge?: number
}

export interface CheckinDeps {
  clock: Clock
  tokens: TokenService
  mixers: MixerRepository
  signups: SignupRepository
  log: AttemptLog<CheckinAttempt>
}

export function createCheckinService({ clock, tokens, mixers, signups, log }: CheckinDeps) {
  async function mine(openid: string, mixerId: string): Promise<{ m: MixerDoc; d: SignupDoc }> {
    const [m, d] = await Promise.all([mixers.get(mixerId), signups.get(signupId(mixerId, openid))])
    if (!m || !d || !['review', 'approved'].includes(d.state)) fail('NOT_FOUND', 'mixerId')
    if (d.state !== 'approved') fail('SIGNUP_NOT_APPROVED')
    return { m, d }
  }

  const answer = (d: SignupDoc, at: number, badge: number, already: boolean): StaffCheckInResultDTO => ({
    badge,
    nickname: d.profile.nickname,
    gender: d.gender,
    checkedInAt: at,
    alreadyCheckedIn: already,
    message: `${already ? '已签到' : '签到成功'} ${beijingClock(at)} · ${badge}号`,
  })

  /** The sign-up a scanned code names (refused codes say why). */
  async function scanned(mixerId: string, token: string): Promise<{ m: MixerDoc; d: SignupDoc }> {
    const v = tokens.verifyRotating(token, 'checkin')
    if (!v.ok) fail(v.code, 'token')
    if (!v.claims.subject.startsWith(SUBJECT)) fail('TOKEN_WRONG_PURPOSE', 'token')
    const [m, d] = await Promise.all([mixers.get(mixerId), signups.byRef(v.claims.subject.slice(SUBJECT.length))])
    if (!m) fail('NOT_FOUND', 'mixerId')
    if (!d || d.mixerId !== mixerId) fail('TOKEN_OTHER_EVENT', 'token')
    return { m, d }
  }

  async function admit(
    mixerId: string,
    token: string,
    requestId: string | null,
    note: Partial<CheckinAttempt>,
  ): Promise<StaffCheckInResultDTO> {
    const { m, d } = await scanned(mixerId, token)
    note.ref = d.ref
    if (d.checkedInAt && d.badge) return answer(d, d.checkedInAt, d.badge, true)
    if (d.state !== 'approved') fail('SIGNUP_NOT_APPROVED')
    const now = clock()
    if (now >= m.pickOpensAt) fail('MIXER_CHECKIN_CLOSED')
    const badge = await mixers.nextBadge(mixerId)
    note.badge = badge
    if (await signups.move(d, 'approved', { checkedInAt: now, badge, lastRequestId: requestId }, { checkedInAt: null })) {
      await mixers.countCheckIn(mixerId, d.gender)
      return answer(d, now, badge, false)
    }
    const again = await signups.get(d._id) // another desk scanned the same person a moment earlier
    if (again?.checkedInAt && again.badge) return answer(again, again.checkedInAt, again.badge, true)
    fail('CONFLICT')
  }

  return {
    async code(openid: string, mixerId: string): Promise<CheckinCodeDTO> {
      const { d } = await mine(openid, mixerId)
      const { token, expiresAt } = tokens.issueRotating('checkin', SUBJECT + d.ref, CODE_TTL_MS)
      return { token, expiresAt, refreshInMs: CODE_TTL_MS - 5_000, checkedInAt: d.checkedInAt, badge: d.badge }
    },

    async registerKey(openid: string, mixerId: string, publicKey: string): Promise<SignupDTO> {
      const { m, d } = await mine(openid, mixerId)
      if (clock() >= m.pickOpensAt) fail('KEY_LOCKED')
      if (!/^[A-Za-z0-9+/]{43}=$/.test(publicKey) || Buffer.from(publicKey, 'base64').length !== 32) fail('INVALID_ARGUMENT', 'publicKey')
      if (!(await signups.move(d, 'approved', { publicKey }))) fail('CONFLICT')
      return signupDTO({ ...d, publicKey }, m.title, null)
    },
    /** The key a same-id `registerKey` registered (it is the state it set). */
    async keyRegistered(openid: string, mixerId: string, publicKey: string): Promise<SignupDTO | null> {
      const [m, d] = await Promise.all([mixers.get(mixerId), signups.get(signupId(mixerId, openid))])
      return m && d?.publicKey === publicKey ? signupDTO(d, m.title, null) : null
    },

    checkIn: (staff: string, mixerId: string, token: string, requestId: string | null): Promise<StaffCheckInResultDTO> =>
      log.record(
        { mixerId, staff, requestId },
        (note) => admit(mixerId, token, requestId, note),
        (r) => (r.alreadyCheckedIn ? 'ALREADY_CHECKED_IN' : null),
      ),
    /** The check-in a same-id scan made (the code still reads; else the scan runs again and answers 已签到). */
    async checkedInBy(mixerId: string, token: string, requestId: string | undefined): Promise<StaffCheckInResultDTO | null> {
      const v = requestId ? tokens.verifyRotating(token, 'checkin') : null
      if (!v?.ok || !v.claims.subject.startsWith(SUBJECT)) return null
      const d = await signups.byRef(v.claims.subject.slice(SUBJECT.length))
      return d?.mixerId === mixerId && d.lastRequestId === requestId && d.checkedInAt && d.badge
        ? answer(d, d.checkedInAt, d.badge, false)
        : null
    },

    /** The desks this account staffs (every mixer for an officer), with the live counts. */
    /** The desks she staffs; an officer's are every mixer of her subtree (`scope`, issue 20). */
    async staffMixers(account: CallerAccount, scope: OfficerScope | null): Promise<StaffMixerDTO[]> {
      const all = await mixers.list()
      const ids = scopeIds(account, 'event')
      const mine = all.filter((m) => ids.includes(m._id) || (isOfficer(account) && !!scope && covers(scope, m.unionPath)))
      return Promise.all(
        mine.map(async (m) => {
          const docs = await mixers.placeDocs(m._id)
          const n = (g: Gender) => docs.find((p) => p._id === genderPlaceId(m._id, g))?.checkedIn ?? 0
          return { mixer: mixerDTO(m), checkedIn: { M: n('M'), F: n('F') } }
        }),
      )
    },
  }
}
