/**
 * Who may sign up for a mixer, with every unmet condition explained in Chinese
 * (the member sees all reasons at once, not one per attempt). Pure: the caller
 * brings the roster facts, the statement and any bar. The roster half (verified,
 * age on the mixer's day) is the kit's rule; this adds the mixer's own conditions.
 */
import { rosterReasons, type RosterFacts } from '../common/roster-eligibility.rules'
import { beijingDate } from '../common/time'
import { SINGLE_STATEMENT, type EligibilityDTO } from '~types/matchmaking'

export interface EligibilityFacts {
  /** Her roster record, or null when she has not verified. */
  roster: RosterFacts | null
  statement: { version: string; withdrawnAt: number | null } | null
  bar: { until: number; liftedAt: number | null } | null
  hasProfile: boolean
  /** Her profile text held by the content check (profile-review.service.ts); absent or null: not held. */
  held?: 'pending' | 'returned' | null
}

export interface MixerWindow {
  startsAt: number
  ageMin: number
  ageMax: number
  signupOpensAt: number
  signupClosesAt: number
  /** The owner's subtree, for a district's or grassroots union's mixer (issue 20). */
  within?: { unionId: string; name: string } | null
}

export function barActive(bar: EligibilityFacts['bar'], now: number): boolean {
  return !!bar && bar.liftedAt === null && bar.until > now
}

export function eligibility(m: MixerWindow, f: EligibilityFacts, now: number): EligibilityDTO {
  const reasons = rosterReasons(
    { gender: null, ageMin: m.ageMin, ageMax: m.ageMax, tagsAny: [], branches: [], within: m.within ?? null },
    f.roster,
    beijingDate(m.startsAt),
    '联谊活动',
  )
  // Attendees pick among the other group: a record without a gender cannot be placed.
  if (f.roster && f.roster.gender !== 'M' && f.roster.gender !== 'F') reasons.push('会员名册中缺少性别信息，请联系所在工会')
  if (!f.statement || f.statement.withdrawnAt !== null) reasons.push('请先签署单身承诺')
  else if (f.statement.version !== SINGLE_STATEMENT.version) reasons.push('单身承诺已更新，请重新阅读并签署')
  if (!f.hasProfile) reasons.push('请先填写交友资料')
  if (f.held === 'pending') reasons.push('交友资料审核中，审核通过后即可报名')
  if (f.held === 'returned') reasons.push('交友资料被退回，请按提示修改后重新保存')
  if (barActive(f.bar, now)) reasons.push(`您已被暂停参加联谊活动，至 ${beijingDate(f.bar!.until)} 止`)
  if (now < m.signupOpensAt) reasons.push(`报名将于 ${beijingDate(m.signupOpensAt)} 开始`)
  if (now >= m.signupClosesAt) reasons.push('报名已截止')
  return { eligible: reasons.length === 0, reasons }
}
