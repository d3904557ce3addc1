/** The screening notices: kinds and their templates (types/notice-templates.ts); the mechanism is common/notices.ts. */
import type { Clock } from '../common/clock'
import type { Db } from '../common/db'
import { createNotices, noticeCatalogue, type NoticeCatalogue } from '../common/notices'
import type { WechatPort } from '../common/wechat'
import { NOTICE_KINDS } from '~types/notice-templates'
import type { NoticeKind, NoticeTopic } from '~types/screening'
import type { BookingRepository } from './booking.repository'
import type { CatalogRepository } from './catalog.repository'
import { createConfirmationSource } from './confirmation-notice'

export const NOTICE_TOPICS = ['booking', 'reminder', 'offer', 'result', 'release'] as const satisfies readonly NoticeTopic[]

const SCREENING_NOTICES: NoticeCatalogue<NoticeKind, NoticeTopic> = noticeCatalogue('screening', NOTICE_KINDS.screening)

export function createNoticeService(deps: {
  db: Db
  clock: Clock
  wechat: WechatPort
  catalog: CatalogRepository
  bookings: BookingRepository
}) {
  const { db, clock, wechat } = deps
  return createNotices({ db, clock, wechat }, SCREENING_NOTICES, [createConfirmationSource(deps.catalog, deps.bookings)])
}

export type NoticeService = ReturnType<typeof createNoticeService>
