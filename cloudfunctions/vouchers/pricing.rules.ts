/**
 * What a voucher deducts from a bill, in integer fen. The order is fixed and
 * shown at the till: the voucher first, then the 劳模 折上折 on what is left.
 * Every percentage deduction is rounded DOWN to the fen (the member never gets
 * more than the rule says), and no step deducts more than is left to pay, so
 * the payable amount is never negative.
 */
import type { Funder, ModelWorkerBonusDTO, VoucherRuleDTO } from '~types/vouchers'

export interface Price {
  billFen: number
  voucherFen: number
  modelWorkerFen: number
  payableFen: number
  /** What the union's campaign budget pays (voucher + a union-funded 劳模 extra). */
  unionFen: number
  /** What the merchant gives up (a merchant-funded 劳模 extra). */
  merchantFen: number
  steps: string[]
}

export type PriceResult = { ok: true; price: Price } | { ok: false; code: 'VOUCHER_BELOW_THRESHOLD'; thresholdFen: number }

export function yuan(fen: number): string {
  const s = (fen / 100).toFixed(2)
  return `¥${s.endsWith('.00') ? s.slice(0, -3) : s}`
}

/** A sum as the till shows every sum: always two decimals (¥40.00), so the steps read like the totals beside them. */
export function money(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`
}

/** 95 → 95折, 88 → 88折, 80 → 8折 (as shops write them). */
function zhe(ratePercent: number): string {
  return `${ratePercent % 10 === 0 ? ratePercent / 10 : ratePercent}折`
}

export function ruleText(rule: VoucherRuleDTO): string {
  if (rule.kind === 'threshold') return `满${yuan(rule.thresholdFen).slice(1)}减${yuan(rule.amountFen).slice(1)}`
  if (rule.kind === 'discount') return `${zhe(rule.ratePercent)}（每次最多优惠${yuan(rule.capFen)}）`
  return `无门槛${yuan(rule.amountFen)}`
}

export function bonusText(b: ModelWorkerBonusDTO): string {
  const who: Record<Funder, string> = { union: '工会补贴', merchant: '商户让利' }
  return `劳模折上折 ${zhe(b.ratePercent)}（最多${yuan(b.capFen)}，${who[b.funder]}）`
}

/** floor(amount × (100 − rate) / 100) in integers: no floating point near money. */
function percentOff(amountFen: number, ratePercent: number): number {
  return Math.floor((amountFen * (100 - ratePercent)) / 100)
}

function voucherPart(rule: VoucherRuleDTO, bill: number): number {
  if (rule.kind === 'discount') return Math.min(percentOff(bill, rule.ratePercent), rule.capFen, bill)
  return Math.min(rule.amountFen, bill)
}

/** The most a voucher can ever cost the union: what claiming it reserves from the budget. */
export function maxUnionFen(rule: VoucherRuleDTO, bonus: ModelWorkerBonusDTO | null, modelWorker: boolean): number {
  const v = rule.kind === 'discount' ? rule.capFen : rule.amountFen
  return v + (modelWorker && bonus && bonus.funder === 'union' ? bonus.capFen : 0)
}

export function price(rule: VoucherRuleDTO, bonus: ModelWorkerBonusDTO | null, modelWorker: boolean, billFen: number): PriceResult {
  if (rule.kind === 'threshold' && billFen < rule.thresholdFen)
    return { ok: false, code: 'VOUCHER_BELOW_THRESHOLD', thresholdFen: rule.thresholdFen }
  const voucherFen = voucherPart(rule, billFen)
  const rest = billFen - voucherFen
  const steps = [`① 消费券 ${ruleText(rule)}：减 ${money(voucherFen)}`]
  let modelWorkerFen = 0
  if (modelWorker && bonus) {
    modelWorkerFen = Math.min(percentOff(rest, bonus.ratePercent), bonus.capFen, rest)
    steps.push(`② ${bonusText(bonus)}，按券后 ${money(rest)} 计：减 ${money(modelWorkerFen)}`)
  }
  // What she pays is the till's big 应收 line, not a step.
  const payableFen = rest - modelWorkerFen
  const bonusByMerchant = bonus?.funder === 'merchant'
  return {
    ok: true,
    price: {
      billFen,
      voucherFen,
      modelWorkerFen,
      payableFen,
      unionFen: voucherFen + (bonusByMerchant ? 0 : modelWorkerFen),
      merchantFen: bonusByMerchant ? modelWorkerFen : 0,
      steps,
    },
  }
}
