/**
 * What members do at an event: stamps, stamp cards (cooldown), check-ins and
 * the scan log's reads, plus reads of the gift and sign-up claims (their writes
 * go through the kit's ledger, claims.repository.ts). Every `_id` is
 * deterministic so a duplicate insert fails instead of counting twice.
 */
import type { AttemptLog } from '../common/attempt-log'
import type { Db } from '../common/db'
import { COLLECTIONS } from '../common/collections'
import { insertOnce } from '../common/db-errors'
import { readAll } from '../common/paginate'
import type { ScanKind } from '~types/events'
import { redemptionId, signUpId, type RedemptionRec, type SignUpRec } from './claims.repository'

export interface StampRec {
  eventId: string
  boothId: string
  zoneId: string
  openid: string
  stampedAt: number
  /** The request that stamped it: its retry gets the same answer. */
  requestId?: string | null
}
interface CheckInRec {
  id: string
  eventId: string
  checkpointId: string
  openid: string
  checkedInAt: number
  via: 'staff' | 'self'
  staff: string | null
  /** The request that checked her in: its retry gets 签到成功 again. */
  requestId?: string | null
}
/** What a scan's entry says beside the attempt log's own `at`, `ok` and `code` (common/attempt-log.ts). */
export interface ScanFacts {
  eventId: string | null
  kind: ScanKind
  openid: string | null
  member: string
  staff: string | null
  boothId: string | null
  checkpointId: string | null
  tierId: string | null
  desk: string | null
}
type ScanRec = ScanFacts & { id: string; at: number; ok: boolean; code: string | null }
export type ScanLog = AttemptLog<ScanFacts>

/** A scan's facts before it learns more (who, which booth): its kind and what the desk said. */
export const scanFacts = (kind: ScanKind, known: Partial<ScanFacts>): ScanFacts => ({
  eventId: null,
  openid: null,
  member: '',
  staff: null,
  boothId: null,
  checkpointId: null,
  tierId: null,
  desk: null,
  ...known,
  kind,
})

/**
 * Her card notes the booths she has stamps of and the gifts she was given, so the card a stamp
 * answers with needs no read of her stamps or redemptions.
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

const stampId = (eventId: string, boothId: string, openid: string) => `${eventId}:${boothId}:${openid}`
const checkInId = (checkpointId: string, openid: string) => `${checkpointId}:${openid}`
const cardId = (eventId: string, openid: string) => `${eventId}:${openid}`

const first = <T>(res: { data: unknown }): T | null => (res.data as T[])[0] ?? null
const withId = <T>(d: Record<string, unknown>): T => ({ ...d, id: d._id }) as T

/** Her records, collection by collection (a deletion request removes them all). */
const HERS = [
  COLLECTIONS.eventSignups,
  COLLECTIONS.eventStamps,
  COLLECTIONS.eventStampCards,
  COLLECTIONS.eventRedemptions,
  COLLECTIONS.eventCheckins,
] as const

