/**
 * Events and their parts (booths, gift tiers, checkpoints): the only code that
 * reads or writes those collections. Documents are mapped to plain records here.
 */
import type { Db } from '../common/db'
import { COLLECTIONS } from '../common/collections'
import { insertOnce } from '../common/db-errors'
import { bumpCounter } from '../common/counter'
import { cached, forget } from '../common/instance-cache'
import { readAll } from '../common/paginate'
import type { EventAudienceDTO, EventKind, SignUpRulesDTO, StampRulesDTO, TierRuleDTO, VenueDTO, ZoneDTO } from '~types/events'

export interface EventRec {
  id: string
  kind: EventKind
  title: string
  description: string
  /** 主办: the owning union's name (unions.ts ownerFor), or the text typed before the tree. */
  organiser: string
  /** The owning union and its path (issue 20); absent on an event written before the tree (the city's). */
  unionId?: string | null
  unionPath?: string[]
  /** Sign-up only for the owner's members (a non-root owner's event); null or absent: every member. */
  within?: EventAudienceDTO | null
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
  const { _id, holders: _h, createdAt: _c, updatedAt: _u, codeRequestId: _r, ...rest } = doc
  return { id: _id, ...rest } as T
}

/**
 * An event's settings, a booth and a checkpoint change only by an officer's edit (which drops them
 * here at once): kept in the instance a few seconds for the hot path (stamps, check-ins). An event's
 * seat count and a tier's stock change with every claim: read afresh (`event(id, true)`).
 */
