/**
 * Screening's words for its own states and notice topics, typed by its unions: a value added to a union
 * without its label does not compile. The notice titles are the notices' own (screening/notice.service.ts).
 */
import type { BookingStatus, NoticeTopic, ResultOutcome, WaitlistStatus } from './screening'

/** A booking as stored and exported: also while it is being made (`pending`) or after it could not be (`failed`). */
export type BookingRecordStatus = BookingStatus | 'pending' | 'failed'

export const SCREENING_NOTICE_TOPIC_LABELS: Record<NoticeTopic, string> = {
  booking: '预约成功通知',
  reminder: '预约就诊提醒',
  offer: '候补名额通知',
  result: '检查结果已出通知',
  release: '预约开放提醒',
}

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
