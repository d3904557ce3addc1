import fc from 'fast-check'
import type { ModelWorkerBonusDTO, VoucherRuleDTO } from '~types/vouchers'
import { maxUnionFen, price, ruleText } from './pricing.rules'

const off95: VoucherRuleDTO = { kind: 'discount', ratePercent: 95, capFen: 2000 }
const bonus: ModelWorkerBonusDTO = { ratePercent: 95, capFen: 1000, funder: 'union' }

function ok(r: ReturnType<typeof price>) {
  if (!r.ok) throw new Error(r.code)
  return r.price
}

it('95折 on ¥86.00 deducts ¥4.30; 劳模 95折 on the ¥81.70 left deducts ¥4.08 (rounded down)', () => {
  const p = ok(price(off95, bonus, true, 8600))
  expect(p).toMatchObject({ voucherFen: 430, modelWorkerFen: 408, payableFen: 7762, unionFen: 838, merchantFen: 0 })
  expect(p.steps[0]).toContain('95折')
  expect(p.steps[1]).toContain('劳模')
})

it('a merchant-funded 劳模 extra is the merchant’s, not the budget’s', () => {
  const p = ok(price(off95, { ...bonus, funder: 'merchant' }, true, 8600))
  expect(p).toMatchObject({ unionFen: 430, merchantFen: 408 })
  expect(maxUnionFen(off95, { ...bonus, funder: 'merchant' }, true)).toBe(2000)
})

it('no 劳模 extra for other members', () => {
  expect(ok(price(off95, bonus, false, 8600))).toMatchObject({ modelWorkerFen: 0, payableFen: 8170 })
})

it('满50减40 only at or above ¥50', () => {
  const rule: VoucherRuleDTO = { kind: 'threshold', thresholdFen: 5000, amountFen: 4000 }
  expect(price(rule, null, false, 4999)).toEqual({ ok: false, code: 'VOUCHER_BELOW_THRESHOLD', thresholdFen: 5000 })
  expect(ok(price(rule, null, false, 5000))).toMatchObject({ voucherFen: 4000, payableFen: 1000 })
  expect(ruleText(rule)).toBe('满50减40')
})

it('无门槛 never deducts more than the bill', () => {
  expect(ok(price({ kind: 'fixed', amountFen: 1000 }, bonus, true, 600))).toMatchObject({
    voucherFen: 600,
    modelWorkerFen: 0,
    payableFen: 0,
  })
})

const ruleArb: fc.Arbitrary<VoucherRuleDTO> = fc.oneof(
  fc.record({
    kind: fc.constant('threshold' as const),
    thresholdFen: fc.integer({ min: 0, max: 100_000 }),
    amountFen: fc.integer({ min: 1, max: 100_000 }),
  }),
  fc.record({
    kind: fc.constant('discount' as const),
    ratePercent: fc.integer({ min: 1, max: 99 }),
    capFen: fc.integer({ min: 1, max: 100_000 }),
  }),
  fc.record({ kind: fc.constant('fixed' as const), amountFen: fc.integer({ min: 1, max: 100_000 }) }),
)
const bonusArb = fc.option(
  fc.record({
    ratePercent: fc.integer({ min: 1, max: 99 }),
    capFen: fc.integer({ min: 0, max: 50_000 }),
    funder: fc.constantFrom('union' as const, 'merchant' as const),
  }),
  { nil: null },
)

it('property: integer fen, never above the bill, parts add up, union share within the reservation', () => {
  fc.assert(
    fc.property(ruleArb, bonusArb, fc.boolean(), fc.integer({ min: 0, max: 10_000_000 }), (rule, b, mw, bill) => {
      const r = price(rule, b, mw, bill)
      if (!r.ok) return rule.kind === 'threshold' && bill < rule.thresholdFen
      const p = r.price
      for (const v of [p.voucherFen, p.modelWorkerFen, p.payableFen, p.unionFen, p.merchantFen])
        expect(Number.isInteger(v) && v >= 0).toBe(true)
      expect(p.voucherFen + p.modelWorkerFen + p.payableFen).toBe(bill)
      expect(p.unionFen + p.merchantFen).toBe(p.voucherFen + p.modelWorkerFen)
      expect(p.unionFen).toBeLessThanOrEqual(maxUnionFen(rule, b, mw))
      if (rule.kind === 'discount') expect(p.voucherFen).toBe(Math.min(Math.floor((bill * (100 - rule.ratePercent)) / 100), rule.capFen))
      return true
    }),
  )
})
