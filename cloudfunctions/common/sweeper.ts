/**
 * One sweeper for every bounded resource, with one stale-claim rule
 * (STALE_CLAIM_MS in claim-ledger.ts). People resolve their own dead claims
 * when they come back (claim-ledger.ts); the sweeper returns what nobody came
 * back for. Safe at any time and concurrently with live claims: a hold is
 * released only when its claim is gone, given back, no longer names it, or
 * pending past the stale rule; a confirmed claim's settled hold is unlisted.
 * Services register their tasks; CloudBase's timer trigger runs `sweep` every
 * minute (and officers may run it).
 */
import { type ClaimDoc, type ClaimLedger, type Hold, STALE_CLAIM_MS } from './claim-ledger'
import type { Db } from './db'
import { sweepExpiredRequests } from './idempotency'
import type { PlaceStore, StoredHolder } from './place-store'

export interface SweepTask {
  name: string
  /** Answers how many holds it gave back. */
  run(now: number): Promise<number>
}

export interface HolderSweep<D extends ClaimDoc> {
  store: PlaceStore
  docId: string
  ledger: ClaimLedger<D>
  /** The ledger id a holder belongs to; null: not a claim of this ledger (left alone). */
  claimOf(key: string, holder: StoredHolder): string | null
  /** The holds the claim names (the ledger's `holdsOf`). */
  holdsOf(doc: D): Hold[]
  /** Whether the claim is live (pending) or final (confirmed, booked …) as opposed to given back. */
  stateOf(doc: D): 'pending' | 'final' | 'gone'
}

/** Reconciles one resource document's holders with their claims; answers how many it gave back. */
export async function sweepHolders<D extends ClaimDoc>(s: HolderSweep<D>, now: number): Promise<number> {
  let released = 0
  for (const [key, holder] of Object.entries(await s.store.holders(s.docId))) {
    const claimId = s.claimOf(key, holder)
    if (claimId === null) continue
    const claim = await s.ledger.get(claimId)
    const hold = claim ? s.holdsOf(claim).find((h) => h.docId === s.docId && h.key === key) : undefined
    const state = claim && hold ? s.stateOf(claim) : 'gone'
    if (state === 'final') {
      if (hold?.settle) await s.store.settle(s.docId, key)
    } else if (state === 'pending') {
      if (now - claim!.pendingAt > STALE_CLAIM_MS && (await s.ledger.abandon(claim!))) released++
    } else if (
      await s.store.release(s.docId, key, { amount: holder.n === 1 ? undefined : holder.n, counters: holder.cn, bounded: !holder.ub })
    ) {
      released++
    }
  }
  return released
}

/** Runs every task; one failing task does not stop the others (the next tick retries it). */
export async function runSweep(tasks: SweepTask[], now: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of tasks) {
    try {
      out[t.name] = await t.run(now)
    } catch (err) {
      console.error(`[sweeper] ${t.name}:`, err)
      out[t.name] = 0
    }
  }
  return out
}

/** The kit's own task, which every function's sweep registers: request markers past their time go (idempotency.ts). */
export function expiredRequestsTask(db: Db): SweepTask {
  return { name: 'expired-requests', run: (now) => sweepExpiredRequests(db, now) }
}
