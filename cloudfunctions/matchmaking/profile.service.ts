/**
 * The member's side before the venue: profile (made for mixers only), single
 * statement, eligibility with reasons, the mixer list, sign-up. Withdrawing the
 * statement withdraws every live sign-up (places pass down).
 */
import { requireVerifiedMember, loadAccount } from '../common/auth'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import { maskName } from '../common/mask'
import type { RosterDoc } from '../common/member-docs'
import { SINGLE_STATEMENT, type Gender, type MixerCardDTO, type MixerProfileDTO, type MyProfileDTO, type SaveProfileRequest, type StatementDTO } from '../../types/matchmaking'
import type { Db } from '../common/db'
import { eligibility, barActive } from './eligibility.rules'
import type { MixerDoc, ProfileDoc } from './matchmaking.docs'
import { mixerDTO } from './matchmaking.dto'
import type { MemberDataRepository } from './member-data.repository'
import { genderPlaceId, type MixerRepository } from './mixer.repository'
import type { SignupService } from './signup.service'
import { ACTIVE, signupId, type SignupRepository } from './signup.repository'

export interface ProfileDeps {
  db: Db
  clock: Clock
  mixers: MixerRepository
  signups: SignupRepository
  data: MemberDataRepository
  signup: SignupService
}

const genderOf = (r: RosterDoc | null): Gender | null => (r?.gender === 'M' || r?.gender === 'F' ? r.gender : null)
const birthYearOf = (r: RosterDoc | null): number | null => (r && /^\d{4}/.test(r.birthDate) ? Number(r.birthDate.slice(0, 4)) : null)

export function createProfileService({ db, clock, mixers, signups, data, signup }: ProfileDeps) {
  async function roster(openid: string): Promise<RosterDoc | null> {
    try {
      return (await requireVerifiedMember(db, openid)).roster
    } catch {
      return null
    }
  }

  function profileOf(r: RosterDoc, p: ProfileDoc): MixerProfileDTO {
    return { nickname: p.nickname, sector: p.sector, intro: p.intro, gender: genderOf(r)!, birthYear: birthYearOf(r)! }
  }

  async function facts(openid: string) {
    const [r, p, s, b] = await Promise.all([roster(openid), data.profile(openid), data.statement(openid), data.bar(openid)])
    return { r, p, s, b, f: { roster: r, statement: s, bar: b, hasProfile: !!p } }
  }

  async function card(m: MixerDoc, openid: string, fx?: Awaited<ReturnType<typeof facts>>): Promise<MixerCardDTO> {
    const x = fx ?? (await facts(openid))
    const [places, mine] = await Promise.all([mixers.placeDocs(m._id), signups.get(signupId(m._id, openid))])
    const left = (g: Gender) => places.find((p) => p._id === genderPlaceId(m._id, g))?.left ?? 0
    const live = mine && !['pending', 'failed'].includes(mine.state) ? await signup.dto(mine, m) : null
    return { mixer: mixerDTO(m), left: { M: left('M'), F: left('F') }, eligibility: eligibility(m, x.f, clock()), signup: live }
  }

  return {
    card,
    async list(openid: string): Promise<MixerCardDTO[]> {
      const fx = await facts(openid)
      return Promise.all((await mixers.list()).map((m) => card(m, openid, fx)))
    },
    async mine(openid: string): Promise<MyProfileDTO> {
      const { r, p, s, b } = await facts(openid)
      return {
        profile: r && p && genderOf(r) && birthYearOf(r) ? profileOf(r, p) : null, rosterGender: genderOf(r), rosterBirthYear: birthYearOf(r),
        statement: s ? { version: s.version, signedAt: s.signedAt, withdrawnAt: s.withdrawnAt } : null,
        bar: b && barActive(b, clock()) ? { reason: b.reason, until: b.until, appeal: b.appeal } : null,
      }
    },
    async save(openid: string, i: SaveProfileRequest): Promise<MixerProfileDTO> {
      const r = await roster(openid)
      if (!r) fail('NOT_VERIFIED')
      if (!genderOf(r) || !birthYearOf(r)) fail('NOT_ELIGIBLE', undefined, '会员名册中缺少性别或出生日期，请联系所在工会')
      const doc: ProfileDoc = { _id: openid, nickname: i.nickname, sector: i.sector, intro: i.intro, updatedAt: clock() }
      await data.saveProfile(doc)
      return profileOf(r, doc)
    },
    async sign(openid: string, version: string): Promise<StatementDTO> {
      if (version !== SINGLE_STATEMENT.version) fail('STATEMENT_REQUIRED', 'version', '单身承诺已更新，请重新阅读后签署')
      if (!(await roster(openid))) fail('NOT_VERIFIED')
      const now = clock()
      await data.saveStatement({ _id: openid, version, text: SINGLE_STATEMENT.text, signedAt: now, withdrawnAt: null })
      return { version, signedAt: now, withdrawnAt: null }
    },
    async withdraw(openid: string): Promise<StatementDTO> {
      const s = await data.statement(openid)
      if (!s || s.withdrawnAt !== null) fail('NOT_FOUND')
      const now = clock()
      await data.saveStatement({ ...s, withdrawnAt: now })
      for (const d of await signups.ofMember(openid)) {
        const m = await mixers.get(d.mixerId)
        if (m && ACTIVE.includes(d.state) && !d.checkedInAt) await signup.cancel(openid, m, 'withdrawn')
      }
      return { version: s.version, signedAt: s.signedAt, withdrawnAt: now }
    },
    async signUp(openid: string, m: MixerDoc, requestId: string | undefined) {
      // Her own sign-up read beside the facts (no extra wait): a repeat is answered before any place or line number is touched.
      const [x, mine] = await Promise.all([facts(openid), signups.get(signupId(m._id, openid))])
      if (mine && !['failed', 'cancelled', 'withdrawn', 'pending'].includes(mine.state)) fail('ALREADY_SIGNED_UP')
      const el = eligibility(m, x.f, clock())
      if (!el.eligible) {
        if (barActive(x.b, clock())) fail('MIXER_BARRED', undefined, el.reasons.join('；'))
        fail('NOT_ELIGIBLE', undefined, el.reasons.join('；'))
      }
      const profile = profileOf(x.r!, x.p!)
      return signup.signUp(openid, m, { mixerId: m._id, openid, gender: profile.gender, profile, maskedName: maskName(x.r!.name) }, requestId)
    },
    isOfficer: async (openid: string) => (await loadAccount(db, openid)).roles.some((r) => r.role === 'officer'),
  }
}
