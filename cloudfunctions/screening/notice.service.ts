/** The screening notices: kinds, titles and the opt-in topic each spends (the mechanism is common/notices.ts). */
import type { ScreeningDeps } from './screening.deps'
import { createNotices, type NoticeCatalogue } from '../common/notices'
import type { NoticeKind, NoticeTopic } from '../../types/screening'
import { createConfirmationSource } from './confirmation-notice'

export const SCREENING_NOTICES: NoticeCatalogue<NoticeKind, NoticeTopic> = {
  topics: ['booking', 'reminder', 'offer', 'result', 'release'],
  kinds: {
    booking_confirmation: { title: '预约成功通知', topic: 'booking' },
    booking_reminder: { title: '预约就诊提醒', topic: 'reminder' },
    waitlist_offer: { title: '候补名额通知', topic: 'offer' },
    result_ready: { title: '检查结果已出通知', topic: 'result' },
    release_reminder: { title: '预约开放提醒', topic: 'release' },
  },
}

export function createNoticeService({ db, clock }: ScreeningDeps) {
  return createNotices({ db, clock }, SCREENING_NOTICES, [createConfirmationSource(db)])
}

export type NoticeService = ReturnType<typeof createNoticeService>
