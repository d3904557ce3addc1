/**
 * Vouchers, which are also the claim ledger of their pool: a voucher's `_id` is
 * fixed per (campaign, member, slot 1..perMember), so no member can ever hold
 * more than the limit. Its claim takes ONE hold of its pool: one voucher and its
 * reservation in fen in one conditional update, settled once the voucher is
 * confirmed (the voucher itself then records the reservation), so the pool's
 * holders map only ever lists claims in flight. Every later return of money is
 * a `returning` step of its own (money-return.service.ts).
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Clock } from '../common/clock'
import { batchedById } from '../common/batched-read'
import { coalescer } from '../common/coalesce'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { createClaimLedger, type Hold } from '../common/claim-ledger'
import type { PlaceStore } from '../common/place-store'
import { readAll, rowsOf } from '../common/paginate'
import type { CampaignRepository } from './campaign.repository'
import type { RedemptionFacts, ReturningDoc, VoucherDoc } from './vouchers.docs'

export function voucherIdOf(campaignId: string, openid: string, slot: number): string {
  return `v${createHash('sha256').update(`voucher:${campaignId}:${openid}:${slot}`).digest('hex').slice(0, 23)}`
}

export const newClaimId = () => randomBytes(8).toString('hex')
export const claimHoldKey = (v: Pick<VoucherDoc, 'claimId'>) => `c${v.claimId}`

/** Single reads of vouchers, batched with those of concurrent calls (the kit's batched reader). */
const voucherById = batchedById<VoucherDoc>(COLLECTIONS.vouchers)
/**
 * Confirmed claims' holds to unlist, per pool: those confirmed while an unlisting is on its way
 * go together in the next (coalesce.ts), one pool update for many. Should one fail, its holds stay
 * listed and the sweeper settles them: the claims stand either way.
 */
const settling = coalescer<{ pools: PlaceStore; key: string }, true>(async (_db, poolId, items) => {
  await items[0].pools
    .settleAll(
      poolId,
      items.map((i) => i.key),
    )
    .catch((e) => console.error('[vouchers] settle:', e))
  return items.map(() => true as const)
})

export function createVoucherRepository(db: Db, clock: Clock, campaigns: CampaignRepository) {
  const _ = db.command
  const coll = () => db.collection(COLLECTIONS.vouchers)
  const store: PlaceStore = {
    ...campaigns.countStore,
    settle: (docId, key) => settling(db, docId, { pools: campaigns.countStore, key }),
  }
  const holdsOf = (v: VoucherDoc): Hold[] => [
    {
      store,
      docId: v.poolId,
      key: claimHoldKey(v),
      holder: { v: v._id },
      refusal: 'SOLD_OUT',
      settle: true,
      take: { counters: { claimed: 1, budgetLeft: -v.reserveFen }, atLeast: { budgetLeft: v.reserveFen } },
    },
  ]
  const ledger = createClaimLedger<VoucherDoc>(db, {
    collection: COLLECTIONS.vouchers,
    stateField: 'status',
    pending: 'pending',
    failed: null,
    reusable: [],
    holdsOf,
    clock,
  })

  return {
    ledger,
    holdsOf,
    get: ledger.get,
    /**
     * One voucher by id, read together with those concurrent calls ask for meanwhile: a sold-out
     * rush's retry checks (2,500 losers) cost a query per round trip, not one each.
     */
    getSoon: (id: string): Promise<VoucherDoc | null> => voucherById(db, id),
    async mine(openid: string, campaignId?: string): Promise<VoucherDoc[]> {
      return readAll<VoucherDoc>(coll().where(campaignId ? { openid, campaignId } : { openid }))
    },
    async ofCampaign(campaignId: string): Promise<VoucherDoc[]> {
      return readAll<VoucherDoc>(coll().where({ campaignId }))
    },
    async many(ids: string[]): Promise<VoucherDoc[]> {
      return ids.length
        ? rowsOf<VoucherDoc>(
            await coll()
              .where({ _id: _.in(ids) })
              .limit(1000)
              .get(),
          )
        : []
    },
    /** The one conditional update that decides which till redeems it. */
    async markRedeemed(v: VoucherDoc, facts: RedemptionFacts, nonce: string, returning: ReturningDoc): Promise<boolean> {
      const r = await coll()
        .where({ _id: v._id, status: 'unused', uses: v.uses })
        .update({ status: 'redeemed', uses: v.uses + 1, redemption: _.set(facts), usedNonces: _.push(nonce), returning: _.set(returning) })
      return r.updated === 1
    },
    /** Only once the redemption's own return is done (one return in flight per voucher). */
    async markReversed(v: VoucherDoc, rowId: string, returning: ReturningDoc): Promise<boolean> {
      const r = await coll()
        .where({ _id: v._id, status: 'redeemed', 'redemption.rowId': rowId, returning: null })
        .update({ status: 'reversed', reversedAt: clock(), returning: _.set(returning) })
      return r.updated === 1
    },
    async markExpired(v: VoucherDoc, returning: ReturningDoc): Promise<boolean> {
      return (
        (
          await coll()
            .where({ _id: v._id, status: 'unused' })
            .update({ status: 'expired', returning: _.set(returning) })
        ).updated === 1
      )
    },
    /** A reissue's reservation no longer fits: the return becomes the plain one, under a new key. */
    async fallBack(id: string, from: ReturningDoc, to: ReturningDoc): Promise<boolean> {
      return (
        (
          await coll()
            .where({ _id: id, 'returning.key': from.key })
            .update({ returning: _.set(to) })
        ).updated === 1
      )
    },
    /** The pool has the return: the voucher records it (and is the member's again after a reissue). */
    async returnDone(id: string, r: ReturningDoc): Promise<boolean> {
      const patch = r.reissue ? { returning: null, status: 'unused', redemption: null } : { returning: null }
      return (await coll().where({ _id: id, 'returning.key': r.key }).update(patch)).updated === 1
    },
    /**
     * The lease on a return whose call died: moves `returning.at` from the value read to `now`, so
     * of all who read it stale (tills, the sweeper) exactly one goes on to finish it.
     */
    async leaseReturn(id: string, r: ReturningDoc, now: number): Promise<ReturningDoc | null> {
      const moved = await coll().where({ _id: id, 'returning.key': r.key, 'returning.at': r.at }).update({ 'returning.at': now })
      return moved.updated === 1 ? { ...r, at: now } : null
    },
    async staleReturns(campaignId: string, before: number, limit = 200): Promise<VoucherDoc[]> {
      return rowsOf<VoucherDoc>(
        await coll()
          .where({ campaignId, 'returning.at': _.lt(before) })
          .limit(limit)
          .get(),
      )
    },
    async dueToExpire(now: number, limit = 200): Promise<VoucherDoc[]> {
      return rowsOf<VoucherDoc>(
        await coll()
          .where({ status: 'unused', useEndsAt: _.lte(now) })
          .limit(limit)
          .get(),
      )
    },
    async dueForReminder(before: number, limit = 200): Promise<VoucherDoc[]> {
      return rowsOf<VoucherDoc>(
        await coll()
          .where({ status: 'unused', useEndsAt: _.lte(before), remindedAt: null })
          .limit(limit)
          .get(),
      )
    },
    async markReminded(id: string, now: number): Promise<boolean> {
      return (await coll().where({ _id: id, remindedAt: null }).update({ remindedAt: now })).updated === 1
    },
  }
}

export type VoucherRepository = ReturnType<typeof createVoucherRepository>
