/**
 * The booking confirmation, owed by the booking that marks it (`noticeDue`,
 * set in the very update that books her) and sent by common/notices.ts
 * `settle`: on the sweeper's tick, or when she or an officer reads the outbox
 * or her credits. So a winning tap at the rush pays no call for it. No health
 * data; the link opens her own booking page, which has the address (the place
 * keyword holds 20 characters: it names the department and hospital, siteNoticeLabel).
 */
import { maskName } from '../common/mask'
import type { DueNotices } from '../common/notices'
import { noticePage } from '~types/routes'
import { type NoticeKind, siteNoticeLabel } from '~types/screening'
import type { BookingRepository } from './booking.repository'
import type { CatalogRepository } from './catalog.repository'

export function createConfirmationSource(catalog: CatalogRepository, bookings: BookingRepository): DueNotices<NoticeKind> {
  return {
    async due(openid) {
      const owed = await bookings.noticesDue(openid)
      const out = []
      for (const b of owed) {
        const [p, s, site] = await Promise.all([catalog.programme(b.programmeId), catalog.session(b.sessionId), catalog.site(b.siteId)])
        if (!p || !s || !site) continue
        out.push({
          key: b._id,
          notice: {
            openid: b.openid,
            toName: maskName(b.member.name),
            kind: 'booking_confirmation' as const,
            page: noticePage('screeningBooking', { id: b.programmeId }),
            fields: [
              { label: '项目名称', value: p.name },
              { label: '预约时间', value: [s.startAt, s.endAt] as const },
              { label: '就诊地点', value: siteNoticeLabel(site) },
            ],
          },
        })
      }
      return out
    },
    take: (id) => bookings.updateIf(id, { noticeDue: true }, { noticeDue: false }),
  }
}