export function createActivityRepository(db: Db) {
  const _ = db.command
  const col = (name: string) => db.collection(name)
  /** Adds a document under its deterministic id; false when it exists (common/db-errors.ts). */
  const insert = (coll: string, doc: { _id: string } & Record<string, unknown>) => insertOnce(col(coll), doc)
  const all = async <T>(coll: string, filter: Record<string, unknown>) =>
    (await readAll<Record<string, unknown>>(col(coll).where(filter))).map((d) => withId<T>(d))
  const stampsWhere = (filter: Record<string, unknown>) => all<StampRec>(COLLECTIONS.eventStamps, filter)
  const stampsOf = (eventId: string, openid: string) => stampsWhere({ eventId, openid })
  const cards = () => col(COLLECTIONS.eventStampCards)

  return {
    // ---------- stamps and her card ----------
    stamp: async (eventId: string, boothId: string, openid: string) =>
      first<StampRec>(
        await col(COLLECTIONS.eventStamps)
          .doc(stampId(eventId, boothId, openid))
          .get(),
      ),
    insertStamp: (s: StampRec) => insert(COLLECTIONS.eventStamps, { _id: stampId(s.eventId, s.boothId, s.openid), ...s }),
    stampsOf,
    card: async (eventId: string, openid: string) => first<CardRec>(await cards().doc(cardId(eventId, openid)).get()),

    /**
     * The cooldown decides in one conditional update: only one stamp per window wins. The same update
     * lists the booth on her card (`booths`), so the card a stamp answers with needs no read of her
     * stamps. Her first stamp at an event finds no card: it reads her stamps (any made by other means)
     * and writes the card listing them all (two more calls, once per member and event).
     */
    async takeStampSlot(
      eventId: string,
      openid: string,
      now: number,
      cooldownMs: number,
      booth: { id: string; zoneId: string },
    ): Promise<CardRec | null> {
      const id = cardId(eventId, openid)
      const listed = { zoneId: booth.zoneId, at: now }
      const res = await cards()
        .where({ _id: id, lastStampAt: _.lte(now - cooldownMs) })
        .updateAndReturn({ lastStampAt: now, [`booths.${booth.id}`]: _.set(listed) })
      if (res.updated === 1 && res.doc) return res.doc as CardRec
      const booths = Object.fromEntries((await stampsOf(eventId, openid)).map((s) => [s.boothId, { zoneId: s.zoneId, at: s.stampedAt }]))
      const fresh: CardRec = { eventId, openid, lastStampAt: now, gifts: {}, booths: { ...booths, [booth.id]: listed }, listsStamps: true }
      return (await insert(COLLECTIONS.eventStampCards, { _id: id, ...fresh })) ? fresh : null
    },

    /** Gives the slot back when the stamp turned out to be a duplicate (and lists the booth with its first stamp's time). */
    async returnStampSlot(eventId: string, openid: string, took: number, previous: number, firstStamp: StampRec | null): Promise<void> {
      const listed = firstStamp ? { [`booths.${firstStamp.boothId}`]: _.set({ zoneId: firstStamp.zoneId, at: firstStamp.stampedAt }) } : {}
      await cards()
        .where({ _id: cardId(eventId, openid), lastStampAt: took })
        .update({ lastStampAt: previous, ...listed })
    },

    /** Notes a gift on her card (written when a desk confirms one). */
    async noteGift(eventId: string, openid: string, tierId: string, at: number, desk: string): Promise<void> {
      const id = cardId(eventId, openid)
      const note = () =>
        cards()
          .where({ _id: id })
          .update({ [`gifts.${tierId}`]: _.set({ at, desk }) })
      if ((await note()).updated === 1) return
      // No card yet (stamps written by other means): one with this note; if one appeared meanwhile, note it there.
      if (!(await insert(COLLECTIONS.eventStampCards, { _id: id, eventId, openid, lastStampAt: 0, gifts: { [tierId]: { at, desk } } })))
        await note()
    },

    // ---------- gift redemptions and sign-ups (reads) ----------
    redemption: async (tierId: string, openid: string) => {
      const d = first<Record<string, unknown>>(await col(COLLECTIONS.eventRedemptions).doc(redemptionId(tierId, openid)).get())
      return d ? withId<RedemptionRec>(d) : null
    },
    /** The redemption a desk's request wrote (its retry after a crash answers from it). */
    redemptionOfRequest: async (requestId: string, staff: string) =>
      (await all<RedemptionRec>(COLLECTIONS.eventRedemptions, { requestId, staff }))[0] ?? null,
    redemptionsOf: (filter: Record<string, unknown>) => all<RedemptionRec>(COLLECTIONS.eventRedemptions, filter),
    signUp: async (eventId: string, openid: string) => {
      const d = first<Record<string, unknown>>(await col(COLLECTIONS.eventSignups).doc(signUpId(eventId, openid)).get())
      return d ? withId<SignUpRec>(d) : null
    },
    signUpsOf: (filter: Record<string, unknown>) => all<SignUpRec>(COLLECTIONS.eventSignups, filter),

    // ---------- check-ins ----------
    checkIn: async (checkpointId: string, openid: string) => {
      const d = first<Record<string, unknown>>(await col(COLLECTIONS.eventCheckins).doc(checkInId(checkpointId, openid)).get())
      return d ? withId<CheckInRec>(d) : null
    },
    insertCheckIn: (rec: Omit<CheckInRec, 'id'>) =>
      insert(COLLECTIONS.eventCheckins, { _id: checkInId(rec.checkpointId, rec.openid), ...rec }),
    checkInsOf: (filter: Record<string, unknown>) => all<CheckInRec>(COLLECTIONS.eventCheckins, filter),

    // ---------- scan log reads (an accepted check-in's entry doubles as its code's replay guard) ----------
    scan: async (id: string) => first<ScanRec>(await col(COLLECTIONS.eventScans).doc(id).get()),
    async scansOf(eventId: string, refusedOnly: boolean, before: number | undefined, limit: number): Promise<ScanRec[]> {
      const where: Record<string, unknown> = { eventId }
      if (refusedOnly) where.ok = false
      if (before !== undefined) where.at = _.lt(before)
      const res = await col(COLLECTIONS.eventScans).where(where).orderBy('at', 'desc').limit(limit).get()
      return (res.data as Record<string, unknown>[]).map((d) => withId<ScanRec>(d))
    },
    async refusalsOf(eventId: string): Promise<{ code: string; count: number }[]> {
      const docs = await readAll<Record<string, unknown>>(col(COLLECTIONS.eventScans).where({ eventId, ok: false }).field({ code: true }))
      const m = new Map<string, number>()
      for (const d of docs) m.set(String(d.code), (m.get(String(d.code)) ?? 0) + 1)
      return [...m].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count)
    },

    // ---------- her data (PIPL) ----------
    hers: async (openid: string) => {
      const [signUps, stamps, redemptions, checkIns] = await Promise.all([
        all<SignUpRec>(COLLECTIONS.eventSignups, { openid }),
        stampsWhere({ openid }),
        all<RedemptionRec>(COLLECTIONS.eventRedemptions, { openid }),
        all<CheckInRec>(COLLECTIONS.eventCheckins, { openid }),
      ])
      return { signUps, stamps, redemptions, checkIns }
    },
    /** Removes her records; answers how many per collection. */
    eraseHers: async (openid: string) =>
      Promise.all(HERS.map(async (coll) => ({ coll, deleted: (await col(coll).where({ openid }).remove()).deleted ?? 0 }))),
  }
}

export type ActivityRepository = ReturnType<typeof createActivityRepository>
