/**
 * Who may sign up for a mixer, with every unmet condition explained in Chinese
 * (the member sees all reasons at once, not one per attempt). Pure: the caller
 * brings the roster facts, the statement and any bar.
 */
import { ageOn, beijingDate } from '../common/time'
import { SINGLE_STATEMENT, type EligibilityDTO, type Gender } from '../../types/matchmaking'

export interface EligibilityFacts {
  verified: boolean
  gender: Gender | null
  birthDate: string
  statement: { version: string; withdrawnAt: number | null } | null
  bar: { until: number; liftedAt: number | null } | null
  hasProfile: boolean
}

export interface MixerWindow {
  startsAt: number
  ageMin: number
  ageMax: number
  signupOpensAt: number
  signupClosesAt: number
}

export function barActive(bar: EligibilityFacts['bar'], now: number): boolean {
  return !!bar && bar.liftedAt === null && bar.until > now
}

export function eligibility(m: MixerWindow, f: EligibilityFacts, now: number): EligibilityDTO {
  const reasons: string[] = []
  if (!f.verified) reasons.push('请先完成会员认证')
  if (f.verified && !f.gender) reasons.push('会员名册中缺少性别信息，请联系所在工会')
  const age = ageOn(f.birthDate, beijingDate(m.startsAt))
  if (f.verified && age === null) reasons.push('会员名册中缺少出生日期，请联系所在工会')
  if (age !== null && (age < m.ageMin || age > m.ageMax)) reasons.push(`本场活动面向 ${m.ageMin}–${m.ageMax} 周岁的会员`)
  if (!f.statement || f.statement.withdrawnAt !== null) reasons.push('请先签署单身承诺')
  else if (f.statement.version !== SINGLE_STATEMENT.version) reasons.push('单身承诺已更新，请重新阅读并签署')
  if (!f.hasProfile) reasons.push('请先填写交友资料')
  if (barActive(f.bar, now)) reasons.push(`您已被暂停参加联谊活动，至 ${beijingDate(f.bar!.until)} 止`)
  if (now < m.signupOpensAt) reasons.push(`报名将于 ${beijingDate(m.signupOpensAt)} 开始`)
  if (now >= m.signupClosesAt) reasons.push('报名已截止')
  return { eligible: reasons.length === 0, reasons }
}