export function createCatalogRepository(db: Db) {
  const _ = db.command
  const col = (name: string) => db.collection(name)
  /** Adds a document under its deterministic id; false when it exists (common/db-errors.ts). */
  const insert = (coll: string, doc: { _id: string } & Record<string, unknown>) => insertOnce(col(coll), doc)
  async function one<T>(coll: string, id: string): Promise<T | null> {
    const doc = ((await col(coll).doc(id).field({ holders: false }).get()).data as Record<string, unknown>[])[0]
    return doc ? strip<T>(doc) : null
  }
  async function byEvent<T extends { order: number }>(coll: string, eventId: string): Promise<T[]> {
    const docs = await readAll<Record<string, unknown>>(col(coll).where({ eventId }).field({ holders: false }))
    return docs.map((d) => strip<T>(d)).sort((a, b) => a.order - b.order)
  }
  const booths = (eventId: string) => byEvent<BoothRec>(COLLECTIONS.eventBooths, eventId)
  const tiers = (eventId: string) => byEvent<TierRec>(COLLECTIONS.eventTiers, eventId)
  const checkpoints = (eventId: string) => byEvent<CheckpointRec>(COLLECTIONS.eventCheckpoints, eventId)
  const dropBooth = (b: { id: string; eventId: string }) => (forget(db, `eb:${b.id}`), forget(db, `ebs:${b.eventId}`))

  return {
    event: (id: string, fresh = false) =>
      fresh ? one<EventRec>(COLLECTIONS.events, id) : cached(db, `ev:${id}`, () => one<EventRec>(COLLECTIONS.events, id)),
    booth: (id: string) => cached(db, `eb:${id}`, () => one<BoothRec>(COLLECTIONS.eventBooths, id)),
    /** The booth as stored now, with the request that last re-issued its code (reissueBoothCode's recover). */
    boothAfresh: async (id: string) => {
      const doc = ((await col(COLLECTIONS.eventBooths).doc(id).get()).data as Record<string, unknown>[])[0]
      return doc ? { booth: strip<BoothRec>(doc), codeRequestId: typeof doc.codeRequestId === 'string' ? doc.codeRequestId : null } : null
    },
    tier: (id: string) => one<TierRec>(COLLECTIONS.eventTiers, id),
    checkpoint: (id: string) => cached(db, `ec:${id}`, () => one<CheckpointRec>(COLLECTIONS.eventCheckpoints, id)),
    booths,
    tiers,
    checkpoints,
    /** The same lists from the instance (a tier's units left may be seconds old): stamp cards and station screens. */
    cachedBooths: (eventId: string) => cached(db, `ebs:${eventId}`, () => booths(eventId)),
    cachedTiers: (eventId: string) => cached(db, `ets:${eventId}`, () => tiers(eventId)),
    cachedCheckpoints: (eventId: string) => cached(db, `ecs:${eventId}`, () => checkpoints(eventId)),
    /** Units left changed: this instance's stamp cards read the tiers afresh. */
    forgetTiers: (eventId: string) => forget(db, `ets:${eventId}`),
    /** Seat counters changed: this instance reads the event afresh. */
    forgetEvent: (eventId: string) => forget(db, `ev:${eventId}`),
    count: async (coll: string, eventId: string) => (await col(coll).where({ eventId }).count()).total,

    /** Every event, or those an officer's subtree owns (`where`: unions.ts `ownedWhere`, index `unionPath`). */
    async allEvents(where: { unionPath?: string } = {}): Promise<EventRec[]> {
      const docs = await readAll<Record<string, unknown>>(col(COLLECTIONS.events).where(where).field({ holders: false }))
      return docs.map((d) => strip<EventRec>(d)).sort((a, b) => a.startsAt - b.startsAt)
    },

    /** false: an event with this id exists (a retried create). */
    insertEvent(rec: EventRec, now: number): Promise<boolean> {
      const { id, ...rest } = rec
      return insert(COLLECTIONS.events, { _id: id, ...rest, holders: {}, createdAt: now, updatedAt: now })
    },

    /**
     * Updates an event's settings. Seats are adjusted in the same single-document
     * update, guarded by the capacity and count it was computed from (CAS).
     */
    async updateEvent(
      before: EventRec,
      fields: Omit<EventRec, 'id' | 'signedUp' | 'seatsLeft' | 'unionId' | 'unionPath' | 'within'>,
      now: number,
    ): Promise<boolean> {
      const capacity = fields.signUp.capacity
      const seatsLeft = capacity === null ? null : capacity - before.signedUp
      const res = await col(COLLECTIONS.events)
        .where({
          _id: before.id,
          signedUp: before.signedUp,
          'signUp.capacity': before.signUp.capacity === null ? _.eq(null) : before.signUp.capacity,
        })
        .update({ ...fields, seatsLeft, updatedAt: now })
      forget(db, `ev:${before.id}`)
      return res.updated === 1
    },

    /** Writes a booth (`create`: only if its id is new; false when it exists, a retried create). */
    async putBooth(rec: BoothRec, now: number, create = false): Promise<boolean> {
      const { id, ...rest } = rec
      const wrote = create ? await insert(COLLECTIONS.eventBooths, { _id: id, ...rest, updatedAt: now }) : true
      if (!create)
        await col(COLLECTIONS.eventBooths)
          .doc(id)
          .set({ ...rest, updatedAt: now })
      dropBooth(rec)
      return wrote
    },

    /** Writes a checkpoint, keeping its counter (`create`: only if its id is new; false when it exists). */
    async putCheckpoint(rec: CheckpointRec, now: number, create = false): Promise<boolean> {
      const { id, ...rest } = rec
      // An edit keeps the counter: set() would replace the document, so the fields are updated in place.
      const updated = create
        ? 0
        : (
            await col(COLLECTIONS.eventCheckpoints)
              .where({ _id: id })
              .update({ ...rest, updatedAt: now })
          ).updated
      const wrote = updated === 1 || (await insert(COLLECTIONS.eventCheckpoints, { _id: id, ...rest, checkedIn: 0, updatedAt: now }))
      forget(db, `ec:${id}`)
      forget(db, `ecs:${rec.eventId}`)
      return wrote
    },

    /** One more check-in at a checkpoint: the kit's counter (the new count, or null). */
    bumpCheckedIn: (checkpointId: string) => bumpCounter(db, COLLECTIONS.eventCheckpoints, checkpointId, 'checkedIn'),

    /** false: a tier with this id exists (a retried create). */
    async insertTier(rec: TierRec, now: number): Promise<boolean> {
      const { id, ...rest } = rec
      const wrote = await insert(COLLECTIONS.eventTiers, { _id: id, ...rest, holders: {}, createdAt: now, updatedAt: now })
      forget(db, `ets:${rec.eventId}`)
      return wrote
    },

    /** Changes a tier; a stock change moves `left` by the same amount, refused if gifts already handed out exceed it. */
    async updateTier(before: TierRec, fields: Pick<TierRec, 'name' | 'gift' | 'rule' | 'stock'>, now: number): Promise<boolean> {
      const delta = fields.stock - before.stock
      const res = await col(COLLECTIONS.eventTiers)
        .where({ _id: before.id, stock: before.stock, left: _.gte(-delta) })
        .update({ ...fields, left: _.inc(delta), updatedAt: now })
      forget(db, `ets:${before.eventId}`)
      return res.updated === 1
    },

    /** Re-issuing a booth code bumps its version (codes carrying an older one are revoked), noting the request that did. */
    async bumpBoothVersion(booth: BoothRec, now: number, requestId: string | null): Promise<boolean> {
      const res = await col(COLLECTIONS.eventBooths)
        .where({ _id: booth.id, codeVersion: booth.codeVersion })
        .update({ codeVersion: booth.codeVersion + 1, codeRequestId: requestId, updatedAt: now })
      dropBooth(booth)
      return res.updated === 1
    },
  }
}

export type CatalogRepository = ReturnType<typeof createCatalogRepository>
