/**
 * Screening's words for its own states and notice topics, typed by its unions: a value added to a union
 * without its label does not compile. The notice titles are the templates' own (notice-templates.ts).
 */
import { topicTitles } from './notice-templates'
import type { BookingStatus, NoticeTopic, ResultOutcome, WaitlistStatus } from './screening'

/** A booking as stored and exported: also while it is being made (`pending`) or after it could not be (`failed`). */
export type BookingRecordStatus = BookingStatus | 'pending' | 'failed'

/** The templates' own titles (types/notice-templates.ts, the one catalogue). */
export const SCREENING_NOTICE_TOPIC_LABELS = topicTitles('screening') as Record<NoticeTopic, string>

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '已预约',
  checked_in: '已签到',
  no_show: '未到场',
  cancelled: '已取消',
}

export const BOOKING_RECORD_STATUS_LABELS: Record<BookingRecordStatus, string> = {
  ...BOOKING_STATUS_LABELS,
  pending: '处理中',
  failed: '未成功',
}

export const WAITLIST_STATUS_LABELS: Record<WaitlistStatus, string> = {
  waiting: '候补中',
  offered: '有名额待确认',
  claimed: '已确认名额',
  expired: '名额已过期',
  left: '已退出候补',
}

export const RESULT_OUTCOME_LABELS: Record<ResultOutcome, string> = { normal: '正常', recheck: '需复查' }
