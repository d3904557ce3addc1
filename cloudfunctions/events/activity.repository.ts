/**
 * What members do at an event: sign-ups, stamps, stamp cards (cooldown), gift
 * redemptions (ledger), check-ins, consumed codes and the scan log. The only code
 * touching those collections. Every ledger `_id` is deterministic so a duplicate
 * insert fails instead of counting twice.
 */
import type { Db } from '../common/db'
import { COLLECTIONS } from '../common/collections'
import { allPages } from './catalog.repository'
import { isDuplicate } from './events.errors'

export interface StampRec { eventId: string; boothId: string; zoneId: string; openid: string; stampedAt: number }
export interface RedemptionRec {
  id: string; eventId: string; tierId: string; openid: string
  state: 'pending' | 'confirmed'; pendingAt: number; redeemedAt: number | null; desk: string; staff: string
}
export interface CheckInRec { id: string; eventId: string; checkpointId: string; openid: string; checkedInAt: number; via: 'staff' | 'self'; staff: string | null }
export interface SignUpRec { id: string; eventId: string; openid: string; state: 'pending' | 'confirmed'; pendingAt: number; signedUpAt: number | null }
export interface ScanRec {
  eventId: string | null; at: number; kind: string; ok: boolean; code: string | null; openid: string | null
  member: string; staff: string | null; boothId: string | null; checkpointId: string | null; tierId: string | null; desk: string | null
}

const col = (db: Db, name: string) => db.collection(name)
const first = <T>(res: { data: unknown }): T | null => ((res.data as T[])[0] ?? null)
const withId = <T>(d: Record<string, unknown>): T => ({ ...d, id: d._id }) as T

/** Inserts a ledger document; false when one with that `_id` is already there. */
export async function insertOnce(db: Db, coll: string, id: string, doc: Record<string, unknown>): Promise<boolean> {
  try {
    await col(db, coll).add({ _id: id, ...doc })
    return true
  } catch (e) {
    if (isDuplicate(e)) return false
    throw e
  }
}

// ---------- stamps ----------
export const stampId = (eventId: string, boothId: string, openid: string) => `${eventId}:${boothId}:${openid}`
export const cardId = (eventId: string, openid: string) => `${eventId}:${openid}`

export async function getStamp(db: Db, id: string): Promise<StampRec | null> {
  return first<StampRec>(await col(db, COLLECTIONS.eventStamps).doc(id).get())
}
export const insertStamp = (db: Db, s: StampRec) =>
  insertOnce(db, COLLECTIONS.eventStamps, stampId(s.eventId, s.boothId, s.openid), { ...s })

export async function stampsOf(db: Db, eventId: string, openid: string): Promise<StampRec[]> {
  return (await allPages(col(db, COLLECTIONS.eventStamps).where({ eventId, openid }))) as unknown as StampRec[]
}
export async function stampsOfEvent(db: Db, eventId: string): Promise<StampRec[]> {
  return (await allPages(col(db, COLLECTIONS.eventStamps).where({ eventId }).field({ boothId: true, zoneId: true, stampedAt: true, openid: true }))) as unknown as StampRec[]
}

export async function getCard(db: Db, eventId: string, openid: string): Promise<{ lastStampAt: number } | null> {
  return first(await col(db, COLLECTIONS.eventStampCards).doc(cardId(eventId, openid)).get())
}

/** The cooldown decides in one conditional update: only one stamp per window wins. */
export async function takeStampSlot(db: Db, eventId: string, openid: string, now: number, cooldownMs: number): Promise<boolean> {
  const id = cardId(eventId, openid)
  await insertOnce(db, COLLECTIONS.eventStampCards, id, { eventId, openid, lastStampAt: 0 })
  const _ = db.command
  const res = await col(db, COLLECTIONS.eventStampCards).where({ _id: id, lastStampAt: _.lte(now - cooldownMs) }).update({ lastStampAt: now })
  return res.updated === 1
}
/** Gives the slot back when the stamp turned out to be a duplicate. */
export async function returnStampSlot(db: Db, eventId: string, openid: string, took: number, previous: number): Promise<void> {
  await col(db, COLLECTIONS.eventStampCards).where({ _id: cardId(eventId, openid), lastStampAt: took }).update({ lastStampAt: previous })
}

// ---------- gift redemptions ----------
export const redemptionId = (tierId: string, openid: string) => `${tierId}:${openid}`

export async function getRedemption(db: Db, id: string): Promise<RedemptionRec | null> {
  const d = first<Record<string, unknown>>(await col(db, COLLECTIONS.eventRedemptions).doc(id).get())
  return d ? withId<RedemptionRec>(d) : null
}
export async function redemptionsOf(db: Db, filter: Record<string, unknown>): Promise<RedemptionRec[]> {
  return (await allPages(col(db, COLLECTIONS.eventRedemptions).where(filter))).map((d) => withId<RedemptionRec>(d))
}
/** Takes over a stale pending claim (its call died) by moving its pendingAt: CAS on the old value. */
export async function retakePending(db: Db, r: RedemptionRec, now: number, desk: string, staff: string): Promise<boolean> {
  const res = await col(db, COLLECTIONS.eventRedemptions).where({ _id: r.id, state: 'pending', pendingAt: r.pendingAt }).update({ pendingAt: now, desk, staff })
  return res.updated === 1
}
export async function confirmRedemption(db: Db, id: string, pendingAt: number, now: number): Promise<boolean> {
  const res = await col(db, COLLECTIONS.eventRedemptions).where({ _id: id, state: 'pending', pendingAt }).update({ state: 'confirmed', redeemedAt: now })
  return res.updated === 1
}
/** Conditional on the claim being unchanged: exactly one of a retake and a drop can win. */
export async function dropPending(db: Db, coll: string, id: string, pendingAt: number): Promise<boolean> {
  const res = await col(db, coll).where({ _id: id, state: 'pending', pendingAt }).remove()
  return res.deleted === 1
}

