/**
 * The till: scan → preview → redeem, and reversals. The voucher's own
 * conditional update (unused → redeemed) decides which till wins; the loser is
 * told when and where it was redeemed, and the update also names the unused
 * part of the reservation, which goes back to the pool at once (money-return). Every redeem and reverse attempt, accepted or
 * refused, is logged with its outcome for disputes.
 */
import type { PreviewDTO, RedemptionRowDTO } from '../../types/vouchers'
import type { CallerAccount } from '../common/auth'
import type { Clock } from '../common/clock'
import { CALL_LIMIT_MS } from '../common/claim-ledger'
import { AppError, fail } from '../common/errors'
import type { TokenService } from '../common/qr-token.service'
import { beijingClock } from '../common/time'
import type { CampaignRepository } from './campaign.repository'
import { tokenRefusal, voucherRefusal } from './code.rules'
import type { createMerchantRepository } from './merchant.repository'
import type { MoneyReturns } from './money-return.service'
import { price, ruleText } from './pricing.rules'
import type { RedemptionRepository } from './redemption.repository'
import { merchantAccess } from './staff.rules'
import type { CampaignDoc, MerchantDoc, RedemptionRowDoc, ReturningDoc, VoucherDoc } from './vouchers.docs'
import { rowDTO } from './vouchers.dto'
import type { VoucherRepository } from './voucher.repository'

export interface TillDeps {
  clock: Clock
  tokens: TokenService
  kids: readonly string[]
  campaigns: CampaignRepository
  vouchers: VoucherRepository
  merchants: ReturnType<typeof createMerchantRepository>
  redemptions: RedemptionRepository
  returns: MoneyReturns
}

interface Scan {
  merchant: MerchantDoc
  voucher: VoucherDoc
  campaign: CampaignDoc
  nonce: string
}

export function alreadyRedeemed(v: VoucherDoc): never {
  const r = v.redemption
  fail('VOUCHER_ALREADY_REDEEMED', undefined, r ? `已核销 ${beijingClock(r.at)} · ${r.till}` : undefined)
}

