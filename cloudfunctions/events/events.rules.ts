/**
 * Pure rules of fairs and activities: phases, sign-up, stamp cooldown, gift tier
 * qualification, check-in windows. No database here; services feed plain data in.
 */
import type { EventAudienceDTO, EventPhase, TierRuleDTO, ZoneDTO } from '~types/events'
import type { ErrorCode } from '~types/errors'
import { type RosterFacts, rosterReasons } from '../common/roster-eligibility.rules'

export interface Window {
  startsAt: number
  endsAt: number
}

export function phaseOf(w: Window, now: number): EventPhase {
  if (now < w.startsAt) return 'upcoming'
  return now < w.endsAt ? 'ongoing' : 'ended'
}

/** Why a verified member may not sign up (outside the owner's subtree), or null; the kit's wording. */
export function notForYou(within: EventAudienceDTO | null | undefined, facts: RosterFacts | null, onDate: string): string | null {
  if (!within || !facts) return null
  const open = { gender: null, ageMin: null, ageMax: null, tagsAny: [], branches: [] }
  return rosterReasons({ ...open, within }, facts, onDate, '活动')[0] ?? null
}

/** Sign-up closes at its own instant, or when the event ends. */
export function signUpOpen(rules: { closesAt: number | null }, w: Window, now: number): boolean {
  return now < (rules.closesAt ?? w.endsAt)
}

export function isFull(capacity: number | null, signedUp: number): boolean {
  return capacity !== null && signedUp >= capacity
}

/** The earliest instant the next stamp is allowed, or null when it is allowed now. */
export function nextStampAt(lastStampAt: number | null, cooldownSeconds: number, now: number): number | null {
  if (lastStampAt === null || cooldownSeconds <= 0) return null
  const next = lastStampAt + cooldownSeconds * 1000
  return next > now ? next : null
}

interface ZoneCount {
  zoneId: string
  name: string
  stamped: number
}

export function zoneCounts(zones: ZoneDTO[], stampZoneIds: string[]): ZoneCount[] {
  return zones.map((z) => ({ zoneId: z.id, name: z.name, stamped: stampZoneIds.filter((id) => id === z.id).length }))
}

/** What is still missing for a tier, in Chinese; '' when the member qualifies. */
export function missingForTier(rule: TierRuleDTO, counts: ZoneCount[]): string {
  const total = counts.reduce((n, z) => n + z.stamped, 0)
  const parts: string[] = []
  if (total < rule.minTotal) parts.push(`还差${rule.minTotal - total}枚`)
  if (rule.minPerZone > 0) {
    for (const z of counts) {
      if (z.stamped < rule.minPerZone) parts.push(`${z.name}还差${rule.minPerZone - z.stamped}枚`)
    }
  }
  return parts.join('；')
}

export function qualifies(rule: TierRuleDTO, counts: ZoneCount[]): boolean {
  return missingForTier(rule, counts) === ''
}

export function checkInWindowRefusal(w: { opensAt: number; closesAt: number }, now: number): ErrorCode | null {
  if (now < w.opensAt) return 'CHECKIN_NOT_OPEN'
  return now < w.closesAt ? null : 'CHECKIN_CLOSED'
}

/** Stamps-over-time buckets for the dashboard. */
export const BUCKET_MS = 15 * 60_000

export function bucketOf(at: number): number {
  return Math.floor(at / BUCKET_MS) * BUCKET_MS
}

/** Fills the gaps between the first and last non-empty bucket, so a chart shows quiet hours as zero. */
export function fillBuckets(counts: { bucketStart: number; stamps: number }[]): { bucketStart: number; stamps: number }[] {
  if (counts.length === 0) return []
  const byStart = new Map(counts.map((c) => [c.bucketStart, c.stamps]))
  const starts = counts.map((c) => c.bucketStart)
  const first = Math.min(...starts)
  const last = Math.max(...starts)
  // A day's worth at most keeps a stray timestamp from producing a huge series.
  const out: { bucketStart: number; stamps: number }[] = []
  for (let t = first; t <= last && out.length < 96 * 7; t += BUCKET_MS) out.push({ bucketStart: t, stamps: byStart.get(t) ?? 0 })
  return out
}

/** Codes carry `${eventId}.${openid}` (check-in) or `${tierId}.${openid}` (gift): ids never contain a dot. */
export function joinSubject(scopeId: string, openid: string): string {
  return `${scopeId}.${openid}`
}

export function splitSubject(subject: string): { scopeId: string; openid: string } | null {
  const dot = subject.indexOf('.')
  if (dot <= 0 || dot === subject.length - 1) return null
  return { scopeId: subject.slice(0, dot), openid: subject.slice(dot + 1) }
}
