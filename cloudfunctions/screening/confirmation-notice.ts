/**
 * The booking confirmation, owed by the booking that marks it (`noticeDue`,
 * set in the very update that books her) and sent by common/notices.ts
 * `settle`: on the sweeper's tick, or when she or an officer reads the outbox
 * or her credits. So a winning tap at the rush pays no call for it. No health
 * data; the link opens her own booking page.
 */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { maskName } from '../common/mask'
import type { DueNotices } from '../common/notices'
import { noticePage } from '../../types/routes'
import type { NoticeKind } from '../../types/screening'
import { createCatalogRepository, getAll } from './catalog.repository'
import type { BookingDoc } from './screening.docs'
import { sessionDTO } from './screening.dto'

export function createConfirmationSource(db: Db): DueNotices<NoticeKind> {
  const catalog = createCatalogRepository(db)
  const bookings = () => db.collection(COLLECTIONS.screeningBookings)
  return {
    async due(openid) {
      const owed = await getAll<BookingDoc>(db, COLLECTIONS.screeningBookings, openid ? { openid, noticeDue: true } : { noticeDue: true })
      const out = []
      for (const b of owed) {
        const [p, s, site] = await Promise.all([catalog.programme(b.programmeId), catalog.session(b.sessionId), catalog.site(b.siteId)])
        if (!p || !s || !site) continue
        out.push({
          key: b._id,
          notice: {
            openid: b.openid, toName: maskName(b.member.name), kind: 'booking_confirmation' as const, page: noticePage('screeningBooking', { id: b.programmeId }),
            fields: [
              { label: '项目名称', value: p.name },
              { label: '预约时间', value: `${s.date} ${sessionDTO(s).label}` },
              { label: '就诊地点', value: `${site.name}（${site.address}）` },
            ],
          },
        })
      }
      return out
    },
    async take(id) {
      return (await bookings().where({ _id: id, noticeDue: true }).update({ noticeDue: false })).updated === 1
    },
  }
}
