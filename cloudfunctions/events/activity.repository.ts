/**
 * What members do at an event: stamps, stamp cards (cooldown), check-ins,
 * consumed codes and the scan log, plus reads of the gift and sign-up claims
 * (their writes go through the kit's ledger, claims.repository.ts). Every
 * `_id` is deterministic so a duplicate insert fails instead of counting twice.
 */
import type { Db } from '../common/db'
import { COLLECTIONS } from '../common/collections'
import { isDuplicate } from '../common/db-errors'
import { readAll } from '../common/paginate'
import type { RedemptionRec, SignUpRec } from './claims.repository'

export type { RedemptionRec, SignUpRec } from './claims.repository'
export { redemptionId, signUpId } from './claims.repository'

export interface StampRec {
  eventId: string; boothId: string; zoneId: string; openid: string; stampedAt: number
  /** The request that stamped it: its retry gets the same answer. */
  requestId?: string | null
}
export interface CheckInRec {
  id: string; eventId: string; checkpointId: string; openid: string; checkedInAt: number; via: 'staff' | 'self'; staff: string | null
  /** The request that checked her in: its retry gets 签到成功 again. */
  requestId?: string | null
}
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
  return (await readAll<Record<string, unknown>>(col(db, COLLECTIONS.eventStamps).where({ eventId, openid }))) as unknown as StampRec[]
}

export async function getCard(db: Db, eventId: string, openid: string): Promise<{ lastStampAt: number } | null> {
  return first(await col(db, COLLECTIONS.eventStampCards).doc(cardId(eventId, openid)).get())
}

/**
 * The cooldown decides in one conditional update: only one stamp per window wins. The same update
 * lists the booth on her card (`booths`), so the card a stamp answers with needs no read of her
 * stamps. Her first stamp at an event finds no card: it reads her stamps (any made by other means)
 * and writes the card listing them all (two more calls, once per member and event).
 */
export async function takeStampSlot(db: Db, eventId: string, openid: string, now: number, cooldownMs: number, booth: { id: string; zoneId: string }): Promise<CardRec | null> {
  const id = cardId(eventId, openid)
  const _ = db.command
  const listed = { zoneId: booth.zoneId, at: now }
  const res = await col(db, COLLECTIONS.eventStampCards).where({ _id: id, lastStampAt: _.lte(now - cooldownMs) }).updateAndReturn({ lastStampAt: now, [`booths.${booth.id}`]: _.set(listed) })
  if (res.updated === 1 && res.doc) return res.doc as CardRec
  const booths = Object.fromEntries((await stampsOf(db, eventId, openid)).map((s) => [s.boothId, { zoneId: s.zoneId, at: s.stampedAt }]))
  const fresh: CardRec = { eventId, openid, lastStampAt: now, gifts: {}, booths: { ...booths, [booth.id]: listed }, listsStamps: true }
  return (await insertOnce(db, COLLECTIONS.eventStampCards, id, { ...fresh })) ? fresh : null
}

/**
 * Her card also notes the gifts she was given (written when a desk confirms one), so the card
 * a stamp answers with needs no read of the redemptions.
 */
export interface CardRec {
  eventId: string
  openid: string
  lastStampAt: number
  gifts?: Record<string, { at: number; desk: string }>
  /**
   * Booths she has a stamp of, written with each cooldown slot (before the stamp itself, so after a
   * crash in between it may list one more; her next scan there writes it). Complete only when
   * `listsStamps` (cards written before the list existed, or by the seed, are read from her stamps).
   */
  booths?: Record<string, { zoneId: string; at: number }>
  listsStamps?: boolean
}

export async function noteGift(db: Db, eventId: string, openid: string, tierId: string, at: number, desk: string): Promise<void> {
  const id = cardId(eventId, openid)
  const note = () => col(db, COLLECTIONS.eventStampCards).where({ _id: id }).update({ [`gifts.${tierId}`]: db.command.set({ at, desk }) })
  if ((await note()).updated === 1) return
  // No card yet (stamps written by other means): one with this note; if one appeared meanwhile, note it there.
  if (!(await insertOnce(db, COLLECTIONS.eventStampCards, id, { eventId, openid, lastStampAt: 0, gifts: { [tierId]: { at, desk } } }))) await note()
}
/** Gives the slot back when the stamp turned out to be a duplicate (and lists the booth with its first stamp's time). */
export async function returnStampSlot(db: Db, eventId: string, openid: string, took: number, previous: number, first?: StampRec | null): Promise<void> {
  const listed = first ? { [`booths.${first.boothId}`]: db.command.set({ zoneId: first.zoneId, at: first.stampedAt }) } : {}
  await col(db, COLLECTIONS.eventStampCards).where({ _id: cardId(eventId, openid), lastStampAt: took }).update({ lastStampAt: previous, ...listed })
}

// ---------- gift redemptions (reads) ----------
export async function getRedemption(db: Db, id: string): Promise<RedemptionRec | null> {
  const d = first<Record<string, unknown>>(await col(db, COLLECTIONS.eventRedemptions).doc(id).get())
  return d ? withId<RedemptionRec>(d) : null
}
export async function redemptionsOf(db: Db, filter: Record<string, unknown>): Promise<RedemptionRec[]> {
  return (await readAll<Record<string, unknown>>(col(db, COLLECTIONS.eventRedemptions).where(filter))).map((d) => withId<RedemptionRec>(d as Record<string, unknown>))
}

// ---------- sign-ups ----------
export async function getSignUp(db: Db, eventId: string, openid: string): Promise<SignUpRec | null> {
  const d = first<Record<string, unknown>>(await col(db, COLLECTIONS.eventSignups).doc(`${eventId}:${openid}`).get())
  return d ? withId<SignUpRec>(d) : null
}
export async function signUpsOf(db: Db, filter: Record<string, unknown>): Promise<SignUpRec[]> {
  return (await readAll<Record<string, unknown>>(col(db, COLLECTIONS.eventSignups).where(filter))).map((d) => withId<SignUpRec>(d))
}

// ---------- check-ins ----------
export const checkInId = (checkpointId: string, openid: string) => `${checkpointId}:${openid}`
export async function getCheckIn(db: Db, checkpointId: string, openid: string): Promise<CheckInRec | null> {
  const d = first<Record<string, unknown>>(await col(db, COLLECTIONS.eventCheckins).doc(checkInId(checkpointId, openid)).get())
  return d ? withId<CheckInRec>(d) : null
}
export async function checkInsOf(db: Db, filter: Record<string, unknown>): Promise<CheckInRec[]> {
  return (await readAll<Record<string, unknown>>(col(db, COLLECTIONS.eventCheckins).where(filter))).map((d) => withId<CheckInRec>(d))
}
export async function countOf(db: Db, coll: string, filter: Record<string, unknown>): Promise<number> {
  return (await col(db, coll).where(filter).count()).total
}

// ---------- scan log (an accepted check-in's entry doubles as its code's replay guard) ----------
export async function scanById(db: Db, id: string): Promise<ScanRec | null> {
  return first<ScanRec>(await col(db, COLLECTIONS.eventScans).doc(id).get())
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
  const docs = await readAll<Record<string, unknown>>(col(db, COLLECTIONS.eventScans).where({ eventId, ok: false }).field({ code: true }))
  const m = new Map<string, number>()
  for (const d of docs) m.set(String(d.code), (m.get(String(d.code)) ?? 0) + 1)
  return [...m].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count)
}
