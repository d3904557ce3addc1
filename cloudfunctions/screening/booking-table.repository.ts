/**
 * The officers' bookings table (issue 18) over `screening_bookings`, read-only. Every query pins the
 * programme (index `programmeId`, `programmeId_pendingAt` for the booked-time order) or one session
 * (index `sessionId`). Sorting by session time cannot be a database order (a booking does not carry its
 * session's time), so it is counted per session in one aggregate and each page is read from the sessions
 * it spans, in time order: a page costs one read per session it spans (one or two), whatever the size.
 */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { rowsOf } from '../common/paginate'
import { readTablePage } from '../common/table-query'
import type { BookingTableRequest } from '~types/screening'
import type { TablePage } from '~types/table'
import type { BookingDoc } from './screening.docs'

/** The export's rows (live bookings) unless a status is asked for; a pending claim is not a booking yet. */
const LIVE = ['booked', 'checked_in', 'no_show']

export function createBookingTableRepository(db: Db) {
  const _ = db.command
  const coll = () => db.collection(COLLECTIONS.screeningBookings)

  function whereOf(req: BookingTableRequest): Record<string, unknown> {
    const where: Record<string, unknown> = { programmeId: req.programmeId, status: req.status ?? _.in(LIVE) }
    if (req.siteId) where.siteId = req.siteId
    if (req.sessionId) where.sessionId = req.sessionId
    return where
  }

  /** Bookings per session matching the filters: one aggregate. */
  async function perSession(where: Record<string, unknown>): Promise<Map<string, number>> {
    const res = await coll()
      .aggregate()
      .match(where)
      .group({ _id: '$sessionId', n: _.aggregate.sum(1) })
      .end()
    return new Map((((res as { data?: unknown[] }).data ?? []) as { _id: string; n: number }[]).map((r) => [r._id, r.n]))
  }

  return {
    /** Booked time: one ordered read and the count. */
    byBookedAt(req: BookingTableRequest): Promise<TablePage<BookingDoc>> {
      const sort = req.sort && { field: 'pendingAt', order: req.sort.order }
      return readTablePage<BookingDoc>(coll(), whereOf(req), { ...req, sort }, { field: 'pendingAt', order: 'asc' })
    },
    /** Session time: `sessionIds` in time order (ascending); within a session, first booked first. */
    async bySessionAt(req: BookingTableRequest, sessionIds: string[]): Promise<TablePage<BookingDoc>> {
      const page = req.page ?? 0
      const pageSize = req.pageSize ?? 20
      const desc = req.sort?.order === 'desc'
      const where = whereOf(req)
      const counts = await perSession(where)
      const order = desc ? [...sessionIds].reverse() : sessionIds
      let skip = page * pageSize
      let need = pageSize
      const reads: Promise<BookingDoc[]>[] = []
      for (const sessionId of order) {
        const n = counts.get(sessionId) ?? 0
        if (need === 0) break
        if (skip >= n) {
          skip -= n
          continue
        }
        const take = Math.min(need, n - skip)
        const q = coll()
          .where({ ...where, sessionId })
          .orderBy('pendingAt', desc ? 'desc' : 'asc')
          .orderBy('_id', 'asc')
        reads.push(
          q
            .skip(skip)
            .limit(take)
            .get()
            .then(rowsOf<BookingDoc>),
        )
        need -= take
        skip = 0
      }
      const total = [...counts.values()].reduce((a, b) => a + b, 0)
      return { items: (await Promise.all(reads)).flat(), total, page, pageSize }
    },
  }
}

export type BookingTableRepository = ReturnType<typeof createBookingTableRepository>
