/**
 * Events and their parts (booths, gift tiers, checkpoints): the only code that
 * reads or writes those collections. Documents are mapped to plain records here.
 */
import type { Db } from '../common/db'
import { COLLECTIONS } from '../common/collections'
import { isDuplicate } from '../common/db-errors'
import { cached, forget } from '../common/instance-cache'
import { readAll } from '../common/paginate'
import type { EventKind, SignUpRulesDTO, StampRulesDTO, TierRuleDTO, VenueDTO, ZoneDTO } from '../../types/events'

export interface EventRec {
  id: string
  kind: EventKind
  title: string
  description: string
  organiser: string
  venue: VenueDTO
  startsAt: number
  endsAt: number
  zones: ZoneDTO[]
  signUp: SignUpRulesDTO
  stampRules: StampRulesDTO
  /** Seats held or confirmed (bounded by seatsLeft when there is a capacity). */
  signedUp: number
  seatsLeft: number | null
}

export interface BoothRec {
  id: string
  eventId: string
  zoneId: string
  name: string
  exhibitor: string
  codeVersion: number
  order: number
}

export interface TierRec {
  id: string
  eventId: string
  name: string
  gift: string
  rule: TierRuleDTO
  stock: number
  left: number
  order: number
}

export interface CheckpointRec {
  id: string
  eventId: string
  name: string
  opensAt: number
  closesAt: number
  order: number
  /** Check-ins here so far: the counter kept beside the checkpoint (station screens read it). */
  checkedIn?: number
}

/** Internal fields (holders of in-flight claims) never leave the repository. */
function strip<T>(doc: Record<string, unknown>): T {
  const { _id, holders: _h, createdAt: _c, updatedAt: _u, ...rest } = doc
  return { id: _id, ...rest } as T
}

async function one<T>(db: Db, coll: string, id: string): Promise<T | null> {
  const res = await db.collection(coll).doc(id).field({ holders: false }).get()
  const doc = (res.data as Record<string, unknown>[])[0]
  return doc ? strip<T>(doc) : null
}

async function byEvent<T extends { order: number }>(db: Db, coll: string, eventId: string): Promise<T[]> {
  const docs = await readAll<Record<string, unknown>>(db.collection(coll).where({ eventId }).field({ holders: false }))
  return docs.map((d) => strip<T>(d)).sort((a, b) => a.order - b.order)
}

/**
 * An event's settings, a booth and a checkpoint change only by an officer's edit (which drops them
 * here at once): kept in the instance a few seconds for the hot path (stamps, check-ins). An event's
 * seat count and a tier's stock change with every claim: read afresh (`getEvent(db, id, true)`).
 */
export const getEvent = (db: Db, id: string, fresh = false) =>
  fresh ? one<EventRec>(db, COLLECTIONS.events, id) : cached(db, `ev:${id}`, () => one<EventRec>(db, COLLECTIONS.events, id))
export const getBooth = (db: Db, id: string) => cached(db, `eb:${id}`, () => one<BoothRec>(db, COLLECTIONS.eventBooths, id))
export const getTier = (db: Db, id: string) => one<TierRec>(db, COLLECTIONS.eventTiers, id)
export const getCheckpoint = (db: Db, id: string) => cached(db, `ec:${id}`, () => one<CheckpointRec>(db, COLLECTIONS.eventCheckpoints, id))

export const boothsOf = (db: Db, eventId: string) => byEvent<BoothRec>(db, COLLECTIONS.eventBooths, eventId)
export const tiersOf = (db: Db, eventId: string) => byEvent<TierRec>(db, COLLECTIONS.eventTiers, eventId)
export const checkpointsOf = (db: Db, eventId: string) => byEvent<CheckpointRec>(db, COLLECTIONS.eventCheckpoints, eventId)

