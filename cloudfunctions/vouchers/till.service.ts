/**
 * The till: scan → preview → redeem, and the day's rows. The voucher's own conditional update
 * (unused → redeemed, at its use count) decides which till wins; the loser is told when and where
 * it was redeemed, and the update also names the unused part of the reservation, which goes back
 * to the pool at once (money-return). The redemption carries the till's request id, so a retry of a
 * call that died after that update finds it and answers it (`recover`). Every attempt, accepted or
 * refused, goes to the attempt log for disputes.
 */
import type { PreviewDTO, RedemptionRowDTO } from '~types/vouchers'
import type { AttemptLog } from '../common/attempt-log'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import type { TokenService } from '../common/qr-token.service'
import { beijingClock } from '../common/time'
import type { CampaignRepository } from './campaign.repository'
import { codeSubject, tokenRefusal, voucherRefusal } from './code.rules'
import type { MerchantRepository } from './merchant.repository'
import type { MoneyReturns } from './money-return.service'
import { price, type Price, ruleText } from './pricing.rules'
import type { RedemptionRepository } from './redemption.repository'
import { reversible } from './reversal.rules'
import type { CampaignDoc, MerchantDoc, RedemptionFacts, RedemptionRowDoc, ReturningDoc, TillAttempt, VoucherDoc } from './vouchers.docs'
import { rowDTO } from './vouchers.dto'
import type { VoucherRepository } from './voucher.repository'

export interface TillDeps {
  clock: Clock
  tokens: TokenService
  kids: readonly string[]
  campaigns: CampaignRepository
  vouchers: VoucherRepository
  merchants: MerchantRepository
  redemptions: RedemptionRepository
  returns: MoneyReturns
  attempts: AttemptLog<TillAttempt>
}

/** Who is at the till: the cashier and the request id of this call. */
export interface TillCaller {
  openid: string
  requestId: string | undefined
}

export interface RedeemRequest {
  merchantId: string
  code: string
  billFen: number
  till: string
}

interface Scan {
  merchant: MerchantDoc
  voucher: VoucherDoc
  campaign: CampaignDoc
  nonce: string
}

function alreadyRedeemed(v: VoucherDoc): never {
  const r = v.redemption
  fail('VOUCHER_ALREADY_REDEEMED', undefined, r ? `已核销 ${beijingClock(r.at)} · ${r.till}` : undefined)
}

/** A merchant whose tills may act now: a suspended merchant's tills stop at once. */
export async function openMerchant(merchants: MerchantRepository, merchantId: string): Promise<MerchantDoc> {
  const m = (await merchants.get(merchantId)) ?? fail('NOT_FOUND', 'merchantId')
  if (m.suspended) fail('MERCHANT_SUSPENDED')
  return m
}

/** The row as its first call answered it: reversal comes later and does not change that answer. */
const firstAnswer = (row: RedemptionRowDoc, c: CampaignDoc | null): RedemptionRowDTO => {
  const first = { ...row, reversedBy: null }
  return rowDTO(first, reversible(first, c, row.at))
}

/** A redemption's row on the merchant's statement. */
function statementRow(s: Scan, f: RedemptionFacts): RedemptionRowDoc {
  const v = s.voucher
  return {
    _id: f.rowId,
    type: 'redeem',
    voucherId: v._id,
    campaignId: v.campaignId,
    campaignName: s.campaign.name,
    merchantId: f.merchantId,
    till: f.till,
    at: f.at,
    memberMasked: v.memberMasked,
    billFen: f.billFen,
    unionFen: f.unionFen,
    merchantFen: f.merchantFen,
    staffOpenid: f.staffOpenid,
    reversedBy: null,
    requestId: f.requestId,
  }
}

