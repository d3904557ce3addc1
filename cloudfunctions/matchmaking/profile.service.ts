/**
 * The member's side before the venue: profile (made for mixers only), single
 * statement, eligibility with reasons, the mixer list, sign-up. Withdrawing the
 * statement withdraws every live sign-up (places pass down).
 */
import { randomBytes } from 'node:crypto'
import type { CallerAccount } from '../common/auth'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import { maskName } from '../common/mask'
import type { RosterDoc } from '../common/member-docs'
import type { RosterLookup } from '../common/roster-lookup'
import {
  SINGLE_STATEMENT,
  type Gender,
  type MixerCardDTO,
  type MixerProfileDTO,
  type MyProfileDTO,
  type ProfileHoldDTO,
  type SaveProfileRequest,
  type StatementDTO,
} from '~types/matchmaking'
import { eligibility, barActive } from './eligibility.rules'
import type { MixerDoc, ProfileDoc, ProfileHold, StatementDoc } from './matchmaking.docs'
import { mixerDTO } from './matchmaking.dto'
import type { MemberDataRepository } from './member-data.repository'
import { genderPlaceId, type MixerRepository } from './mixer.repository'
import type { TextCheck } from './profile-text.service'
import type { SignupService } from './signup.service'
import { ACTIVE, signupId, type SignupRepository } from './signup.repository'

export interface ProfileDeps {
  clock: Clock
  rosters: RosterLookup
  mixers: MixerRepository
  signups: SignupRepository
  data: MemberDataRepository
  signup: SignupService
  check: TextCheck
}

const genderOf = (r: RosterDoc | null): Gender | null => (r?.gender === 'M' || r?.gender === 'F' ? r.gender : null)
const birthYearOf = (r: RosterDoc | null): number | null => (r && /^\d{4}/.test(r.birthDate) ? Number(r.birthDate.slice(0, 4)) : null)
const statementDTO = (s: StatementDoc): StatementDTO => ({ version: s.version, signedAt: s.signedAt, withdrawnAt: s.withdrawnAt })
/** Held: waiting for an officer or returned to her; an approved text is shown as any other. */
type Held = ProfileHold & { state: ProfileHoldDTO['state'] }
const heldOf = (p: ProfileDoc | null): Held | null => (p?.hold && p.hold.state !== 'approved' ? (p.hold as Held) : null)
const holdDTO = (h: Held | null): ProfileHoldDTO | null => (h ? { state: h.state, reason: h.reason, at: h.at } : null)

