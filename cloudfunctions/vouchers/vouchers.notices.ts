/** The vouchers function's notices: one kind, the expiry reminder, spending a `voucher` opt-in. */
import type { Clock } from '../common/clock'
import type { Db } from '../common/db'
import { createNotices, type Notices } from '../common/notices'
import type { VoucherNoticeKind, VoucherNoticeTopic } from '~types/vouchers'
export type VoucherNotices = Notices<VoucherNoticeKind, VoucherNoticeTopic>

export function createVoucherNotices(deps: { db: Db; clock: Clock }): VoucherNotices {
  return createNotices(deps, { topics: ['voucher'], kinds: { voucher_expiry: { title: '消费券到期提醒', topic: 'voucher' } } })
}