export function createTillService(d: TillDeps) {
  async function merchantFor(account: CallerAccount, merchantId: string): Promise<MerchantDoc> {
    if (merchantAccess(account.roles, merchantId) === 'none') fail('FORBIDDEN')
    const m = (await d.merchants.get(merchantId)) ?? fail('NOT_FOUND', 'merchantId')
    if (m.suspended) fail('MERCHANT_SUSPENDED')
    return m
  }

  async function scan(account: CallerAccount, merchantId: string, code: string, note: (voucherId: string) => void = () => undefined): Promise<Scan> {
    const verified = d.tokens.verifyRotating(code, 'voucher')
    if (verified.ok) note(verified.claims.subject) // known before any refusal, so the attempt log names the voucher
    const merchant = await merchantFor(account, merchantId)
    const refusal = tokenRefusal(code, verified, d.kids)
    if (refusal || !verified.ok) fail(refusal ?? 'VOUCHER_CODE_FORGED')
    const voucher = (await d.vouchers.get(verified.claims.subject)) ?? fail('VOUCHER_CODE_FORGED')
    const campaign = (await d.campaigns.get(voucher.campaignId)) ?? fail('VOUCHER_CODE_FORGED')
    const why = voucherRefusal({ ...voucher, status: voucher.status === 'pending' ? 'expired' : voucher.status, merchantIds: campaign.merchantIds }, verified.claims.nonce, merchantId, account.openid, d.clock())
    if (why === 'VOUCHER_ALREADY_REDEEMED') alreadyRedeemed(voucher)
    if (why) fail(why)
    return { merchant, voucher, campaign, nonce: verified.claims.nonce }
  }

  function priced(s: Scan, billFen: number) {
    const r = price(s.campaign.rule, s.campaign.modelWorkerBonus ?? null, s.voucher.modelWorker, billFen)
    if (!r.ok) fail('VOUCHER_BELOW_THRESHOLD', 'billFen', `消费金额未达到满减门槛（满 ¥${(r.thresholdFen / 100).toFixed(2)} 可用）`)
    return r.price
  }

  async function logged<T>(base: { action: 'redeem' | 'reverse'; merchantId: string; staffOpenid: string; till: string; billFen: number | null }, run: (note: (voucherId: string) => void) => Promise<T>): Promise<T> {
    let voucherId: string | null = null
    const log = (outcome: string) => d.redemptions.logAttempt({ ...base, at: d.clock(), voucherId, outcome }).catch((e) => console.error('[vouchers] attempt log:', e))
    try {
      const out = await run((id) => (voucherId = id))
      await log('OK')
      return out
    } catch (e) {
      await log(e instanceof AppError ? e.code : 'INTERNAL')
      throw e
    }
  }

  /**
   * The deduction goes back; while it can still be used the voucher goes back to the member too,
   * its full reservation taken again in the same step (or, if that no longer fits, only the return).
   */
  function reversal(v: VoucherDoc, row: RedemptionRowDoc, now: number): ReturningDoc {
    const counters = { redeemed: -1, reversed: 1, usedFen: -row.unionFen }
    const key = `${v._id}:x${v.uses}`
    if (now >= v.useEndsAt) return { key, fen: row.unionFen, counters, at: now, reissue: false }
    return { key, fen: row.unionFen - v.reserveFen, counters, at: now, reissue: true, fallback: { fen: row.unionFen, counters } }
  }

  const reversible = (r: RedemptionRowDoc, c: CampaignDoc | null, now: number) => r.type === 'redeem' && !r.reversedBy && !!c && now < r.at + c.reverseWindowMinutes * 60_000

  return {
    async preview(account: CallerAccount, merchantId: string, code: string, billFen: number): Promise<PreviewDTO> {
      const s = await scan(account, merchantId, code)
      const p = priced(s, billFen)
      return {
        voucherId: s.voucher._id, campaignName: s.campaign.name, ruleText: ruleText(s.campaign.rule), memberMasked: s.voucher.memberMasked,
        modelWorker: s.voucher.modelWorker && !!s.campaign.modelWorkerBonus, billFen, voucherFen: p.voucherFen, modelWorkerFen: p.modelWorkerFen, payableFen: p.payableFen, steps: p.steps,
      }
    },

    redeem(account: CallerAccount, merchantId: string, code: string, billFen: number, till: string): Promise<RedemptionRowDTO> {
      return logged({ action: 'redeem', merchantId, staffOpenid: account.openid, till, billFen }, async (note) => {
        const s = await scan(account, merchantId, code, note)
        const p = priced(s, billFen)
        const v = s.voucher
        const now = d.clock()
        const rowId = `${v._id}-${v.uses + 1}`
        const facts = { rowId, at: now, merchantId, merchantName: s.merchant.name, till, staffOpenid: account.openid, billFen, voucherFen: p.voucherFen, modelWorkerFen: p.modelWorkerFen, payableFen: p.payableFen, unionFen: p.unionFen, merchantFen: p.merchantFen }
        const row: RedemptionRowDoc = { _id: rowId, type: 'redeem', voucherId: v._id, campaignId: v.campaignId, campaignName: s.campaign.name, merchantId, till, at: now, memberMasked: v.memberMasked, billFen, unionFen: p.unionFen, merchantFen: p.merchantFen, staffOpenid: account.openid, reversedBy: null }
        const returning: ReturningDoc = { key: `${v._id}:r${v.uses + 1}`, fen: v.reserveFen - p.unionFen, counters: { redeemed: 1, usedFen: p.unionFen }, at: now, reissue: false, rows: [row] }
        if (!(await d.vouchers.markRedeemed(v, facts, s.nonce, returning))) {
          const now2 = await d.vouchers.get(v._id)
          if (now2?.status === 'redeemed') alreadyRedeemed(now2)
          fail('VOUCHER_NOT_USABLE')
        }
        // Its statement row, then what it does not use back to the pool at once (the sweeper finishes both after a crash).
        await d.returns.finish(v, returning)
        return rowDTO(row, reversible(row, s.campaign, now))
      })
    },

    reverse(account: CallerAccount, merchantId: string, redemptionId: string): Promise<RedemptionRowDTO> {
      return logged({ action: 'reverse', merchantId, staffOpenid: account.openid, till: '', billFen: null }, async (note) => {
        await merchantFor(account, merchantId)
        const row = (await d.redemptions.get(redemptionId)) ?? fail('NOT_FOUND', 'redemptionId')
        if (row.merchantId !== merchantId) fail('FORBIDDEN')
        note(row.voucherId)
        if (row.type !== 'redeem' || row.reversedBy) fail('ALREADY_REVERSED')
        const c = await d.campaigns.get(row.campaignId)
        const now = d.clock()
        if (!reversible(row, c, now)) fail('REVERSE_WINDOW_PASSED')
        let v = (await d.vouchers.get(row.voucherId)) ?? fail('NOT_FOUND', 'redemptionId')
        if (v.returning) {
          // Its last step is still returning money. Its own call has seconds to finish it; a call that
          // died longer ago than any call lives is finished here, under the lease, and the refund goes on.
          if (!(await d.returns.takeOver(v, now - CALL_LIMIT_MS, now))) fail('CONFLICT')
          v = (await d.vouchers.get(row.voucherId)) ?? fail('NOT_FOUND', 'redemptionId')
        }
        const rev: RedemptionRowDoc = { ...row, _id: `${row._id}-x`, type: 'reverse', at: now, staffOpenid: account.openid, reversedBy: null }
        const returning: ReturningDoc = { ...reversal(v, row, now), rows: [rev], reverses: row._id }
        if (!(await d.vouchers.markReversed(v, row._id, returning))) fail('ALREADY_REVERSED')
        await d.returns.finish(v, returning)
        return rowDTO(rev, false)
      })
    },

    async today(account: CallerAccount, merchantId: string, from: number, to: number): Promise<RedemptionRowDTO[]> {
      if (merchantAccess(account.roles, merchantId) === 'none') fail('FORBIDDEN')
      const rows = (await d.redemptions.inPeriod(merchantId, from, to)).sort((a, b) => b.at - a.at)
      const now = d.clock()
      const out: RedemptionRowDTO[] = []
      for (const r of rows) out.push(rowDTO(r, reversible(r, await d.campaigns.get(r.campaignId), now)))
      return out
    },
  }
}
