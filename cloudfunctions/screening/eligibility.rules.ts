/**
 * Who may book, and who has priority. Pure functions over plain data: the
 * reasons are what the woman reads on the programme page, so they are Chinese
 * and specific ("年龄不在 30–60 岁范围", "已参加本轮筛查").
 */
import type { EligibilityDTO, EligibilityRulesDTO, PriorityRulesDTO } from '~types/screening'
import { ageInRange, ageRangeText, rosterReasons } from '../common/roster-eligibility.rules'

export interface MemberFacts {
  verified: boolean
  gender: 'F' | 'M' | ''
  birthDate: string
  tags: string[]
  branch: string
  /** Her union's path in the tree: a programme for one union's members reads it (issue 20). */
  unionPath?: string[]
  /** Checked in at a session of this programme. */
  screenedInProgramme: boolean
  /** Last check-in at any screening programme, UTC ms; null: never here. */
  lastScreenedAt: number | null
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000

/** Every reason she cannot book, in the order she would fix them: the roster half (common), then her history here. */
export function ineligibilityReasons(rules: EligibilityRulesDTO, facts: MemberFacts, screeningDate: string): string[] {
  const reasons = rosterReasons(rules, facts.verified ? facts : null, screeningDate, '筛查')
  if (facts.verified && rules.notScreenedBefore && facts.screenedInProgramme) reasons.push('已参加本轮筛查')
  return reasons
}

function priorityOf(
  rules: PriorityRulesDTO | null,
  facts: MemberFacts,
  screeningDate: string,
  now: number,
): { priority: boolean; note: string | null } {
  if (!rules) return { priority: false, note: null }
  const ageOk = ageInRange(facts.birthDate, screeningDate, rules.ageMin, rules.ageMax)
  const years = rules.notScreenedWithinYears
  const recent = years !== null && facts.lastScreenedAt !== null && now - facts.lastScreenedAt < years * YEAR_MS
  const parts: string[] = []
  if (rules.ageMin !== null || rules.ageMax !== null) parts.push(ageRangeText(rules.ageMin, rules.ageMax))
  if (years !== null) parts.push(`${years} 年内未筛查`)
  const text = parts.join('且')
  return ageOk && !recent ? { priority: true, note: `优先人群（${text}）` } : { priority: false, note: `非优先人群（优先：${text}）` }
}

export function eligibilityOf(
  rules: EligibilityRulesDTO,
  priority: PriorityRulesDTO | null,
  facts: MemberFacts,
  screeningDate: string,
  now: number,
): EligibilityDTO {
  const reasons = ineligibilityReasons(rules, facts, screeningDate)
  const p = reasons.length === 0 ? priorityOf(priority, facts, screeningDate, now) : { priority: false, note: null }
  const attended = facts.verified && facts.screenedInProgramme
  const verdict = { eligible: reasons.length === 0, reasons, reason: reasons[0] ?? null, priority: p.priority, priorityNote: p.note }
  return attended ? { ...verdict, attended } : verdict
}
