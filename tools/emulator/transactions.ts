import { randomBytes } from 'node:crypto'
import { type Doc, idKey } from './codec'
import { checkCollection, checkScan, type EmulatorOptions, type OpContext, WriteSet } from './context'
import { transactionConflict, transactionNotExist } from './errors'
import type { Op, Store } from './store'

/** CloudBase aborts a transaction not committed or aborted within 30 s. */
export const TRANSACTION_LIMIT_MS = 30_000

interface Tx {
  id: string
  /** Fixed by the first operation, as MongoDB fixes it at the first command (-1 until then). */
  snapshot: number
  writes: WriteSet
  timer: NodeJS.Timeout
}

/**
 * Snapshot-isolated transactions with MongoDB's write-conflict rule (which
 * CloudBase's document database runs on): a transaction reads the data as of
 * its first operation; writing a document that someone else changed since then, or that
 * another open transaction has already written, fails with
 * DATABASE_TRANSACTION_CONFLICT and aborts it; the first committer wins.
 * The snapshot is taken at the transaction's first operation, not at
 * startTransaction: a write committed in between is visible to it.
 * Reads alone never conflict (snapshot isolation, not serialisable).
 */
export class TransactionManager {
  private readonly txs = new Map<string, Tx>()
  private readonly locks = new Map<string, string>() // `${coll}\0${idKey}` -> transaction id

  constructor(
    private readonly store: Store,
    private readonly opts: EmulatorOptions,
    private readonly limitMs: number,
    private readonly commitOps: (ops: Op[]) => void,
  ) {}

  hasOpen(): boolean {
    return this.txs.size > 0
  }

  start(): string {
    const id = randomBytes(12).toString('hex')
    const timer = setTimeout(() => this.end(id), this.limitMs)
    timer.unref()
    this.txs.set(id, { id, snapshot: -1, writes: new WriteSet(), timer })
    return id
  }

  private find(id: unknown): Tx {
    const tx = typeof id === 'string' ? this.txs.get(id) : undefined
    if (!tx) throw transactionNotExist()
    return tx
  }

  context(id: unknown, now: number): OpContext {
    const tx = this.find(id)
    if (tx.snapshot < 0) tx.snapshot = this.store.seq
    return new TxContext(tx, now, this)
  }

  /** Writes `tx` may make to this document, or the conflict that aborts it. */
  claim(tx: Tx, coll: string, id: unknown): void {
    checkCollection(this.store, this.opts, coll)
    const lock = `${coll}\u0000${idKey(id)}`
    const holder = this.locks.get(lock)
    if ((holder && holder !== tx.id) || this.store.lastWrite(coll, id) > tx.snapshot) {
      this.end(tx.id)
      throw transactionConflict()
    }
    this.locks.set(lock, tx.id)
  }

  read(tx: Tx, coll: string): Doc[] {
    checkCollection(this.store, this.opts, coll)
    return tx.writes.overlay(coll, this.store.listAsOf(coll, tx.snapshot))
  }

  /** A transaction reads its snapshot by scanning (transactions are short and rare); notablescan still applies. */
  candidates(tx: Tx, coll: string, criteria: Doc, order?: Doc): Doc[] {
    checkCollection(this.store, this.opts, coll)
    const id = criteria._id
    if (typeof id === 'string' || typeof id === 'number') {
      const d = this.readOne(tx, coll, id)
      return d ? [d] : []
    }
    checkScan(this.store, this.opts, coll, criteria, order)
    return this.read(tx, coll)
  }

  readOne(tx: Tx, coll: string, id: unknown): Doc | null {
    checkCollection(this.store, this.opts, coll)
    const mine = tx.writes.lookup(coll, id)
    return mine === undefined ? this.store.getAsOf(coll, id, tx.snapshot) : mine
  }

  commit(id: unknown): void {
    const tx = this.find(id)
    for (const op of tx.writes.ops) {
      const docId = op.kind === 'put' ? op.doc._id : op.kind === 'del' ? op.id : undefined
      if (this.store.lastWrite(op.coll, docId) > tx.snapshot) {
        this.end(tx.id)
        throw transactionConflict()
      }
    }
    this.end(tx.id)
    if (tx.writes.ops.length) this.commitOps(tx.writes.ops)
  }

  abort(id: unknown): void {
    this.end(this.find(id).id)
  }

  /** Ends a transaction for good (commit, abort, error or the 30 s limit). */
  end(id: string): void {
    const tx = this.txs.get(id)
    if (!tx) return
    clearTimeout(tx.timer)
    this.txs.delete(id)
    for (const [k, holder] of this.locks) if (holder === id) this.locks.delete(k)
    if (!this.txs.size) this.store.pruneHistory()
  }

  endAll(): void {
    for (const id of [...this.txs.keys()]) this.end(id)
  }
}

class TxContext implements OpContext {
  constructor(
    private readonly tx: Tx,
    readonly now: number,
    private readonly mgr: TransactionManager,
  ) {}

  list(coll: string): Doc[] {
    return this.mgr.read(this.tx, coll)
  }

  get(coll: string, id: unknown): Doc | null {
    return this.mgr.readOne(this.tx, coll, id)
  }

  put(coll: string, doc: Doc): void {
    this.mgr.claim(this.tx, coll, doc._id)
    this.tx.writes.record(coll, doc._id, doc)
  }

  del(coll: string, id: unknown): void {
    this.mgr.claim(this.tx, coll, id)
    this.tx.writes.record(coll, id, null)
  }

  candidates(coll: string, criteria: Doc, order?: Doc): Doc[] {
    return this.mgr.candidates(this.tx, coll, criteria, order)
  }
}
