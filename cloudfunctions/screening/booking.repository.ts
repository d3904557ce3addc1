/**
 * The booking ledger: one document per woman per programme
 * (`_id` = `${programmeId}:${openid}`), so a second booking cannot exist.
 * Every state change is conditional on the state it expects.
 */
import { batchedByField } from '../common/batched-read'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
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
  const all = (where: object) => getAll<BookingDoc>(db, COLLECTIONS.screeningBookings, where)
  return {
    get: (id: string) => getById<BookingDoc>(db, COLLECTIONS.screeningBookings, id),
    async byRef(ref: string): Promise<BookingDoc | null> {
      return rows<BookingDoc>(await coll().where({ ref }).limit(1).get())[0] ?? null
    },
    /** Updates the ledger only if it still matches `expect`; true when it did. */
    async updateIf(id: string, expect: Record<string, unknown>, patch: Record<string, unknown>): Promise<boolean> {
      const r = await coll()
        .where({ ...expect, _id: id })
        .update(patch)
      return r.updated === 1
    },
    /** Marks the place a reschedule is about to take, on the booking as it was read; true when it did. */
    async markRescheduling(b: BookingDoc, mark: NonNullable<BookingDoc['rescheduling']>): Promise<boolean> {
      const unchanged = { _id: b._id, status: 'booked', placeId: b.placeId, rescheduling: null }
      const r = await coll()
        .where(unchanged)
        .update({ rescheduling: _.set(mark) })
      return r.updated === 1
    },
    async updateMany(where: Record<string, unknown>, patch: Record<string, unknown>): Promise<number> {
      const r = await coll().where(where).update(patch)
      return r.updated ?? 0
    },
    /** Her bookings in every programme (the rush's concurrent reads share one query: batched-read.ts). */
    byOpenid: async (openid: string) => (await bookingsOf(db, openid)) ?? [],
    bySession: (sessionId: string) => all({ sessionId }),
    byProgramme: (programmeId: string) => all({ programmeId }),
    staleRescheduling: (before: number) => all({ 'rescheduling.at': _.lt(before) }),
    /** Booked women who asked for the day-before reminder and have not had it. */
    remindersDue: () => all({ status: 'booked', notice: _.in(['reminder', 'both']), reminderSentAt: null }),
    /** Confirmations owed (to her, or to anyone): confirmation-notice.ts. */
    noticesDue: (openid: string | null) => all(openid ? { openid, noticeDue: true } : { noticeDue: true }),
  }
}

export type BookingRepository = ReturnType<typeof createBookingRepository>
