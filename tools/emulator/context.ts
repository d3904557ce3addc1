import { type Doc, idKey } from './codec'
import { collectionNotExist, noIndex } from './errors'
import { chooseLookup, isServed } from './query-plan'
import type { Op, Store } from './store'

/**
 * What an operation sees and how it writes. Outside a transaction it is the
 * live store, with writes gathered into one commit; inside a transaction it is
 * the snapshot plus the transaction's own pending writes (transactions.ts).
 */
export interface OpContext {
  readonly now: number
  list(coll: string): Doc[]
  get(coll: string, id: unknown): Doc | null
  put(coll: string, doc: Doc): void
  del(coll: string, id: unknown): void
  /** The documents a query can match (a superset; the query still decides), from an index where one serves. */
  candidates(coll: string, criteria: Doc, order?: Doc): Doc[]
}

export interface EmulatorOptions {
  /** true: reads and writes of a collection never created fail as in CloudBase. */
  strictCollections: boolean
  /** Refuse a query no declared index serves on a collection holding more documents than this (MongoDB's notablescan). */
  notablescanOver?: number
}

/** Ids a query pins `_id` to (plain values or a plain `$in`), or null. */
function pinnedIds(criteria: Doc): unknown[] | null {
  const id = criteria._id
  if (typeof id === 'string' || typeof id === 'number') return [id]
  const list = typeof id === 'object' && id !== null && Object.keys(id).length === 1 ? (id as { $in?: unknown }).$in : undefined
  return Array.isArray(list) && list.every((v) => typeof v === 'string' || typeof v === 'number') ? list : null
}

/**
 * notablescan: on a collection over the threshold, a filtered query must be
 * served by `_id` or a declared index. A read with no filter at all (a count,
 * an export, a paged dump) is a deliberate full read that no index would
 * change: it is let through, as docs/emulator.md says.
 */
export function checkScan(store: Store, opts: EmulatorOptions, coll: string, criteria: Doc, order?: Doc): void {
  const over = opts.notablescanOver
  if (over === undefined || store.size(coll) <= over || Object.keys(criteria).length === 0) return
  if (!isServed(criteria, order, store.indexesOf(coll))) throw noIndex(coll, store.size(coll), criteria, order)
}

/**
 * Candidates from the live store: the documents `_id` names, else those a
 * declared index files under the query's equality values, else all of them.
 * `get` and `list` see the caller's own pending writes.
 */
export function liveCandidates(
  ctx: OpContext,
  store: Store,
  opts: EmulatorOptions,
  coll: string,
  criteria: Doc,
  order: Doc | undefined,
  clean: boolean,
): Doc[] {
  const ids = pinnedIds(criteria)
  if (ids?.length === 1 || (ids && !clean)) return [...new Set(ids)].map((id) => ctx.get(coll, id)).filter((d): d is Doc => d !== null)
  if (ids) return store.getMany(coll, ids) // natural order, as a scan would give
  checkScan(store, opts, coll, criteria, order)
  const lookup = clean ? chooseLookup(criteria, store.indexesOf(coll)) : null
  return lookup ? store.lookup(coll, lookup) : ctx.list(coll)
}

/** Pending writes of one request or transaction, per collection, by id key (null: deleted). */
export class WriteSet {
  readonly byColl = new Map<string, Map<string, Doc | null>>()
  readonly ops: Op[] = []

  lookup(coll: string, id: unknown): Doc | null | undefined {
    const m = this.byColl.get(coll)
    const k = idKey(id)
    return m?.has(k) ? (m.get(k) ?? null) : undefined
  }

  record(coll: string, id: unknown, doc: Doc | null): void {
    let m = this.byColl.get(coll)
    if (!m) this.byColl.set(coll, (m = new Map()))
    m.set(idKey(id), doc)
    this.ops.push(doc ? { kind: 'put', coll, doc } : { kind: 'del', coll, id })
  }

  /** The base documents as this write set would leave them, order kept, new ones last. */
  overlay(coll: string, base: Doc[]): Doc[] {
    const mine = this.byColl.get(coll)
    if (!mine) return base
    const out: Doc[] = []
    const seen = new Set<string>()
    for (const d of base) {
      const k = idKey(d._id)
      seen.add(k)
      const m = mine.get(k)
      if (m === undefined && !mine.has(k)) out.push(d)
      else if (m) out.push(m)
    }
    for (const [k, d] of mine) if (d && !seen.has(k)) out.push(d)
    return out
  }
}

export function checkCollection(store: Store, opts: EmulatorOptions, coll: string): void {
  if (opts.strictCollections && !store.hasCollection(coll)) throw collectionNotExist(coll)
}

/** Live context: reads the store, gathers writes; the caller commits `writes.ops`. */
export class LiveContext implements OpContext {
  readonly writes = new WriteSet()

  constructor(
    private readonly store: Store,
    readonly now: number,
    private readonly opts: EmulatorOptions,
  ) {}

  list(coll: string): Doc[] {
    checkCollection(this.store, this.opts, coll)
    return this.writes.overlay(coll, this.store.list(coll))
  }

  get(coll: string, id: unknown): Doc | null {
    checkCollection(this.store, this.opts, coll)
    const mine = this.writes.lookup(coll, id)
    return mine === undefined ? this.store.get(coll, id) : mine
  }

  put(coll: string, doc: Doc): void {
    checkCollection(this.store, this.opts, coll)
    this.writes.record(coll, doc._id, doc)
  }

  del(coll: string, id: unknown): void {
    checkCollection(this.store, this.opts, coll)
    this.writes.record(coll, id, null)
  }

  candidates(coll: string, criteria: Doc, order?: Doc): Doc[] {
    checkCollection(this.store, this.opts, coll)
    return liveCandidates(this, this.store, this.opts, coll, criteria, order, !this.writes.byColl.has(coll))
  }
}