export async function allEvents(db: Db): Promise<EventRec[]> {
  const docs = await readAll<Record<string, unknown>>(db.collection(COLLECTIONS.events).where({}).field({ holders: false }))
  return docs.map((d) => strip<EventRec>(d)).sort((a, b) => a.startsAt - b.startsAt)
}

export async function insertEvent(db: Db, rec: EventRec, now: number): Promise<void> {
  const { id, ...rest } = rec
  await db.collection(COLLECTIONS.events).add({ _id: id, ...rest, holders: {}, createdAt: now, updatedAt: now })
}

/**
 * Updates an event's settings. Seats are adjusted in the same single-document
 * update, guarded by the capacity and count it was computed from (CAS).
 */
export async function updateEvent(
  db: Db,
  before: EventRec,
  fields: Omit<EventRec, 'id' | 'signedUp' | 'seatsLeft'>,
  now: number,
): Promise<boolean> {
  const _ = db.command
  const capacity = fields.signUp.capacity
  const seatsLeft = capacity === null ? null : capacity - before.signedUp
  const res = await db
    .collection(COLLECTIONS.events)
    .where({ _id: before.id, signedUp: before.signedUp, 'signUp.capacity': before.signUp.capacity === null ? _.eq(null) : before.signUp.capacity })
    .update({ ...fields, seatsLeft, updatedAt: now })
  forget(db, `ev:${before.id}`)
  return res.updated === 1
}

export async function putBooth(db: Db, rec: BoothRec, now: number): Promise<void> {
  const { id, ...rest } = rec
  await db.collection(COLLECTIONS.eventBooths).doc(id).set({ ...rest, updatedAt: now })
  forget(db, `eb:${id}`)
  forget(db, `ebs:${rec.eventId}`)
}

export async function putCheckpoint(db: Db, rec: CheckpointRec, now: number): Promise<void> {
  const { id, ...rest } = rec
  // An edit keeps the counter: set() would replace the document, so the fields are updated in place (or inserted).
  const coll = db.collection(COLLECTIONS.eventCheckpoints)
  const r = await coll.where({ _id: id }).update({ ...rest, updatedAt: now })
  if (r.updated === 0) {
    await coll.add({ _id: id, ...rest, checkedIn: 0, updatedAt: now }).catch((e: unknown) => {
      if (!isDuplicate(e)) throw e
    })
  }
  forget(db, `ec:${id}`)
  forget(db, `ecs:${rec.eventId}`)
}

export async function insertTier(db: Db, rec: TierRec, now: number): Promise<void> {
  const { id, ...rest } = rec
  await db.collection(COLLECTIONS.eventTiers).add({ _id: id, ...rest, holders: {}, createdAt: now, updatedAt: now })
  forget(db, `ets:${rec.eventId}`)
}

/** Changes a tier; a stock change moves `left` by the same amount, refused if gifts already handed out exceed it. */
export async function updateTier(db: Db, before: TierRec, fields: Pick<TierRec, 'name' | 'gift' | 'rule' | 'stock'>, now: number): Promise<boolean> {
  const _ = db.command
  const delta = fields.stock - before.stock
  const res = await db
    .collection(COLLECTIONS.eventTiers)
    .where({ _id: before.id, stock: before.stock, left: _.gte(-delta) })
    .update({ ...fields, left: _.inc(delta), updatedAt: now })
  forget(db, `ets:${before.eventId}`)
  return res.updated === 1
}

/** Re-issuing a booth code bumps its version; codes carrying an older one are revoked. */
export async function bumpBoothVersion(db: Db, booth: BoothRec, now: number): Promise<boolean> {
  const res = await db
    .collection(COLLECTIONS.eventBooths)
    .where({ _id: booth.id, codeVersion: booth.codeVersion })
    .update({ codeVersion: booth.codeVersion + 1, updatedAt: now })
  forget(db, `eb:${booth.id}`)
  forget(db, `ebs:${booth.eventId}`)
  return res.updated === 1
}
