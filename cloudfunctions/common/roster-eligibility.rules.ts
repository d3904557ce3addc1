/**
 * The roster half of every audience rule (a screening programme, a voucher
 * campaign, a mixer): gender, age on a given day, tags, branch. Pure over plain
 * data; the reasons are what the member reads, so they are Chinese and specific.
 * A service adds its own history-based reasons (已参加本轮筛查, 已领取…) after these.
 */
import { ageOn } from './time'

export interface RosterAudience {
  gender: 'F' | 'M' | null
  ageMin: number | null
  ageMax: number | null
  /** Any one of these tags qualifies; empty: no tag needed. */
  tagsAny: string[]
  /** Only these branches; empty: every branch. */
  branches: string[]
  /**
   * Only members of this union's subtree: the owner's, by default, for anything a district or grassroots
   * union runs (issue 20); null or absent for the city's (every member).
   */
  within?: { unionId: string; name: string } | null
}

/** What the rules read about a member: her roster record, or null when she has not verified. */
export interface RosterFacts {
  gender: 'F' | 'M' | ''
  birthDate: string
  tags: string[]
  branch: string
  /** Her union's path in the tree (unions.ts); absent on a record imported before the tree. */
  unionPath?: string[]
}

export function ageRangeText(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `${min}–${max} 岁`
  if (min !== null) return `${min} 岁及以上`
  return `${max} 岁及以下`
}

export function ageInRange(birthDate: string, onDate: string, min: number | null, max: number | null): boolean {
  if (min === null && max === null) return true
  const age = ageOn(birthDate, onDate)
  if (age === null) return false
  return (min === null || age >= min) && (max === null || age <= max)
}

/** Every roster reason she is outside the audience, in the order she would read them; [] when inside. */
/** `scope` names the thing in the branch reason: 您所在的工会不在本次{scope}范围内. */
export function rosterReasons(rules: RosterAudience, facts: RosterFacts | null, onDate: string, scope = '活动'): string[] {
  if (!facts) return ['请先完成会员认证']
  const reasons: string[] = []
  if (rules.gender === 'F' && facts.gender !== 'F') reasons.push('仅限女职工参加')
  if (rules.gender === 'M' && facts.gender !== 'M') reasons.push('仅限男职工参加')
  if (!ageInRange(facts.birthDate, onDate, rules.ageMin, rules.ageMax))
    reasons.push(`年龄不在 ${ageRangeText(rules.ageMin, rules.ageMax)}范围`)
  if (rules.tagsAny.length > 0 && !rules.tagsAny.some((t) => facts.tags.includes(t)))
    reasons.push(`仅限${rules.tagsAny.join('、')}会员参加`)
  if (rules.within && !(facts.unionPath ?? []).includes(rules.within.unionId))
    reasons.push(`本次${scope}仅限${rules.within.name}所属会员，您所在的${facts.branch || '工会'}不在其中`)
  else if (rules.branches.length > 0 && !rules.branches.includes(facts.branch)) reasons.push(`您所在的工会不在本次${scope}范围内`)
  return reasons
}
