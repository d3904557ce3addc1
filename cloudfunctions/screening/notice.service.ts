/** The screening notices: kinds, titles and the opt-in topic each spends (the mechanism is common/notices.ts). */
import type { Clock } from '../common/clock'
import type { Db } from '../common/db'
import { createNotices, type NoticeCatalogue } from '../common/notices'
import type { NoticeKind, NoticeTopic } from '~types/screening'
import type { BookingRepository } from './booking.repository'
import type { CatalogRepository } from './catalog.repository'
import { createConfirmationSource } from './confirmation-notice'

export const NOTICE_TOPICS = ['booking', 'reminder', 'offer', 'result', 'release'] as const satisfies readonly NoticeTopic[]

const SCREENING_NOTICES: NoticeCatalogue<NoticeKind, NoticeTopic> = {
  topics: NOTICE_TOPICS,
  kinds: {
    booking_confirmation: { title: '预约成功通知', topic: 'booking' },
    booking_reminder: { title: '预约就诊提醒', topic: 'reminder' },
    waitlist_offer: { title: '候补名额通知', topic: 'offer' },
    result_ready: { title: '检查结果已出通知', topic: 'result' },
    release_reminder: { title: '预约开放提醒', topic: 'release' },
  },
}

export function createNoticeService(deps: { db: Db; clock: Clock; catalog: CatalogRepository; bookings: BookingRepository }) {
  return createNotices({ db: deps.db, clock: deps.clock }, SCREENING_NOTICES, [createConfirmationSource(deps.catalog, deps.bookings)])
}

export type NoticeService = ReturnType<typeof createNoticeService>
