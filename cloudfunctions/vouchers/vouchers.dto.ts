/** Stored documents → what the client sees: whitelisted fields, never openids. */
import type { RedemptionRowDTO, VoucherDTO } from '~types/vouchers'
import { ruleText } from './pricing.rules'
import type { CampaignDoc, MerchantDoc, RedemptionRowDoc, VoucherDoc } from './vouchers.docs'

export function voucherDTO(v: VoucherDoc, c: CampaignDoc, merchants: MerchantDoc[]): VoucherDTO {
  const r = v.status === 'redeemed' ? v.redemption : null
  return {
    id: v._id,
    campaignId: c._id,
    campaignName: c.name,
    rule: c.rule,
    ruleText: ruleText(c.rule),
    status: v.status === 'pending' ? 'unused' : v.status,
    useStartsAt: v.useStartsAt,
    useEndsAt: v.useEndsAt,
    merchants: merchants.filter((m) => c.merchantIds.includes(m._id)).map((m) => ({ id: m._id, name: m.name, address: m.address })),
    claimedAt: v.claimedAt ?? v.pendingAt,
    redemption: r
      ? {
          id: r.rowId,
          at: r.at,
          merchantName: r.merchantName,
          till: r.till,
          billFen: r.billFen,
          deductionFen: r.voucherFen,
          modelWorkerFen: r.modelWorkerFen,
          payableFen: r.payableFen,
        }
      : null,
  }
}

export function rowDTO(r: RedemptionRowDoc, reversible: boolean): RedemptionRowDTO {
  return {
    id: r._id,
    type: r.type,
    voucherId: r.voucherId,
    campaignName: r.campaignName,
    at: r.at,
    till: r.till,
    memberMasked: r.memberMasked,
    billFen: r.billFen,
    unionFen: r.unionFen,
    merchantFen: r.merchantFen,
    reversible,
    reversed: !!r.reversedBy,
  }
}
