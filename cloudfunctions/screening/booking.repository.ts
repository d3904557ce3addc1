/**
 * The booking ledger: one document per woman per programme
 * (`_id` = `${programmeId}:${openid}`), so a second booking cannot exist.
 * Every state change is conditional on the state it expects.
 */
import { batchedByField } from '../common/batched-read'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { isDuplicate } from '../common/db-errors'
import { getAll, getById, rows } from './catalog.repository'
import type { BookingDoc, LedgerStatus } from './screening.docs'

export const ACTIVE: LedgerStatus[] = ['pending', 'booked', 'checked_in', 'no_show']

export function ledgerId(programmeId: string, openid: string): string {
  return `${programmeId}:${openid}`
}

const bookingsOf = batchedByField<BookingDoc & Record<string, unknown>>(COLLECTIONS.screeningBookings, 'openid')

export function createBookingRepository(db: Db) {
  const _ = db.command
  const coll = () => db.collection(COLLECTIONS.screeningBookings)
  return {
    get: (id: string) => getById<BookingDoc>(db, COLLECTIONS.screeningBookings, id),
    async byRef(ref: string): Promise<BookingDoc | null> {
      return rows<BookingDoc>(await coll().where({ ref }).limit(1).get())[0] ?? null
    },
    /** false when a ledger for this woman and programme already exists. */
    async insert(doc: BookingDoc): Promise<boolean> {
      try {
        await coll().add(doc)
        return true
      } catch (e) {
        if (isDuplicate(e)) return false
        throw e
      }
    },
    /** Updates the ledger only if it still matches `expect`; true when it did. */
    async updateIf(id: string, expect: Record<string, unknown>, patch: Record<string, unknown>): Promise<boolean> {
      const r = await coll().where({ ...expect, _id: id }).update(patch)
      return r.updated === 1
    },
    async updateMany(where: Record<string, unknown>, patch: Record<string, unknown>): Promise<number> {
      const r = await coll().where(where).update(patch)
      return r.updated ?? 0
    },
    /** Her bookings in every programme (the rush's concurrent reads share one query: batched-read.ts). */
    byOpenid: async (openid: string) => (await bookingsOf(db, openid)) ?? [],
    bySession: (sessionId: string) => getAll<BookingDoc>(db, COLLECTIONS.screeningBookings, { sessionId }),
    byProgramme: (programmeId: string) => getAll<BookingDoc>(db, COLLECTIONS.screeningBookings, { programmeId }),
    stalePending: (before: number) =>
      getAll<BookingDoc>(db, COLLECTIONS.screeningBookings, { status: 'pending', pendingAt: _.lt(before) }),
    staleRescheduling: (before: number) =>
      getAll<BookingDoc>(db, COLLECTIONS.screeningBookings, { 'rescheduling.at': _.lt(before) }),
  }
}

export type BookingRepository = ReturnType<typeof createBookingRepository>
