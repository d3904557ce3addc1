import type { CentreState, VoucherStatus } from '~types/vouchers'

export const STATUS_LABEL: Record<VoucherStatus, string> = { unused: '未使用', redeemed: '已使用', expired: '已过期', reversed: '已撤销' }

export const STATE_BUTTON: Partial<Record<CentreState, string>> = { claimable: '立即领取', enter_draw: '报名抽签', won: '中签领取' }
