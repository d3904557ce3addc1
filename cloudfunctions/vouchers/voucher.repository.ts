/**
 * Vouchers, which are also the claim ledger of their pool: a voucher's `_id` is
 * fixed per (campaign, member, slot 1..perMember), so no member can ever hold
 * more than the limit, and its claim takes two holds of its pool: one voucher
 * (settled once confirmed) and its reservation in fen (held while it lives).
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Clock } from '../common/clock'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { createClaimLedger, type Hold } from '../common/claim-ledger'
import { readAll, rowsOf } from '../common/paginate'
import type { CampaignRepository } from './campaign.repository'
import type { RedemptionFacts, VoucherDoc } from './vouchers.docs'

export function voucherIdOf(campaignId: string, openid: string, slot: number): string {
  return `v${createHash('sha256').update(`voucher:${campaignId}:${openid}:${slot}`).digest('hex').slice(0, 23)}`
}

export const newClaimId = () => randomBytes(8).toString('hex')
export const budgetKey = (v: Pick<VoucherDoc, 'claimId'>) => `b${v.claimId}`

export function createVoucherRepository(db: Db, clock: Clock, campaigns: CampaignRepository) {
  const _ = db.command
  const coll = () => db.collection(COLLECTIONS.vouchers)
  const holdsOf = (v: VoucherDoc): Hold[] => [
    { store: campaigns.countStore, docId: v.poolId, key: `c${v.claimId}`, holder: { v: v._id }, take: { counters: { claimed: 1 } }, refusal: 'SOLD_OUT', settle: true },
    { store: campaigns.budgetStore, docId: v.poolId, key: budgetKey(v), holder: { v: v._id }, take: { amount: v.reserveFen }, refusal: 'SOLD_OUT' },
  ]
  const ledger = createClaimLedger<VoucherDoc>(db, { collection: COLLECTIONS.vouchers, stateField: 'status', pending: 'pending', failed: null, reusable: [], holdsOf, clock })

  return {
    ledger,
    holdsOf,
    get: ledger.get,
    async mine(openid: string, campaignId?: string): Promise<VoucherDoc[]> {
      return readAll<VoucherDoc>(coll().where(campaignId ? { openid, campaignId } : { openid }))
    },
    async ofCampaign(campaignId: string): Promise<VoucherDoc[]> {
      return readAll<VoucherDoc>(coll().where({ campaignId }))
    },
    async many(ids: string[]): Promise<VoucherDoc[]> {
      return ids.length ? rowsOf<VoucherDoc>(await coll().where({ _id: _.in(ids) }).limit(1000).get()) : []
    },
    /** The one conditional update that decides which till redeems it. */
    async markRedeemed(v: VoucherDoc, facts: RedemptionFacts, nonce: string): Promise<boolean> {
      const r = await coll()
        .where({ _id: v._id, status: 'unused', uses: v.uses })
        .update({ status: 'redeemed', uses: v.uses + 1, redemption: _.set(facts), usedNonces: _.push(nonce) })
      return r.updated === 1
    },
    async markReversed(v: VoucherDoc, rowId: string): Promise<boolean> {
      const r = await coll().where({ _id: v._id, status: 'redeemed', 'redemption.rowId': rowId }).update({ status: 'reversed', reversedAt: clock() })
      return r.updated === 1
    },
    /** After a reversal whose reservation could be taken again: the member has it back. */
    async reissue(id: string): Promise<boolean> {
      return (await coll().where({ _id: id, status: 'reversed' }).update({ status: 'unused', redemption: null })).updated === 1
    },
    async markExpired(id: string): Promise<boolean> {
      return (await coll().where({ _id: id, status: 'unused' }).update({ status: 'expired' })).updated === 1
    },
    async dueToExpire(now: number, limit = 200): Promise<VoucherDoc[]> {
      return rowsOf<VoucherDoc>(await coll().where({ status: 'unused', useEndsAt: _.lte(now) }).limit(limit).get())
    },
    async dueForReminder(before: number, limit = 200): Promise<VoucherDoc[]> {
      return rowsOf<VoucherDoc>(await coll().where({ status: 'unused', useEndsAt: _.lte(before), remindedAt: null }).limit(limit).get())
    },
    async markReminded(id: string, now: number): Promise<boolean> {
      return (await coll().where({ _id: id, remindedAt: null }).update({ remindedAt: now })).updated === 1
    },
  }
}

export type VoucherRepository = ReturnType<typeof createVoucherRepository>
