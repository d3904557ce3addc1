import type { ModelWorkerBonusDTO, VoucherRuleDTO } from '~types/vouchers'
import { yuan } from '~src/packages/vouchers/lib/money'

/** 95 → 95折, 80 → 8折 (as shops write them; the same words as the function's pricing.rules.ts). */
const zhe = (ratePercent: number) => `${ratePercent % 10 === 0 ? ratePercent / 10 : ratePercent}折`

export function ruleText(rule: VoucherRuleDTO): string {
  if (rule.kind === 'threshold') return `满${yuan(rule.thresholdFen).slice(1)}减${yuan(rule.amountFen).slice(1)}`
  if (rule.kind === 'discount') return `${zhe(rule.ratePercent)}（每次最多优惠${yuan(rule.capFen)}）`
  return `无门槛${yuan(rule.amountFen)}`
}

export function bonusText(b: ModelWorkerBonusDTO): string {
  return `劳模折上折 ${zhe(b.ratePercent)}（最多${yuan(b.capFen)}，${b.funder === 'union' ? '工会补贴' : '商户让利'}）`
}
