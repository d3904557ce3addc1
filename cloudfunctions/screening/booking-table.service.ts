/**
 * 预约名单 in the console (issue 18): one programme's bookings a page at a time, each row masked exactly as
 * the masked export's (report.service exportRow: masked name, card and phone; only whether a result is
 * ready, never the result). Reading it is not audited, as the masked export is not.
 */
import { fail } from '../common/errors'
import { siteLabel, type BookingRowDTO, type BookingTableDTO, type BookingTableRequest } from '~types/screening'
import type { BookingTableRepository } from './booking-table.repository'
import type { CatalogRepository } from './catalog.repository'
import { exportRow } from './report.service'

export interface BookingTableDeps {
  catalog: CatalogRepository
  table: BookingTableRepository
}

export function createBookingTableService({ catalog, table }: BookingTableDeps) {
  return {
    async bookingTable(i: BookingTableRequest): Promise<BookingTableDTO> {
      const p = (await catalog.programme(i.programmeId)) ?? fail('NOT_FOUND', 'programmeId')
      const [sites, sessions] = await Promise.all([catalog.sites(p.siteIds), catalog.sessions({ programmeId: p._id })])
      const siteName = (id: string) => {
        const s = sites.find((x) => x._id === id)
        return s ? siteLabel(s) : id
      }
      const shown = sessions.filter((s) => (!i.siteId || s.siteId === i.siteId) && (!i.sessionId || s._id === i.sessionId))
      const page =
        i.sort?.field === 'sessionAt'
          ? await table.bySessionAt(
              i,
              shown.map((s) => s._id),
            )
          : await table.byBookedAt(i)
      const items: BookingRowDTO[] = page.items.map((b) => ({
        ...exportRow(
          b,
          false,
          siteName(b.siteId),
          sessions.find((s) => s._id === b.sessionId),
        ),
        sessionId: b.sessionId,
        bookedAt: b.bookedAt ?? b.pendingAt,
      }))
      return {
        ...page,
        items,
        sessions: sessions.map((s) => ({ id: s._id, siteId: s.siteId, label: `${siteName(s.siteId)} ${s.date} ${s.start}–${s.end}` })),
        sites: sites.map((s) => ({ id: s._id, label: siteLabel(s) })),
      }
    },
  }
}
