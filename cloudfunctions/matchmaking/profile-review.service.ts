/**
 * The officers' 资料审核 queue: profile texts WeChat's check asked a person to review. While held,
 * she cannot sign up for a mixer, and a sign-up is the only way her text reaches another member
 * (the directory, matches and the check-in desk all show the profile her sign-up carries), so a
 * held text is shown to nobody but the officers. 通过 lets her sign up; 退回 tells her (on her
 * profile page) what to change. Each decision is audited.
 */
import type { AuditLog } from '../common/audit'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import type { DecideProfileTextRequest, ProfileTextDTO } from '~types/matchmaking'
import type { ProfileDoc } from './matchmaking.docs'
import type { ProfileTextRepository } from './profile-text.repository'

export interface ProfileReviewDeps {
  clock: Clock
  audit: AuditLog
  texts: ProfileTextRepository
}

/** Whitelisted: her openid never leaves; the queue names her by the masked roster name. */
function textDTO(p: ProfileDoc): ProfileTextDTO {
  const h = p.hold!
  return {
    ref: h.ref,
    maskedName: h.maskedName,
    nickname: p.nickname,
    sector: p.sector,
    intro: p.intro,
    fields: h.fields,
    state: h.state,
    reason: h.reason,
    at: h.at,
  }
}

export function createProfileReviewService({ clock, audit, texts }: ProfileReviewDeps) {
  return {
    /** `mine(openid)`: whether the member is of her subtree (issue 20: her union reviews her text). */
    async queue(mine: (openid: string) => Promise<boolean>): Promise<ProfileTextDTO[]> {
      const held = await texts.pending()
      const keep = await Promise.all(held.map((p) => mine(p._id)))
      return held.filter((_p, i) => keep[i]).map(textDTO)
    },
    async decide(officer: string, i: DecideProfileTextRequest): Promise<ProfileTextDTO> {
      if (!i.approve && !i.reason?.trim()) fail('INVALID_ARGUMENT', 'reason', '退回时请写明需要修改的地方')
      const p = await texts.byRef(i.ref)
      if (!p?.hold) fail('NOT_FOUND', 'ref')
      const patch = { state: i.approve ? ('approved' as const) : ('returned' as const), reason: i.approve ? null : i.reason!.trim() }
      if (!(await texts.decide(p._id, i.ref, patch, clock()))) fail('CONFLICT', undefined, '该资料已处理或已被本人修改，请刷新')
      const why = patch.reason ? { reason: patch.reason } : {}
      await audit.record({ actor: officer, action: 'matchmaking.profileText', target: i.ref, outcome: patch.state, ...why })
      return textDTO({ ...p, hold: { ...p.hold, ...patch } })
    },
    /** The decision a same-id `decide` made (the hold keeps its state and ref until she saves again). */
    async decided(i: DecideProfileTextRequest): Promise<ProfileTextDTO | null> {
      const p = await texts.byRef(i.ref)
      return p?.hold?.state === (i.approve ? 'approved' : 'returned') ? textDTO(p) : null
    },
  }
}

export type ProfileReviewService = ReturnType<typeof createProfileReviewService>
