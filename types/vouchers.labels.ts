/** 工会消费券's words for a voucher's status and a draw entry's result, typed by its unions. */
import type { CentreState, VoucherStatus } from './vouchers'

/** A draw entry's result: the centre's states of an entry. */
export type DrawResult = Extract<CentreState, 'entered' | 'won' | 'lost'>

export const VOUCHER_STATUS_LABELS: Record<VoucherStatus, string> = {
  unused: '未使用',
  redeemed: '已使用',
  expired: '已过期',
  reversed: '已撤销',
}

export const DRAW_RESULT_LABELS: Record<DrawResult, string> = { entered: '已报名，等待开奖', won: '已中签', lost: '未中签' }
