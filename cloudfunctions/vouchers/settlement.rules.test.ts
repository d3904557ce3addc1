import fc from 'fast-check'
import { statementDigest, statementTotals, type StatementRow } from './settlement.rules'

const rowArb = fc.record({
  id: fc.hexaString({ minLength: 4, maxLength: 8 }),
  type: fc.constantFrom('redeem' as const, 'reverse' as const),
  at: fc.integer({ min: 0, max: 1e12 }),
  till: fc.constantFrom('1号收银台', '2号收银台'),
  memberMasked: fc.constantFrom('张**', '李*'),
  billFen: fc.nat(100_000),
  unionFen: fc.nat(5_000),
  merchantFen: fc.nat(1_000),
})

it('totals: redemptions minus reversals', () => {
  const rows: StatementRow[] = [
    { id: 'a', type: 'redeem', at: 1, till: '1号', memberMasked: '张**', billFen: 8600, unionFen: 838, merchantFen: 0 },
    { id: 'b', type: 'reverse', at: 2, till: '1号', memberMasked: '张**', billFen: 8600, unionFen: 838, merchantFen: 0 },
    { id: 'c', type: 'redeem', at: 3, till: '2号', memberMasked: '李*', billFen: 5000, unionFen: 250, merchantFen: 10 },
  ]
  expect(statementTotals(rows)).toEqual({ redemptions: 2, reversals: 1, billFen: 5000, unionFen: 250, merchantFen: 10 })
})

it('property: changing any field of any row changes the digest; order of input does not', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(rowArb, { minLength: 1, maxLength: 10, selector: (r) => r.id }),
      fc.nat(),
      fc.constantFrom('billFen', 'unionFen', 'merchantFen', 'at', 'till', 'type', 'memberMasked'),
      (rows, pick, field) => {
        const d = statementDigest('m1|day|2027-03-08', rows)
        expect(statementDigest('m1|day|2027-03-08', [...rows].reverse())).toBe(d)
        const i = pick % rows.length
        const changed = rows.map((r, j) => {
          if (j !== i) return r
          const v = r[field as keyof StatementRow]
          const nv = typeof v === 'number' ? v + 1 : field === 'type' ? (v === 'redeem' ? 'reverse' : 'redeem') : `${v}x`
          return { ...r, [field]: nv }
        })
        expect(statementDigest('m1|day|2027-03-08', changed)).not.toBe(d)
      },
    ),
  )
})