/**
 * The bounded resource: one conditional update takes a unit and notes which claim
 * holds it, so a sweeper can tell a taken unit from one never taken.
 */
export async function takeUnit(db: Db, coll: string, id: string, field: 'left' | 'seatsLeft', holder: string, extra: Record<string, unknown> = {}): Promise<boolean> {
  const _ = db.command
  const res = await col(db, coll).where({ _id: id, [field]: _.gt(0) }).update({ [field]: _.inc(-1), holders: _.push(holder), ...extra })
  return res.updated === 1
}
export async function releaseHolder(db: Db, coll: string, id: string, holder: string): Promise<void> {
  await col(db, coll).where({ _id: id, holders: holder }).update({ holders: db.command.pull(holder) })
}
/** Returns a unit held by a dead claim: only if the claim is still listed as holder. */
export async function returnUnit(db: Db, coll: string, id: string, field: 'left' | 'seatsLeft' | null, holder: string, extra: Record<string, unknown> = {}): Promise<boolean> {
  const _ = db.command
  const res = await col(db, coll).where({ _id: id, holders: holder }).update({ ...(field ? { [field]: _.inc(1) } : {}), holders: _.pull(holder), ...extra })
  return res.updated === 1
}
export async function holdersOf(db: Db, coll: string, id: string): Promise<string[]> {
  const d = first<{ holders?: string[] }>(await col(db, coll).doc(id).field({ holders: true }).get())
  return d?.holders ?? []
}
export async function isHolder(db: Db, coll: string, id: string, holder: string): Promise<boolean> {
  const res = await col(db, coll).where({ _id: id, holders: holder }).count()
  return res.total > 0
}

// ---------- sign-ups ----------
export const signUpId = (eventId: string, openid: string) => `${eventId}:${openid}`
export async function getSignUp(db: Db, eventId: string, openid: string): Promise<SignUpRec | null> {
  const d = first<Record<string, unknown>>(await col(db, COLLECTIONS.eventSignups).doc(signUpId(eventId, openid)).get())
  return d ? withId<SignUpRec>(d) : null
}
export async function signUpsOf(db: Db, filter: Record<string, unknown>): Promise<SignUpRec[]> {
  return (await allPages(col(db, COLLECTIONS.eventSignups).where(filter))).map((d) => withId<SignUpRec>(d))
}
export async function confirmSignUp(db: Db, id: string, pendingAt: number, now: number): Promise<boolean> {
  const res = await col(db, COLLECTIONS.eventSignups).where({ _id: id, state: 'pending', pendingAt }).update({ state: 'confirmed', signedUpAt: now })
  return res.updated === 1
}

// ---------- check-ins ----------
export const checkInId = (checkpointId: string, openid: string) => `${checkpointId}:${openid}`
export async function getCheckIn(db: Db, checkpointId: string, openid: string): Promise<CheckInRec | null> {
  const d = first<Record<string, unknown>>(await col(db, COLLECTIONS.eventCheckins).doc(checkInId(checkpointId, openid)).get())
  return d ? withId<CheckInRec>(d) : null
}
export async function checkInsOf(db: Db, filter: Record<string, unknown>): Promise<CheckInRec[]> {
  return (await allPages(col(db, COLLECTIONS.eventCheckins).where(filter))).map((d) => withId<CheckInRec>(d))
}
export async function countOf(db: Db, coll: string, filter: Record<string, unknown>): Promise<number> {
  return (await col(db, coll).where(filter).count()).total
}

// ---------- consumed codes & scan log ----------
/** Marks a rotating code's nonce as used for `usedFor`; answers what it was first used for. */
export async function useCode(db: Db, purpose: string, nonce: string, subject: string, usedFor: string, now: number): Promise<string> {
  const id = `${purpose}:${subject}:${nonce}`
  if (await insertOnce(db, COLLECTIONS.eventUsedCodes, id, { usedFor, at: now })) return usedFor
  const d = first<{ usedFor: string }>(await col(db, COLLECTIONS.eventUsedCodes).doc(id).get())
  return d?.usedFor ?? usedFor
}

export async function logScan(db: Db, scan: ScanRec): Promise<void> {
  await col(db, COLLECTIONS.eventScans).add({ ...scan })
}
export async function scansOf(db: Db, eventId: string, refusedOnly: boolean, before: number | undefined, limit: number) {
  const _ = db.command
  const where: Record<string, unknown> = { eventId }
  if (refusedOnly) where.ok = false
  if (before !== undefined) where.at = _.lt(before)
  const res = await col(db, COLLECTIONS.eventScans).where(where).orderBy('at', 'desc').limit(limit).get()
  return (res.data as Record<string, unknown>[]).map((d) => withId<ScanRec & { id: string }>(d))
}
export async function refusalsOf(db: Db, eventId: string): Promise<{ code: string; count: number }[]> {
  const docs = await allPages(col(db, COLLECTIONS.eventScans).where({ eventId, ok: false }).field({ code: true }))
  const m = new Map<string, number>()
  for (const d of docs) m.set(String(d.code), (m.get(String(d.code)) ?? 0) + 1)
  return [...m].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count)
}
