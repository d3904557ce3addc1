import fc from 'fast-check'
import { applyPoolStep, emptyPool, poolProblems, poolStep, type PoolOp, type PoolState } from './budget.rules'

const R = 2000 // a 95折 voucher's cap

it('a claim reserves the cap, a redemption keeps what it used and returns the rest at once', () => {
  let s: PoolState | null = emptyPool(5000, 10)
  s = applyPoolStep(s, 'a', poolStep({ op: 'reserve', voucherId: 'a', reserveFen: R }))!
  s = applyPoolStep(s, 'b', poolStep({ op: 'reserve', voucherId: 'b', reserveFen: R }))!
  expect(applyPoolStep(s, 'c', poolStep({ op: 'reserve', voucherId: 'c', reserveFen: R }))).toBeNull() // 1000 left < 2000
  s = applyPoolStep(s, 'a', poolStep({ op: 'redeem', voucherId: 'a', reserveFen: R, unionFen: 430 }))!
  expect(s).toMatchObject({ budgetLeft: 2570, reserved: 2000, used: 430 })
  s = applyPoolStep(s, 'c', poolStep({ op: 'reserve', voucherId: 'c', reserveFen: R }))!
  expect(poolProblems(s)).toEqual([])
  expect(applyPoolStep(s, 'a', poolStep({ op: 'redeem', voucherId: 'a', reserveFen: R, unionFen: 430 }))).toBeNull() // twice: refused
})

type Status = 'none' | 'unused' | 'redeemed' | 'gone'

it('property: random claim / redeem / reverse / expire sequences keep the budget exact', () => {
  const op = fc.record({
    kind: fc.constantFrom('reserve', 'redeem', 'reverse', 'expire', 'abandon'),
    v: fc.integer({ min: 0, max: 7 }),
    used: fc.integer({ min: 0, max: R }),
  })
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 12_000 }),
      fc.integer({ min: 0, max: 6 }),
      fc.array(op, { maxLength: 60 }),
      (budget, count, ops) => {
        let s = emptyPool(budget, count)
        const status: Status[] = Array(8).fill('none')
        const usedOf: number[] = Array(8).fill(0)
        for (const o of ops) {
          const id = `v${o.v}`
          let p: PoolOp
          if (o.kind === 'reserve') p = { op: 'reserve', voucherId: id, reserveFen: R }
          else if (o.kind === 'redeem') p = { op: 'redeem', voucherId: id, reserveFen: R, unionFen: o.used }
          else if (o.kind === 'reverse')
            p =
              o.used % 2
                ? { op: 'reverseReissue', voucherId: id, reserveFen: R, unionFen: usedOf[o.v] }
                : { op: 'reverseRelease', voucherId: id, unionFen: usedOf[o.v] }
          else p = { op: o.kind as 'expire' | 'abandon', voucherId: id, reserveFen: R }
          // A voucher's _id is never reused once it is gone (the claim ledger's insert refuses it, not the pool).
          if (p.op === 'reserve' && status[o.v] === 'gone') continue
          const next = applyPoolStep(s, id, poolStep(p))
          const allowed: Record<PoolOp['op'], Status> = {
            reserve: 'none',
            redeem: 'unused',
            reverseReissue: 'redeemed',
            reverseRelease: 'redeemed',
            expire: 'unused',
            abandon: 'unused',
          }
          if (status[o.v] !== allowed[p.op] || (p.op === 'reserve' && (s.left < 1 || s.budgetLeft < R))) {
            expect(next).toBeNull()
            continue
          }
          if (!next) {
            expect(p.op).toBe('reverseReissue') // refused only for want of budget to re-reserve
            continue
          }
          s = next
          if (p.op === 'redeem') usedOf[o.v] = o.used
          status[o.v] = (
            {
              reserve: 'unused',
              redeem: 'redeemed',
              reverseReissue: 'unused',
              reverseRelease: 'gone',
              expire: 'gone',
              abandon: 'none',
            } as const
          )[p.op]
          expect(poolProblems(s)).toEqual([])
          expect(s.used).toBe(status.reduce((a, st, i) => a + (st === 'redeemed' ? usedOf[i] : 0), 0))
          expect(s.reserved).toBe(status.filter((st) => st === 'unused').length * R)
          expect(s.claimed).toBe(status.filter((st) => st !== 'none').length)
        }
      },
    ),
  )
})
