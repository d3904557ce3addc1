import type { IndexDeclarations } from '../../cloudfunctions/common/indexes'
import { type Doc, idKey } from './codec'
import { CollectionIndexes } from './index-store'
import type { Lookup } from './query-plan'

/** One committed change, as journalled and replayed. */
export type Op = { kind: 'put'; coll: string; doc: Doc } | { kind: 'del'; coll: string; id: unknown } | { kind: 'create'; coll: string }

interface Version {
  doc: Doc | null // null: a tombstone, kept only while a transaction may need the old version
  seq: number
  /** Position in the collection's natural (insertion) order. */
  ord: number
}

/**
 * In-memory collections with multi-version history. Every commit gets the next
 * sequence number; a transaction reads "as of" the sequence it started at.
 * Old versions are kept only while some transaction is open (`historyNeeded`).
 */
export class Store {
  seq = 0
  private readonly colls = new Map<string, Map<string, Version>>()
  private readonly history = new Map<string, Version[]>() // `${coll}\u0000${key}` -> older versions, oldest first
  private readonly tombstones: { coll: string; key: string }[] = []
  private readonly indexes = new Map<string, CollectionIndexes>()
  private ord = 0

  constructor(
    private readonly historyNeeded: () => boolean,
    private readonly declared: IndexDeclarations = {},
  ) {}

  /** The declared indexes of a collection (empty list: only `_id`). */
  indexesOf(coll: string): CollectionIndexes['decls'] {
    return (this.declared as Record<string, CollectionIndexes['decls']>)[coll] ?? []
  }

  size(coll: string): number {
    return this.colls.get(coll)?.size ?? 0
  }

  /** Current documents with these ids, in natural order. */
  getMany(coll: string, ids: readonly unknown[]): Doc[] {
    const c = this.colls.get(coll)
    if (!c) return []
    const found: Version[] = []
    for (const id of new Set(ids.map(idKey))) {
      const v = c.get(id)
      if (v?.doc) found.push(v)
    }
    return found.sort((a, b) => a.ord - b.ord).map((v) => v.doc as Doc)
  }

  /** Current documents filed under a lookup, in natural order. */
  lookup(coll: string, lookup: Lookup): Doc[] {
    const c = this.colls.get(coll)
    const ix = this.indexes.get(coll)
    if (!c || !ix) return []
    const found: Version[] = []
    for (const key of ix.find(lookup)) {
      const v = c.get(key)
      if (v?.doc) found.push(v)
    }
    return found.sort((a, b) => a.ord - b.ord).map((v) => v.doc as Doc)
  }

  hasCollection(coll: string): boolean {
    return this.colls.has(coll)
  }

  collectionNames(): string[] {
    return [...this.colls.keys()]
  }

  /** Current documents of a collection, in insertion order. */
  list(coll: string): Doc[] {
    const out: Doc[] = []
    for (const v of this.colls.get(coll)?.values() ?? []) if (v.doc) out.push(v.doc)
    return out
  }

  get(coll: string, id: unknown): Doc | null {
    return this.colls.get(coll)?.get(idKey(id))?.doc ?? null
  }

  /** Sequence of the last committed write to this document (0: none this session). */
  lastWrite(coll: string, id: unknown): number {
    return this.colls.get(coll)?.get(idKey(id))?.seq ?? 0
  }

  getAsOf(coll: string, id: unknown, seq: number): Doc | null {
    const key = idKey(id)
    const cur = this.colls.get(coll)?.get(key)
    if (!cur || cur.seq <= seq) return cur?.doc ?? null
    const older = this.history.get(`${coll}\u0000${key}`) ?? []
    for (let i = older.length - 1; i >= 0; i--) if (older[i].seq <= seq) return older[i].doc
    return null
  }

  listAsOf(coll: string, seq: number): Doc[] {
    const out: Doc[] = []
    for (const [key, cur] of this.colls.get(coll) ?? []) {
      const doc = cur.seq <= seq ? cur.doc : this.olderVersion(coll, key, seq)
      if (doc) out.push(doc)
    }
    return out
  }

  private olderVersion(coll: string, key: string, seq: number): Doc | null {
    const older = this.history.get(`${coll}\u0000${key}`) ?? []
    for (let i = older.length - 1; i >= 0; i--) if (older[i].seq <= seq) return older[i].doc
    return null
  }

  /** Applies one commit atomically and returns its sequence number. */
  apply(ops: Op[], seq = this.seq + 1): number {
    const keep = this.historyNeeded()
    for (const op of ops) this.applyOne(op, seq, keep)
    this.seq = Math.max(this.seq, seq)
    return seq
  }

  private applyOne(op: Op, seq: number, keep: boolean): void {
    let coll = this.colls.get(op.coll)
    if (!coll) this.colls.set(op.coll, (coll = new Map()))
    let ix = this.indexes.get(op.coll)
    if (!ix) this.indexes.set(op.coll, (ix = new CollectionIndexes(this.indexesOf(op.coll))))
    if (op.kind === 'create') return
    const key = idKey(op.kind === 'put' ? op.doc._id : op.id)
    const prev = coll.get(key)
    ix.update(key, prev?.doc ?? null, op.kind === 'put' ? op.doc : null)
    const ord = prev?.doc ? prev.ord : ++this.ord
    if (keep && prev) {
      const hk = `${op.coll}\u0000${key}`
      const list = this.history.get(hk) ?? []
      list.push(prev)
      this.history.set(hk, list)
    }
    if (op.kind === 'put') {
      if (prev && !prev.doc) coll.delete(key) // a re-insert goes to the end of natural order, as its new ord says
      coll.set(key, { doc: op.doc, seq, ord })
    } else if (keep) {
      coll.set(key, { doc: null, seq, ord })
      this.tombstones.push({ coll: op.coll, key })
    } else coll.delete(key)
  }

  /** Called when the last open transaction ends: old versions are no longer reachable. */
  pruneHistory(): void {
    this.history.clear()
    for (const { coll, key } of this.tombstones.splice(0)) {
      const c = this.colls.get(coll)
      if (c?.get(key)?.doc === null) c.delete(key)
    }
  }
}
