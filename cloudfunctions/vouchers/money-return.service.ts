/**
 * Returning money to a pool after its voucher's state changed (unused part at
 * redemption, reversal, expiry). The voucher's own conditional update decides
 * and names the return (`returning`); then ONE pool update applies it under a
 * transient key (idempotent: the key is noted), the voucher records it done,
 * and the pool drops the note. So the pool never keeps an entry per live
 * voucher, and a crash anywhere leaves a step the sweeper can finish:
 * key noted → finish; key absent and the voucher still returning → apply.
 */
import type { CampaignRepository } from './campaign.repository'
import type { RedemptionRepository } from './redemption.repository'
import type { ReturningDoc, VoucherDoc } from './vouchers.docs'
import type { VoucherRepository } from './voucher.repository'

export function createMoneyReturns(campaigns: CampaignRepository, vouchers: VoucherRepository, redemptions: RedemptionRepository) {
  const store = campaigns.budgetStore

  /** Steps 2–4 for a voucher whose `returning` is `r`. Only its own call, or whoever holds the lease on it (`takeOver`), runs this. */
  async function finish(v: Pick<VoucherDoc, '_id' | 'poolId'>, r: ReturningDoc): Promise<void> {
    for (const row of r.rows ?? []) await redemptions.insertOnce(row) // idempotent by row id
    if (r.reverses && r.rows?.[0]) await redemptions.markReversed(r.reverses, r.rows[0]._id)
    if (!(await store.adjustOnce(v.poolId, r.key, r.fen, r.counters))) {
      const noted = Object.hasOwn(await store.adjustments(v.poolId), r.key)
      if (!noted) {
        // Refused, not applied before: a reissue whose reservation no longer fits returns only the deduction.
        if (!r.fallback) throw new Error(`return ${r.key} refused`)
        const plain: ReturningDoc = {
          key: `${r.key}p`,
          fen: r.fallback.fen,
          counters: r.fallback.counters,
          at: r.at,
          reissue: false,
          rows: r.rows,
          reverses: r.reverses,
        }
        if (await vouchers.fallBack(v._id, r, plain)) return finish(v, plain)
        return // someone else moved it on: they finish it
      }
    }
    await vouchers.returnDone(v._id, r)
    await store.forgetAdjust(v.poolId, r.key)
  }

  /**
   * Finishes a return whose call died (started before `staleBefore`): takes the lease first, so
   * a till and the sweeper (or two tills) never both run it. false when it is not stale, or
   * somebody else took it.
   */
  async function takeOver(v: Pick<VoucherDoc, '_id' | 'poolId' | 'returning'>, staleBefore: number, now: number): Promise<boolean> {
    if (!v.returning || v.returning.at >= staleBefore) return false
    const leased = await vouchers.leaseReturn(v._id, v.returning, now)
    if (!leased) return false
    await finish(v, leased)
    return true
  }

  /** The sweeper's part for one pool: notes whose voucher is done are dropped, stale ones finished. */
  async function sweepPool(poolId: string, staleBefore: number, now: number): Promise<number> {
    const keys = Object.keys(await store.adjustments(poolId))
    if (!keys.length) return 0
    const byId = new Map((await vouchers.many([...new Set(keys.map((k) => k.split(':')[0]))])).map((v) => [v._id, v]))
    let n = 0
    for (const key of keys) {
      const v = byId.get(key.split(':')[0])
      if (v?.returning?.key === key) {
        if (await takeOver(v, staleBefore, now)) n++
      } else if (await store.forgetAdjust(poolId, key)) n++ // read after the note existed: the voucher is past it
    }
    return n
  }

  return { finish, takeOver, sweepPool }
}

export type MoneyReturns = ReturnType<typeof createMoneyReturns>
