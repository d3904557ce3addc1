/**
 * The budget reservation model of one voucher pool, as a specification: a
 * claimed voucher is always honoured, so claiming reserves the most it can cost
 * the union; a redemption keeps what it used and gives the rest back at once; a
 * reversal and an expiry give back what the voucher held. Invariant:
 * budgetLeft + reserved + used = budget, each ≥ 0.
 *
 * The service does not run this code: it keeps the same books on the pool
 * document with the kit's place store, but the per-voucher state lives on the
 * voucher (its status and `reserveFen`), the pool listing only steps in flight
 * (voucher.repository.ts, money-return.service.ts). This in-memory model pins
 * down the arithmetic each step must do (the property test runs random
 * sequences over it); test/integration/vouchers-till.test.ts runs the same kind
 * of sequences against the real function and checks the same invariant there.
 */
export type Holder = { r: number } | { u: number }

export interface PoolCounters {
  left: number
  budgetLeft: number
  reserved: number
  used: number
  claimed: number
  redeemed: number
  reversed: number
  expired: number
}

export interface PoolState extends PoolCounters {
  budgetFen: number
  holders: Record<string, Holder>
}

export type PoolOp =
  | { op: 'reserve'; voucherId: string; reserveFen: number }
  | { op: 'redeem'; voucherId: string; reserveFen: number; unionFen: number }
  /** Back to the member: the voucher holds its full reservation again. */
  | { op: 'reverseReissue'; voucherId: string; reserveFen: number; unionFen: number }
  /** Refund without giving the voucher back (use window over, or not enough budget to re-reserve). */
  | { op: 'reverseRelease'; voucherId: string; unionFen: number }
  | { op: 'expire'; voucherId: string; reserveFen: number }
  /** A claim that never finished: its reservation and its count go back. */
  | { op: 'abandon'; voucherId: string; reserveFen: number }

export interface PoolStep {
  /** The holder entry must be absent, or hold exactly this. */
  holderIs: Holder | 'absent'
  /** Counters that must be at least these before the change. */
  atLeast: Partial<PoolCounters>
  inc: Partial<PoolCounters>
  /** The voucher's holder entry afterwards (null: removed). */
  holderAfter: Holder | null
}

type ReservationOp = Extract<PoolOp, { op: 'reserve' | 'expire' | 'abandon' }>
type UseOp = Exclude<PoolOp, ReservationOp>

export function poolStep(o: PoolOp): PoolStep {
  return o.op === 'reserve' || o.op === 'expire' || o.op === 'abandon' ? reservationStep(o) : useStep(o)
}

/** A reservation taken, or given back unused. */
function reservationStep(o: ReservationOp): PoolStep {
  switch (o.op) {
    case 'reserve':
      return {
        holderIs: 'absent',
        atLeast: { left: 1, budgetLeft: o.reserveFen },
        inc: { left: -1, budgetLeft: -o.reserveFen, reserved: o.reserveFen, claimed: 1 },
        holderAfter: { r: o.reserveFen },
      }
    case 'expire':
      return {
        holderIs: { r: o.reserveFen },
        atLeast: {},
        inc: { reserved: -o.reserveFen, budgetLeft: o.reserveFen, expired: 1 },
        holderAfter: null,
      }
    case 'abandon':
      return {
        holderIs: { r: o.reserveFen },
        atLeast: {},
        inc: { reserved: -o.reserveFen, budgetLeft: o.reserveFen, left: 1, claimed: -1 },
        holderAfter: null,
      }
  }
}

/** A reservation used at the till, or a use reversed. */
function useStep(o: UseOp): PoolStep {
  switch (o.op) {
    case 'redeem':
      return {
        holderIs: { r: o.reserveFen },
        atLeast: {},
        inc: { reserved: -o.reserveFen, used: o.unionFen, budgetLeft: o.reserveFen - o.unionFen, redeemed: 1 },
        holderAfter: { u: o.unionFen },
      }
    case 'reverseReissue':
      return {
        holderIs: { u: o.unionFen },
        atLeast: { budgetLeft: o.reserveFen - o.unionFen },
        inc: { used: -o.unionFen, reserved: o.reserveFen, budgetLeft: o.unionFen - o.reserveFen, redeemed: -1, reversed: 1 },
        holderAfter: { r: o.reserveFen },
      }
    case 'reverseRelease':
      return {
        holderIs: { u: o.unionFen },
        atLeast: {},
        inc: { used: -o.unionFen, budgetLeft: o.unionFen, redeemed: -1, reversed: 1 },
        holderAfter: null,
      }
  }
}

function sameHolder(a: Holder | undefined, b: Holder | 'absent'): boolean {
  if (b === 'absent') return a === undefined
  if (!a) return false
  return 'r' in b ? 'r' in a && a.r === b.r : 'u' in a && a.u === b.u
}

/** The in-memory twin of the repository's conditional update: the new state, or null when refused. */
export function applyPoolStep(s: PoolState, voucherId: string, step: PoolStep): PoolState | null {
  if (!sameHolder(s.holders[voucherId], step.holderIs)) return null
  for (const [k, min] of Object.entries(step.atLeast) as [keyof PoolCounters, number][]) if (s[k] < min) return null
  const next: PoolState = { ...s, holders: { ...s.holders } }
  for (const [k, d] of Object.entries(step.inc) as [keyof PoolCounters, number][]) next[k] += d
  if (step.holderAfter) next.holders[voucherId] = step.holderAfter
  else delete next.holders[voucherId]
  return next
}

export function emptyPool(budgetFen: number, vouchers: number): PoolState {
  return {
    budgetFen,
    left: vouchers,
    budgetLeft: budgetFen,
    reserved: 0,
    used: 0,
    claimed: 0,
    redeemed: 0,
    reversed: 0,
    expired: 0,
    holders: {},
  }
}

/** What must hold of any pool at any moment (used by unit, property and integration tests). */
export function poolProblems(s: PoolState): string[] {
  const problems: string[] = []
  const hs = Object.values(s.holders)
  const sumR = hs.reduce((a, h) => a + ('r' in h ? h.r : 0), 0)
  const sumU = hs.reduce((a, h) => a + ('u' in h ? h.u : 0), 0)
  if (s.reserved !== sumR) problems.push(`reserved ${s.reserved} ≠ holders ${sumR}`)
  if (s.used !== sumU) problems.push(`used ${s.used} ≠ holders ${sumU}`)
  if (s.budgetLeft + s.reserved + s.used !== s.budgetFen) problems.push('budgetLeft + reserved + used ≠ budget')
  if (s.budgetLeft < 0 || s.left < 0) problems.push('a counter below zero')
  if (s.used + s.reserved > s.budgetFen) problems.push('used + reserved > budget')
  return problems
}
