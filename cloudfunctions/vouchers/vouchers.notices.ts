/** The vouchers function's notices: one kind, the expiry reminder, spending a `voucher` opt-in (template: types/notice-templates.ts). */
import type { Clock } from '../common/clock'
import type { Db } from '../common/db'
import { createNotices, noticeCatalogue, type Notices } from '../common/notices'
import type { WechatPort } from '../common/wechat'
import { NOTICE_KINDS } from '~types/notice-templates'
import type { VoucherNoticeKind, VoucherNoticeTopic } from '~types/vouchers'
export type VoucherNotices = Notices<VoucherNoticeKind, VoucherNoticeTopic>

const VOUCHER_NOTICES = noticeCatalogue<VoucherNoticeKind, VoucherNoticeTopic>('vouchers', NOTICE_KINDS.vouchers)

export function createVoucherNotices(deps: { db: Db; clock: Clock; wechat: WechatPort }): VoucherNotices {
  return createNotices(deps, VOUCHER_NOTICES)
}
