/**
 * A place store spread over N shard documents (issue 17 §5), for stock too hot for one document:
 * a city-wide voucher release or a large screening programme, where every take is a write to the
 * SAME document and the database serialises them (Firestore publishes ~1 write/s per document and
 * the sharded-counter pattern; CloudBase publishes no figure, so tools/bench/city.ts measures it).
 *
 * The distributed-counter pattern: the stock is split over `${docId}~${i}` (each an ordinary
 * place-store document, place-store.ts), a take tries the key's home shard (a hash of the key, so a
 * retry of the same claim goes to the same place first), and only when that shard is empty reads
 * every shard's count in one query and falls over to one that has some; the total is the sum. Every
 * take is still ONE conditional update of one document, so nothing is ever oversold, and
 * per-member limits stay exact because they live in the claim ledger's deterministic ids, not here.
 * The sweeper and the books see one logical store: `holders` and `adjustments` merge the shards,
 * and release, settle and transfer act on whichever shard holds the key.
 *
 * One race is left: two takes of the SAME key at once (the same claim finished twice in parallel)
 * that both fall over may each take on a different shard. The claim ledger's in-flight guard makes
 * that rare, and the sweeper's books show it (a key held twice); docs/capacity.md says so.
 */
import type { Db } from './db'
import { createPlaceStore, type Holder, type PlaceStore, type PlaceStoreOptions, type StoredHolder } from './place-store'

export const shardId = (docId: string, i: number): string => `${docId}~${i}`

function hash(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Splits `total` over `n` shards as evenly as whole units allow. */
export function shardShares(total: number, n: number): number[] {
  return Array.from({ length: n }, (_x, i) => Math.floor(total / n) + (i < total % n ? 1 : 0))
}

interface ShardRow {
  _id: string
  holders?: Record<string, Holder>
  returns?: Record<string, number>
  [field: string]: unknown
}

export interface ShardedPlaceStore extends PlaceStore {
  /** What is left over all shards of `docId` (one query). */
  left(docId: string): Promise<number>
}

export function createShardedPlaceStore(db: Db, collection: string, shards: number, options: PlaceStoreOptions = {}): ShardedPlaceStore {
  const one = createPlaceStore(db, collection, options)
  const leftField = options.left ?? 'left'
  const ids = (docId: string) => Array.from({ length: shards }, (_x, i) => shardId(docId, i))
  const home = (docId: string, key: string) => shardId(docId, hash(key) % shards)

  async function rows(docId: string, fields: Record<string, boolean>): Promise<ShardRow[]> {
    const res = await db
      .collection(collection)
      .where({ _id: db.command.in(ids(docId)) })
      .field(fields)
      .limit(shards)
      .get()
    return res.data as ShardRow[]
  }

  /** The shard where `key` holds, or null (one query). */
  async function holderShard(docId: string, key: string): Promise<string | null> {
    const found = (await rows(docId, { _id: true, [`holders.${key}`]: true })).find((r) => r.holders?.[key])
    return found?._id ?? null
  }

  async function returnsShard(docId: string, key: string): Promise<string | null> {
    const found = (await rows(docId, { _id: true, [`returns.${key}`]: true })).find((r) => r.returns?.[key] !== undefined)
    return found?._id ?? null
  }

  /** Acts on the key's home shard, else on the shard that holds it. */
  async function onHolder(docId: string, key: string, act: (shard: string) => Promise<boolean>): Promise<boolean> {
    if (await act(home(docId, key))) return true
    const s = await holderShard(docId, key)
    return s !== null && s !== home(docId, key) ? act(s) : false
  }

  return {
    async take(docId, key, holder, opts = {}) {
      const first = home(docId, key)
      if (await one.take(first, key, holder, opts)) return true
      // Home is empty (or the key holds somewhere): one read of every shard decides where to go.
      const all = await rows(docId, { _id: true, [leftField]: true, [`holders.${key}`]: true })
      if (all.some((r) => r.holders?.[key])) return false
      const n = opts.amount ?? 1
      const open = all.filter((r) => r._id !== first && (opts.bounded === false || Number(r[leftField] ?? 0) >= n))
      const start = Math.floor(Math.random() * Math.max(1, open.length))
      for (let i = 0; i < open.length; i++) if (await one.take(open[(start + i) % open.length]._id, key, holder, opts)) return true
      return false
    },
    release: (docId, key, opts) => onHolder(docId, key, (s) => one.release(s, key, opts)),
    settle: (docId, key) => onHolder(docId, key, (s) => one.settle(s, key)),
    async settleAll(docId, keys) {
      if (!keys.length) return
      const byShard = new Map<string, string[]>()
      for (const r of await rows(docId, { _id: true, holders: true })) {
        const mine = keys.filter((k) => r.holders?.[k])
        if (mine.length) byShard.set(r._id, mine)
      }
      for (const [s, ks] of byShard) await one.settleAll(s, ks)
    },
    async transfer(docId, from, to, holder, amount) {
      const s = await holderShard(docId, from)
      return s !== null && one.transfer(s, from, to, holder, amount)
    },
    async holding(docId, key) {
      const s = (await rows(docId, { _id: true, [`holders.${key}`]: true })).find((r) => r.holders?.[key])
      const h = s?.holders?.[key]
      return h ? ({ ...h, n: typeof h.n === 'number' ? h.n : 1 } as StoredHolder) : null
    },
    async holders(docId) {
      const out: Record<string, StoredHolder> = {}
      for (const r of await rows(docId, { _id: true, holders: true }))
        for (const [k, h] of Object.entries(r.holders ?? {})) out[k] = { ...h, n: typeof h.n === 'number' ? h.n : 1 } as StoredHolder
      return out
    },
    async adjustOnce(docId, key, delta, counters) {
      if ((await returnsShard(docId, key)) !== null) return false
      if (delta >= 0) return one.adjustOnce(home(docId, key), key, delta, counters)
      const all = await rows(docId, { _id: true, [leftField]: true })
      const fit = all.find((r) => Number(r[leftField] ?? 0) >= -delta)
      return fit ? one.adjustOnce(fit._id, key, delta, counters) : false
    },
    async forgetAdjust(docId, key) {
      const s = await returnsShard(docId, key)
      return s !== null && one.forgetAdjust(s, key)
    },
    async adjustments(docId) {
      const out: Record<string, number> = {}
      for (const r of await rows(docId, { _id: true, returns: true })) Object.assign(out, r.returns ?? {})
      return out
    },
    async left(docId) {
      return (await rows(docId, { _id: true, [leftField]: true })).reduce((k, r) => k + Number(r[leftField] ?? 0), 0)
    },
  }
}

/** Writes the shard documents of a new store: `extra` on each (e.g. the campaign id), `left` split evenly. */
export async function createShards(
  db: Db,
  collection: string,
  docId: string,
  total: number,
  shards: number,
  extra: Record<string, unknown> = {},
  leftField = 'left',
): Promise<void> {
  const docs = shardShares(total, shards).map((left, i) => ({ _id: shardId(docId, i), ...extra, [leftField]: left, holders: {} }))
  await db.collection(collection).add(docs)
}
