/**
 * At the venue: the member's rotating code (purpose `checkin`, subject her
 * sign-up ref), staff scanning it for a badge number, and the phone's public key
 * registered with the check-in (replaceable until the pick window opens, when
 * check-in closes and the directory freezes).
 */
import { loadAccount, isOfficer, requireStaff } from '../common/auth'
import type { Clock } from '../common/clock'
import type { Db } from '../common/db'
import { fail } from '../common/errors'
import type { TokenService } from '../common/qr-token.service'
import { beijingClock } from '../common/time'
import type { CheckinCodeDTO, Gender, SignupDTO, StaffCheckInResultDTO, StaffMixerDTO } from '../../types/matchmaking'
import type { MixerDoc, SignupDoc } from './matchmaking.docs'
import { mixerDTO, signupDTO } from './matchmaking.dto'
import { genderPlaceId, type MixerRepository } from './mixer.repository'
import { signupId, type SignupRepository } from './signup.repository'

const CODE_TTL_MS = 30_000
const SUBJECT = 'mx:'

export interface CheckinDeps {
  db: Db
  clock: Clock
  tokens: TokenService
  mixers: MixerRepository
  signups: SignupRepository
}

export function createCheckinService({ db, clock, tokens, mixers, signups }: CheckinDeps) {
  async function mine(openid: string, mixerId: string): Promise<{ m: MixerDoc; d: SignupDoc }> {
    const [m, d] = await Promise.all([mixers.get(mixerId), signups.get(signupId(mixerId, openid))])
    if (!m || !d || !['review', 'approved'].includes(d.state)) fail('NOT_FOUND', 'mixerId')
    if (d.state !== 'approved') fail('SIGNUP_NOT_APPROVED')
    return { m, d }
  }

  const answer = (d: SignupDoc, at: number, badge: number, already: boolean): StaffCheckInResultDTO => ({
    badge, nickname: d.profile.nickname, gender: d.gender, checkedInAt: at, alreadyCheckedIn: already,
    message: `${already ? '已签到' : '签到成功'} ${beijingClock(at)} · ${badge}号`,
  })

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

    async checkIn(staff: string, mixerId: string, token: string): Promise<StaffCheckInResultDTO> {
      await requireStaff(db, staff, 'event', mixerId)
      const v = tokens.verifyRotating(token, 'checkin')
      if (!v.ok) fail(v.code, 'token')
      if (!v.claims.subject.startsWith(SUBJECT)) fail('TOKEN_WRONG_PURPOSE', 'token')
      const [m, d] = await Promise.all([mixers.get(mixerId), signups.byRef(v.claims.subject.slice(SUBJECT.length))])
      if (!m) fail('NOT_FOUND', 'mixerId')
      if (!d || d.mixerId !== mixerId) fail('TOKEN_OTHER_EVENT', 'token')
      if (d.checkedInAt && d.badge) return answer(d, d.checkedInAt, d.badge, true)
      if (d.state !== 'approved') fail('SIGNUP_NOT_APPROVED')
      const now = clock()
      if (now >= m.pickOpensAt) fail('MIXER_CHECKIN_CLOSED')
      const badge = await mixers.nextBadge(mixerId)
      if (await signups.move(d, 'approved', { checkedInAt: now, badge }, { checkedInAt: null })) {
        await mixers.countCheckIn(mixerId, d.gender)
        return answer(d, now, badge, false)
      }
      const again = await signups.get(d._id) // another desk scanned the same person a moment earlier
      if (again?.checkedInAt && again.badge) return answer(again, again.checkedInAt, again.badge, true)
      fail('CONFLICT')
    },

    async staffMixers(openid: string): Promise<StaffMixerDTO[]> {
      const account = await loadAccount(db, openid)
      const all = await mixers.list()
      const mine = isOfficer(account) ? all : all.filter((m) => account.roles.some((r) => r.role === 'staff' && r.scope.kind === 'event' && r.scope.id === m._id))
      return Promise.all(mine.map(async (m) => {
        const docs = await mixers.placeDocs(m._id)
        const n = (g: Gender) => docs.find((p) => p._id === genderPlaceId(m._id, g))?.checkedIn ?? 0
        return { mixer: mixerDTO(m), checkedIn: { M: n('M'), F: n('F') } }
      }))
    },
  }
}
