/** Campaigns (read through the instance cache: they change only by an officer's edit) and their pools. */
import { batchedReader } from '../common/batched-read'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { insertOnce } from '../common/db-errors'
import { cached, forget, type Fullness, forgetFullness, fullness, noteFullness, placeKey } from '../common/instance-cache'
import { readAll, rowsOf } from '../common/paginate'
import { createPlaceStore } from '../common/place-store'
import type { RosterFacts } from '../common/roster-eligibility.rules'
import { subBudgetIndex } from './audience.rules'
import type { CampaignDoc, PoolDoc } from './vouchers.docs'

const COUNTERS = [
  'campaignId',
  'branch',
  'unionId',
  'vouchers',
  'budgetFen',
  'left',
  'budgetLeft',
  'claimed',
  'redeemed',
  'reversed',
  'expired',
  'usedFen',
] as const

/** Her pool: the campaign's one pool, or her sub-budget's (audience.rules `subBudgetIndex`); null: none is hers. */
export function poolIdOf(c: CampaignDoc, member: Pick<RosterFacts, 'branch' | 'unionPath'>): string | null {
  if (!c.subBudgets?.length) return c._id
  const i = subBudgetIndex(c, member)
  return i < 0 ? null : `${c._id}~${i}`
}

export function poolsOf(c: CampaignDoc): PoolDoc[] {
  const base = { campaignId: c._id, claimed: 0, redeemed: 0, reversed: 0, expired: 0, usedFen: 0, holders: {} }
  if (!c.subBudgets?.length)
    return [
      {
        ...base,
        _id: c._id,
        branch: null,
        vouchers: c.totalVouchers,
        budgetFen: c.budgetFen,
        left: c.totalVouchers,
        budgetLeft: c.budgetFen,
      },
    ]
  return c.subBudgets.map((s, i) => ({
    ...base,
    _id: `${c._id}~${i}`,
    branch: s.name ?? s.branch ?? null,
    unionId: s.unionId ?? null,
    vouchers: s.vouchers,
    budgetFen: s.budgetFen,
    left: s.vouchers,
    budgetLeft: s.budgetFen,
  }))
}

const POOL_FIELDS = { _id: true, ...Object.fromEntries(COUNTERS.map((k) => [k, true])) }

/**
 * Pools' counters without their holders maps (hundreds of entries under a rush: never shipped to a glance),
 * batched with concurrent calls' reads.
 */
const poolCounters = batchedReader<PoolDoc>(async (db, ids) => {
  const res = await db
    .collection(COLLECTIONS.voucherPools)
    .where({ _id: ids.length === 1 ? ids[0] : db.command.in(ids) })
    .field(POOL_FIELDS)
    .limit(ids.length)
    .get()
  return new Map(rowsOf<PoolDoc>(res).map((row) => [row._id, { ...row, holders: {} }]))
})

export function createCampaignRepository(db: Db) {
  const coll = () => db.collection(COLLECTIONS.voucherCampaigns)
  const pools = () => db.collection(COLLECTIONS.voucherPools)
  const load = async (id: string) => rowsOf<CampaignDoc>(await coll().doc(id).get())[0] ?? null
  return {
    get: (id: string) => cached(db, `voucher-campaign:${id}`, () => load(id)),
    fresh: load,
    all: () => cached(db, 'voucher-campaigns', () => readAll<CampaignDoc>(coll().where({}))),
    /** An officer's list: her subtree's (unions.ts `ownedWhere`; index `unionPath`), or every one for the city. */
    owned: (where: { unionPath?: string }) => readAll<CampaignDoc>(coll().where(where)),
    /** Once per id: a retry of a call that died half-way adds only what is missing. */
    async insert(c: CampaignDoc): Promise<void> {
      for (const p of poolsOf(c)) await insertOnce(pools(), { ...p })
      await insertOnce(coll(), { ...c })
      forget(db, 'voucher-campaign*')
      forget(db, 'voucher-campaigns')
    },
    async setDraw(id: string, draw: CampaignDoc['draw'], requestId: string | null): Promise<boolean> {
      const r = await coll().where({ _id: id, draw: null }).update({ draw, drawRequestId: requestId })
      forget(db, `voucher-campaign:${id}`)
      forget(db, 'voucher-campaigns')
      return r.updated === 1
    },
    /** The pool's counters without its holders map; a rush's concurrent reads share one query. */
    pool: (id: string): Promise<PoolDoc | null> => poolCounters(db, id),
    /** For a glance that may only refuse (what decides is the place stores): the pool's counters. */
    glance: (id: string): Promise<PoolDoc | null> => poolCounters(db, id),
    /** What this instance saw of a pool lately (instance-cache.ts): sold out refuses without a read; open lets the take decide. */
    seen: (poolId: string): Fullness => fullness(db, placeKey(COLLECTIONS.voucherPools, poolId)),
    note: (poolId: string, soldOut: boolean): void => noteFullness(db, placeKey(COLLECTIONS.voucherPools, poolId), soldOut),
    forget: (poolId: string): void => forgetFullness(db, placeKey(COLLECTIONS.voucherPools, poolId)),
    async poolsOfCampaign(campaignId: string): Promise<PoolDoc[]> {
      return rowsOf<PoolDoc>(await pools().where({ campaignId }).limit(1000).get())
    },
    /** Voucher count and money budget: two bounded quantities of one document, each a place store. */
    countStore: createPlaceStore(db, COLLECTIONS.voucherPools, { left: 'left' }),
    budgetStore: createPlaceStore(db, COLLECTIONS.voucherPools, { left: 'budgetLeft' }),
  }
}

export type CampaignRepository = ReturnType<typeof createCampaignRepository>
