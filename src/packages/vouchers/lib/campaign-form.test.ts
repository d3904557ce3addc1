import { EMPTY_FORM, toCampaignInput } from './campaign-form'

const now = 1_800_000_000_000

it('builds 南京市总工会 4 × 满50减40 for ¥2,000,000', () => {
  const r = toCampaignInput(
    {
      ...EMPTY_FORM,
      name: '职工消费券',
      funderName: '南京市总工会',
      perMember: '4',
      totalVouchers: '50000',
      budgetYuan: '2000000',
      merchantIds: ['m1'],
    },
    now,
  )
  expect(r).toMatchObject({
    ok: true,
    input: { rule: { kind: 'threshold', thresholdFen: 5000, amountFen: 4000 }, perMember: 4, budgetFen: 200_000_000 },
  })
})

it('names the first field to fix', () => {
  expect(toCampaignInput({ ...EMPTY_FORM, name: 'x', funderName: 'y', totalVouchers: '10', budgetYuan: '100' }, now)).toMatchObject({
    ok: false,
    field: 'merchantIds',
  })
  expect(toCampaignInput({ ...EMPTY_FORM, name: 'x', funderName: 'y', kind: 'discount', ratePercent: '100' }, now)).toMatchObject({
    ok: false,
    field: 'ratePercent',
  })
})
