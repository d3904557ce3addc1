/**
 * Who may claim from a campaign, and what the centre says about it. The roster
 * half (tags, branch, the owner's subtree) is the kit's rosterReasons; the
 * campaign's own reasons (window, limit, sold out, draw) follow.
 */
import type { CentreState } from '~types/vouchers'
import { rosterReasons, type RosterFacts } from '../common/roster-eligibility.rules'
import type { CampaignDoc } from './vouchers.docs'

/**
 * The sub-budget a member draws on: the one of the nearest union on her path (her unit's, else her
 * district's…), so a district may split its budget between its units and keep a share for the rest.
 * A legacy sub-budget (before the tree) names her grassroots union by `branch`. -1: none is hers.
 */
export function subBudgetIndex(c: Pick<CampaignDoc, 'subBudgets'>, facts: Pick<RosterFacts, 'branch' | 'unionPath'>): number {
  const subs = c.subBudgets ?? []
  const path = facts.unionPath ?? []
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const i = subs.findIndex((s) => s.unionId === path[depth])
    if (i >= 0) return i
  }
  return subs.findIndex((s) => !s.unionId && s.branch === facts.branch)
}

export function audienceReasons(c: CampaignDoc, facts: RosterFacts | null, today: string): string[] {
  const { tagsAny, branches, within } = c.audience
  const reasons = rosterReasons(
    { gender: null, ageMin: null, ageMax: null, tagsAny, branches, within: within ?? null },
    facts,
    today,
    '发放',
  )
  if (facts && c.subBudgets?.length && subBudgetIndex(c, facts) < 0 && !reasons.length) reasons.push('您所在的工会不在本次发放范围内')
  return reasons
}

export interface CentreFacts {
  now: number
  reasons: string[]
  held: number
  soldOut: boolean
  entry: 'none' | 'entered' | 'won' | 'lost'
}

/** The state a campaign card shows this member, and the sentence that explains it. */
export function centreState(c: CampaignDoc, f: CentreFacts): { state: CentreState; reason: string | null } {
  if (f.reasons.length) return { state: 'not_eligible', reason: f.reasons.join('；') }
  if (f.held >= c.perMember) return { state: 'claimed_max', reason: `您已领取 ${f.held} 张（每人限 ${c.perMember} 张）` }
  if (f.now >= c.claimEndsAt) return { state: 'closed', reason: '领取已结束' }
  if (c.mode === 'lottery') {
    if (f.entry === 'won') return f.soldOut ? { state: 'sold_out', reason: '已领完' } : { state: 'won', reason: '恭喜中签，请领取' }
    if (f.entry === 'lost') return { state: 'lost', reason: '很遗憾，未中签' }
    if (f.now < c.claimStartsAt) return { state: 'upcoming', reason: '抽签报名尚未开始' }
    if (c.draw) return { state: 'closed', reason: '已开奖，报名已截止' }
    if (f.entry === 'entered') return { state: 'entered', reason: '已报名，等待开奖' }
    return { state: 'enter_draw', reason: null }
  }
  if (f.now < c.claimStartsAt) return { state: 'upcoming', reason: '尚未开始领取' }
  if (f.soldOut) return { state: 'sold_out', reason: '已领完' }
  return { state: 'claimable', reason: null }
}