export function createTillService(d: TillDeps) {
  async function scan(
    staffOpenid: string,
    merchantId: string,
    code: string,
    note: (voucherId: string) => void = () => undefined,
  ): Promise<Scan> {
    const verified = d.tokens.verifyRotating(code, 'voucher')
    if (verified.ok) note(verified.claims.subject) // known before any refusal, so the attempt log names the voucher
    const merchant = await openMerchant(d.merchants, merchantId)
    const refusal = tokenRefusal(code, verified, d.kids)
    if (refusal || !verified.ok) fail(refusal ?? 'VOUCHER_CODE_FORGED')
    const voucher = (await d.vouchers.get(verified.claims.subject)) ?? fail('VOUCHER_CODE_FORGED')
    const campaign = (await d.campaigns.get(voucher.campaignId)) ?? fail('VOUCHER_CODE_FORGED')
    const status = voucher.status === 'pending' ? 'expired' : voucher.status
    const why = voucherRefusal(
      { ...voucher, status, merchantIds: campaign.merchantIds },
      verified.claims.nonce,
      merchantId,
      staffOpenid,
      d.clock(),
    )
    if (why === 'VOUCHER_ALREADY_REDEEMED') alreadyRedeemed(voucher)
    if (why) fail(why)
    return { merchant, voucher, campaign, nonce: verified.claims.nonce }
  }

  function priced(s: Scan, billFen: number): Price {
    const r = price(s.campaign.rule, s.campaign.modelWorkerBonus ?? null, s.voucher.modelWorker, billFen)
    if (!r.ok) fail('VOUCHER_BELOW_THRESHOLD', 'billFen', `消费金额未达到满减门槛（满 ¥${(r.thresholdFen / 100).toFixed(2)} 可用）`)
    return r.price
  }

  /** What one redemption writes: the voucher's facts, its statement row, and the unused part's return. */
  function redemption(s: Scan, p: Price, req: RedeemRequest, who: TillCaller) {
    const v = s.voucher
    const at = d.clock()
    const rowId = `${v._id}-${v.uses + 1}`
    const requestId = who.requestId ?? null
    const { steps: _shown, ...amounts } = p // the steps are shown at the till, not stored
    const { merchantId, till } = req
    const facts: RedemptionFacts = {
      ...amounts,
      rowId,
      at,
      merchantId,
      merchantName: s.merchant.name,
      till,
      staffOpenid: who.openid,
      requestId,
    }
    const row = statementRow(s, facts)
    const counters = { redeemed: 1, usedFen: p.unionFen }
    const returning: ReturningDoc = {
      key: `${v._id}:r${v.uses + 1}`,
      fen: v.reserveFen - p.unionFen,
      counters,
      at,
      reissue: false,
      rows: [row],
    }
    return { facts, row, returning }
  }

  /** The redemption this request id made on this voucher, stored or still in flight on the voucher. */
  async function rowOfRequest(v: VoucherDoc, who: TillCaller): Promise<RedemptionRowDoc | null> {
    const mine = (r: RedemptionRowDoc) => r.type === 'redeem' && r.requestId === who.requestId && r.staffOpenid === who.openid
    const inFlight = v.returning?.rows?.find(mine)
    if (inFlight) return inFlight
    const ids = Array.from({ length: v.uses }, (_x, i) => `${v._id}-${i + 1}`)
    return (await d.redemptions.many(ids)).find(mine) ?? null
  }

  return {
    async preview(staffOpenid: string, merchantId: string, code: string, billFen: number): Promise<PreviewDTO> {
      const s = await scan(staffOpenid, merchantId, code)
      const p = priced(s, billFen)
      return {
        voucherId: s.voucher._id,
        campaignName: s.campaign.name,
        ruleText: ruleText(s.campaign.rule),
        memberMasked: s.voucher.memberMasked,
        modelWorker: s.voucher.modelWorker && !!s.campaign.modelWorkerBonus,
        billFen,
        voucherFen: p.voucherFen,
        modelWorkerFen: p.modelWorkerFen,
        payableFen: p.payableFen,
        steps: p.steps,
      }
    },

    redeem(req: RedeemRequest, who: TillCaller): Promise<RedemptionRowDTO> {
      const base: TillAttempt = {
        action: 'redeem',
        merchantId: req.merchantId,
        staffOpenid: who.openid,
        till: req.till,
        billFen: req.billFen,
        voucherId: null,
      }
      return d.attempts.record(base, async (note) => {
        const s = await scan(who.openid, req.merchantId, req.code, (id) => (note.voucherId = id))
        const step = redemption(s, priced(s, req.billFen), req, who)
        if (!(await d.vouchers.markRedeemed(s.voucher, step.facts, s.nonce, step.returning))) {
          const now = await d.vouchers.get(s.voucher._id)
          if (now?.status === 'redeemed') alreadyRedeemed(now)
          fail('VOUCHER_NOT_USABLE')
        }
        // Its statement row, then what it does not use back to the pool at once (the sweeper finishes both after a crash).
        await d.returns.finish(s.voucher, step.returning)
        return firstAnswer(step.row, s.campaign)
      })
    },

    /** A same-id retry: the row its first call wrote (the code names the voucher; the row carries the request id). */
    async recoverRedeem(code: string, who: TillCaller): Promise<{ data: RedemptionRowDTO } | undefined> {
      const voucherId = who.requestId ? codeSubject(code) : null
      const v = voucherId ? await d.vouchers.get(voucherId) : null
      const row = v ? await rowOfRequest(v, who) : null
      return row ? { data: firstAnswer(row, await d.campaigns.get(row.campaignId)) } : undefined
    },

    async today(merchantId: string, from: number, to: number): Promise<RedemptionRowDTO[]> {
      const rows = (await d.redemptions.inPeriod(merchantId, from, to)).sort((a, b) => b.at - a.at)
      const now = d.clock()
      const out: RedemptionRowDTO[] = []
      for (const r of rows) out.push(rowDTO(r, reversible(r, await d.campaigns.get(r.campaignId), now)))
      return out
    },
  }
}