export function createProfileService({ clock, rosters, mixers, signups, data, signup, check }: ProfileDeps) {
  /** Her roster record when she is verified (both sides of the binding agree): what the list shows reasons from. */
  async function rosterOf(account: CallerAccount): Promise<RosterDoc | null> {
    if (!account.user?.verifiedAt || !account.user.rosterId) return null
    const r = await rosters.one(account.openid)
    return r && r._id === account.user.rosterId ? r : null
  }

  function profileOf(r: RosterDoc, p: ProfileDoc): MixerProfileDTO {
    return { nickname: p.nickname, sector: p.sector, intro: p.intro, gender: genderOf(r)!, birthYear: birthYearOf(r)! }
  }

  async function facts(openid: string, roster: RosterDoc | null | Promise<RosterDoc | null>) {
    const [r, p, s, b] = await Promise.all([roster, data.profile(openid), data.statement(openid), data.bar(openid)])
    return { r, p, s, b, f: { roster: r, statement: s, bar: b, hasProfile: !!p, held: heldOf(p)?.state ?? null } }
  }
  type Facts = Awaited<ReturnType<typeof facts>>

  async function cardOf(m: MixerDoc, openid: string, x: Facts): Promise<MixerCardDTO> {
    const [places, mine] = await Promise.all([mixers.placeDocs(m._id), signups.get(signupId(m._id, openid))])
    const left = (g: Gender) => places.find((p) => p._id === genderPlaceId(m._id, g))?.left ?? 0
    const live = mine && !['pending', 'failed'].includes(mine.state) ? await signup.dto(mine, m) : null
    return { mixer: mixerDTO(m), left: { M: left('M'), F: left('F') }, eligibility: eligibility(m, x.f, clock()), signup: live }
  }

  /**
   * What WeChat's check makes of her text (profile-text.service.ts: risky and unreachable refuse here).
   * Text unchanged since the last save keeps its standing (an approved text is not sent back to review
   * because she changed her sector) and costs no call.
   */
  async function holdFor(openid: string, r: RosterDoc, i: SaveProfileRequest): Promise<ProfileHold | null> {
    const old = await data.profile(openid)
    if (old && old.nickname === i.nickname && old.intro === i.intro) return old.hold ?? null
    const texts = [
      { field: 'nickname' as const, label: '昵称', text: i.nickname },
      { field: 'intro' as const, label: '自我介绍', text: i.intro },
    ]
    const { review, label } = await check(openid, 1, texts)
    if (review.length === 0) return null
    const ref = randomBytes(12).toString('base64url')
    return { ref, state: 'pending', fields: review, label, maskedName: maskName(r.name), reason: null, at: clock() }
  }

  /** The live sign-ups a withdrawn statement withdraws (not those checked in: the evening is under way). */
  async function withdrawSignups(openid: string): Promise<void> {
    for (const d of await signups.ofMember(openid)) {
      const m = await mixers.get(d.mixerId)
      if (m && ACTIVE.includes(d.state) && !d.checkedInAt) await signup.cancel(openid, m, 'withdrawn', null)
    }
  }

  return {
    card: async (m: MixerDoc, account: CallerAccount) => cardOf(m, account.openid, await facts(account.openid, rosterOf(account))),
    async list(account: CallerAccount): Promise<MixerCardDTO[]> {
      const fx = await facts(account.openid, rosterOf(account))
      return Promise.all((await mixers.list()).map((m) => cardOf(m, account.openid, fx)))
    },
    async mine(account: CallerAccount): Promise<MyProfileDTO> {
      const { r, p, s, b } = await facts(account.openid, rosterOf(account))
      return {
        profile: r && p && genderOf(r) && birthYearOf(r) ? profileOf(r, p) : null,
        rosterGender: genderOf(r),
        rosterBirthYear: birthYearOf(r),
        statement: s ? statementDTO(s) : null,
        bar: b && barActive(b, clock()) ? { reason: b.reason, until: b.until, appeal: b.appeal } : null,
        hold: holdDTO(heldOf(p)),
      }
    },
    async save(openid: string, r: RosterDoc, i: SaveProfileRequest): Promise<MixerProfileDTO> {
      if (!genderOf(r) || !birthYearOf(r)) fail('NOT_ELIGIBLE', undefined, '会员名册中缺少性别或出生日期，请联系所在工会')
      const doc: ProfileDoc = { _id: openid, nickname: i.nickname, sector: i.sector, intro: i.intro, updatedAt: clock() }
      await data.saveProfile({ ...doc, hold: await holdFor(openid, r, i) })
      return profileOf(r, doc)
    },
    async sign(openid: string, version: string): Promise<StatementDTO> {
      if (version !== SINGLE_STATEMENT.version) fail('STATEMENT_REQUIRED', 'version', '单身承诺已更新，请重新阅读后签署')
      const now = clock()
      await data.saveStatement({ _id: openid, version, text: SINGLE_STATEMENT.text, signedAt: now, withdrawnAt: null })
      return { version, signedAt: now, withdrawnAt: null }
    },
    /** Her standing statement of this version (a same-id retry of `sign` answers it). */
    async signed(openid: string, version: string): Promise<StatementDTO | null> {
      const s = await data.statement(openid)
      return s && s.version === version && s.withdrawnAt === null ? statementDTO(s) : null
    },
    async withdraw(openid: string): Promise<StatementDTO> {
      const s = await data.statement(openid)
      if (!s || s.withdrawnAt !== null) fail('NOT_FOUND')
      const now = clock()
      if (!(await data.withdrawStatement(openid, now))) fail('NOT_FOUND')
      await withdrawSignups(openid)
      return statementDTO({ ...s, withdrawnAt: now })
    },
    /** A same-id retry of `withdraw` after the statement went: finish withdrawing the sign-ups, answer the first outcome. */
    async withdrawn(openid: string): Promise<StatementDTO | null> {
      const s = await data.statement(openid)
      if (!s || s.withdrawnAt === null) return null
      await withdrawSignups(openid)
      return statementDTO(s)
    },
    async signUp(openid: string, r: RosterDoc, m: MixerDoc, requestId: string | undefined) {
      // Her own sign-up read beside the facts (no extra wait): a repeat is answered before any place or line number is touched.
      const [x, mine] = await Promise.all([facts(openid, r), signups.get(signupId(m._id, openid))])
      if (mine && !['failed', 'cancelled', 'withdrawn', 'pending'].includes(mine.state)) fail('ALREADY_SIGNED_UP')
      const el = eligibility(m, x.f, clock())
      if (!el.eligible) {
        if (barActive(x.b, clock())) fail('MIXER_BARRED', undefined, el.reasons.join('；'))
        fail('NOT_ELIGIBLE', undefined, el.reasons.join('；'))
      }
      const profile = profileOf(r, x.p!)
      return signup.signUp(m, { mixerId: m._id, openid, gender: profile.gender, profile, maskedName: maskName(r.name) }, requestId)
    },
  }
}
