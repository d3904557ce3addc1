/**
 * A refund at the till (撤销): the voucher's conditional update (redeemed → reversed, only once its
 * redemption's own return is done) decides, then the deduction goes back (money-return). A refund
 * right after a redemption whose call died finishes that call's return itself, under the lease on
 * the voucher, once that call cannot be running any more. The reversal row carries the till's
 * request id, so a retry of a call that died after the update answers it (`recover`).
 */
import type { RedemptionRowDTO } from '~types/vouchers'
import type { AttemptLog } from '../common/attempt-log'
import { CALL_LIMIT_MS } from '../common/claim-ledger'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import type { CampaignRepository } from './campaign.repository'
import type { MerchantRepository } from './merchant.repository'
import type { MoneyReturns } from './money-return.service'
import type { RedemptionRepository } from './redemption.repository'
import { reversalReturn, reversible } from './reversal.rules'
import { openMerchant, type TillCaller } from './till.service'
import type { RedemptionRowDoc, ReturningDoc, TillAttempt, VoucherDoc } from './vouchers.docs'
import { rowDTO } from './vouchers.dto'
import type { VoucherRepository } from './voucher.repository'

export interface ReversalDeps {
  clock: Clock
  campaigns: CampaignRepository
  vouchers: VoucherRepository
  merchants: MerchantRepository
  redemptions: RedemptionRepository
  returns: MoneyReturns
  attempts: AttemptLog<TillAttempt>
}

const reversalIdOf = (redemptionId: string) => `${redemptionId}-x`

export function createReversalService(d: ReversalDeps) {
  async function rowToReverse(
    merchantId: string,
    redemptionId: string,
    now: number,
    note: (voucherId: string) => void,
  ): Promise<RedemptionRowDoc> {
    const row = (await d.redemptions.get(redemptionId)) ?? fail('NOT_FOUND', 'redemptionId')
    if (row.merchantId !== merchantId) fail('FORBIDDEN')
    note(row.voucherId)
    if (row.type !== 'redeem' || row.reversedBy) fail('ALREADY_REVERSED')
    if (!reversible(row, await d.campaigns.get(row.campaignId), now)) fail('REVERSE_WINDOW_PASSED')
    return row
  }

  /**
   * Its voucher, with no return in flight. The redemption's own call has seconds to finish its return;
   * one that died longer ago than any call lives is finished here, under the lease, and the refund goes on.
   */
  async function settledVoucher(row: RedemptionRowDoc, now: number): Promise<VoucherDoc> {
    const v = (await d.vouchers.get(row.voucherId)) ?? fail('NOT_FOUND', 'redemptionId')
    if (!v.returning) return v
    if (!(await d.returns.takeOver(v, now - CALL_LIMIT_MS, now))) fail('CONFLICT')
    return (await d.vouchers.get(row.voucherId)) ?? fail('NOT_FOUND', 'redemptionId')
  }

  return {
    reverse(merchantId: string, redemptionId: string, who: TillCaller): Promise<RedemptionRowDTO> {
      const base: TillAttempt = { action: 'reverse', merchantId, staffOpenid: who.openid, till: '', billFen: null, voucherId: null }
      return d.attempts.record(base, async (note) => {
        await openMerchant(d.merchants, merchantId)
        const now = d.clock()
        const row = await rowToReverse(merchantId, redemptionId, now, (id) => (note.voucherId = id))
        const v = await settledVoucher(row, now)
        const rev: RedemptionRowDoc = {
          ...row,
          _id: reversalIdOf(row._id),
          type: 'reverse',
          at: now,
          staffOpenid: who.openid,
          reversedBy: null,
          requestId: who.requestId ?? null,
        }
        const returning: ReturningDoc = { ...reversalReturn(v, row, now), rows: [rev], reverses: row._id }
        if (!(await d.vouchers.markReversed(v, row._id, returning))) fail('ALREADY_REVERSED')
        await d.returns.finish(v, returning)
        return rowDTO(rev, false)
      })
    },

    /** A same-id retry: the reversal row its first call wrote, stored or still in flight on the voucher. */
    async recover(redemptionId: string, who: TillCaller): Promise<{ data: RedemptionRowDTO } | undefined> {
      if (!who.requestId) return undefined
      const mine = (r: RedemptionRowDoc | null | undefined) =>
        !!r && r._id === reversalIdOf(redemptionId) && r.requestId === who.requestId && r.staffOpenid === who.openid
      let rev = await d.redemptions.get(reversalIdOf(redemptionId))
      if (!mine(rev)) {
        const row = await d.redemptions.get(redemptionId)
        const v = row ? await d.vouchers.get(row.voucherId) : null
        rev = v?.returning?.rows?.find(mine) ?? null
      }
      return rev && mine(rev) ? { data: rowDTO(rev, false) } : undefined
    },
  }
}
