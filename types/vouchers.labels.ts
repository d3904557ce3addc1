/** 工会消费券's words for a voucher's status, a draw entry's result and its notice topic, typed by its unions. */
import { topicTitles } from './notice-templates'
import type { CentreState, VoucherNoticeTopic, VoucherStatus } from './vouchers'

/** A draw entry's result: the centre's states of an entry. */
export type DrawResult = Extract<CentreState, 'entered' | 'won' | 'lost'>

export const VOUCHER_STATUS_LABELS: Record<VoucherStatus, string> = {
  unused: '未使用',
  redeemed: '已使用',
  expired: '已过期',
  reversed: '已撤销',
}

export const DRAW_RESULT_LABELS: Record<DrawResult, string> = { entered: '已报名，等待开奖', won: '已中签', lost: '未中签' }

/** Her opt-ins, by the title of the template each lets through (types/notice-templates.ts). */
export const VOUCHER_NOTICE_TOPIC_LABELS = topicTitles('vouchers') as Record<VoucherNoticeTopic, string>
