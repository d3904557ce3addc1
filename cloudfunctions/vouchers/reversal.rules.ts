/** When a redemption may be refunded, and what its refund gives back (pure: no database). */
import type { CampaignDoc, RedemptionRowDoc, ReturningDoc, VoucherDoc } from './vouchers.docs'

/** Only a redeem row not yet reversed, inside its campaign's reversal window (counted from the redemption). */
export function reversible(r: RedemptionRowDoc, c: CampaignDoc | null, now: number): boolean {
  return r.type === 'redeem' && !r.reversedBy && !!c && now < r.at + c.reverseWindowMinutes * 60_000
}

/**
 * The deduction goes back; while it can still be used the voucher goes back to the member too,
 * its full reservation taken again in the same step (or, if that no longer fits, only the return).
 */
export function reversalReturn(v: VoucherDoc, row: RedemptionRowDoc, now: number): ReturningDoc {
  const counters = { redeemed: -1, reversed: 1, usedFen: -row.unionFen }
  const key = `${v._id}:x${v.uses}`
  if (now >= v.useEndsAt) return { key, fen: row.unionFen, counters, at: now, reissue: false }
  return { key, fen: row.unionFen - v.reserveFen, counters, at: now, reissue: true, fallback: { fen: row.unionFen, counters } }
}
