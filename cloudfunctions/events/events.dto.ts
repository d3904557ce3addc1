/** Records → DTOs. Internal fields (holders, openids of others, staff ids) stay here. */
import type {
  BoothAdminDTO,
  BoothDTO,
  CheckpointDTO,
  EventDetailDTO,
  EventSummaryDTO,
  GiftTierDTO,
  MySignUpDTO,
  StampCardDTO,
} from '~types/events'
import { ownerDTO } from '../common/unions'
import type { StampRec } from './activity.repository'
import type { RedemptionRec } from './claims.repository'
import type { BoothRec, CheckpointRec, EventRec, TierRec } from './catalog.repository'
import { isFull, missingForTier, nextStampAt, phaseOf, zoneCounts } from './events.rules'

export const tierDTO = (t: TierRec): GiftTierDTO => ({
  id: t.id,
  eventId: t.eventId,
  name: t.name,
  gift: t.gift,
  rule: t.rule,
  stock: t.stock,
  left: t.left,
  redeemed: t.stock - t.left,
})
const boothDTO = (b: BoothRec): BoothDTO => ({
  id: b.id,
  eventId: b.eventId,
  zoneId: b.zoneId,
  name: b.name,
  exhibitor: b.exhibitor,
})
export const boothAdminDTO = (b: BoothRec): BoothAdminDTO => ({ ...boothDTO(b), codeVersion: b.codeVersion })
export const checkpointDTO = (c: CheckpointRec): CheckpointDTO => ({
  id: c.id,
  eventId: c.eventId,
  name: c.name,
  opensAt: c.opensAt,
  closesAt: c.closesAt,
  order: c.order,
})

export function summaryDTO(
  e: EventRec,
  now: number,
  mine: MySignUpDTO | null,
  boothCount: number,
  checkpointCount: number,
  notForYou: string | null = null,
): EventSummaryDTO {
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    ...ownerDTO(e),
    venue: e.venue,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    phase: phaseOf(e, now),
    signUp: e.signUp,
    signedUp: e.signedUp,
    full: isFull(e.signUp.capacity, e.signedUp),
    mySignUp: mine,
    boothCount,
    checkpointCount,
    within: e.within ?? null,
    notForYou,
  }
}

export function detailDTO(
  e: EventRec,
  now: number,
  mine: MySignUpDTO | null,
  booths: BoothRec[],
  tiers: TierRec[],
  cps: CheckpointRec[],
  notForYou: string | null = null,
): EventDetailDTO {
  return {
    ...summaryDTO(e, now, mine, booths.length, cps.length, notForYou),
    description: e.description,
    zones: e.zones,
    stampRules: e.stampRules,
    booths: booths.map(boothDTO),
    tiers: tiers.map(tierDTO),
    checkpoints: cps.map(checkpointDTO),
  }
}

export function cardDTO(
  e: EventRec,
  booths: BoothRec[],
  tiers: TierRec[],
  stamps: StampRec[],
  mine: RedemptionRec[],
  lastStampAt: number | null,
  now: number,
): StampCardDTO {
  const names = new Map(booths.map((b) => [b.id, b.name]))
  const counts = zoneCounts(
    e.zones,
    stamps.map((s) => s.zoneId),
  )
  return {
    eventId: e.id,
    eventTitle: e.title,
    total: stamps.length,
    boothCount: booths.length,
    zones: counts.map((z) => ({ ...z, boothCount: booths.filter((b) => b.zoneId === z.zoneId).length })),
    stamps: [...stamps]
      .sort((a, b) => b.stampedAt - a.stampedAt)
      .map((s) => ({ boothId: s.boothId, boothName: names.get(s.boothId) ?? s.boothId, zoneId: s.zoneId, stampedAt: s.stampedAt })),
    cooldownSeconds: e.stampRules.cooldownSeconds,
    nextStampAt: nextStampAt(lastStampAt || null, e.stampRules.cooldownSeconds, now),
    tiers: tiers.map((t) => {
      const missing = missingForTier(t.rule, counts)
      const r = mine.find((m) => m.tierId === t.id && m.state === 'confirmed')
      return { tier: tierDTO(t), qualified: missing === '', missing, redeemed: r ? { redeemedAt: r.redeemedAt ?? 0, desk: r.desk } : null }
    }),
  }
}
