import type { Doc } from './codec'
import { type EmulatorOptions, LiveContext, type OpContext } from './context'
import { collectionAlreadyExist, EmulatorError, invalidParam, systemError, unsupportedAction } from './errors'
import type { Journal } from './journal'
import type { Limiter } from './limits'
import * as ops from './operations'
import type { Op, Store } from './store'
import type { TransactionManager } from './transactions'

/**
 * Routes one SDK request body ({action, collectionName, query, data, …}) to
 * its operation and shapes the reply the SDK expects: `{requestId, data}` on
 * success, `{requestId, code, message}` on failure (the SDK turns the latter
 * into a rejected promise carrying `code`).
 */
export interface Engine {
  store: Store
  journal: Journal
  txs: TransactionManager
  opts: EmulatorOptions
  counts: RequestCounts
  limiter: Limiter
}

/**
 * Requests served since start or the last reset, per action and per
 * `action collection` (issue 7 §6: each is a network round trip on CloudBase,
 * so benches print them per request of their own).
 */
export class RequestCounts {
  total = 0
  byAction: Record<string, number> = {}
  byCollection: Record<string, number> = {}

  note(body: unknown): void {
    const p = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
    const action = typeof p.action === 'string' ? p.action : '(none)'
    this.total++
    this.byAction[action] = (this.byAction[action] ?? 0) + 1
    if (typeof p.collectionName === 'string') {
      const k = `${action} ${p.collectionName}`
      this.byCollection[k] = (this.byCollection[k] ?? 0) + 1
    }
  }

  snapshot(): { total: number; byAction: Record<string, number>; byCollection: Record<string, number> } {
    return { total: this.total, byAction: { ...this.byAction }, byCollection: { ...this.byCollection } }
  }

  reset(): void {
    this.total = 0
    this.byAction = {}
    this.byCollection = {}
  }
}

type Operation = (ctx: OpContext, p: ops.Params) => Doc
type Reply = Record<string, unknown>

/** Actions that may run inside a transaction when the SDK sends a transactionId. */
const DATA_ACTIONS: Record<string, Operation> = {
  'database.getDocument': ops.getDocument,
  'database.calculateDocument': ops.calculateDocument,
  'database.insertDocument': ops.insertDocument,
  'database.modifyDocument': ops.modifyDocument,
  'database.removeDocument': ops.removeDocument,
  'database.modifyAndReturnDoc': ops.modifyAndReturnDoc,
  'database.aggregateDocuments': ops.aggregateDocuments,
}

/** Applies a commit to memory and queues it for the journal, with no await in between. */
export function commit(engine: Engine, writes: Op[]): void {
  if (!writes.length) return
  const seq = engine.store.apply(writes)
  engine.journal.append(seq, writes)
}

function runData(engine: Engine, op: Operation, p: ops.Params, now: number): Reply {
  const txId = p.transactionId
  if (txId !== undefined && txId !== null && txId !== '') {
    const ctx = engine.txs.context(txId, now)
    try {
      return { data: op(ctx, p) }
    } catch (e) {
      engine.txs.end(String(txId)) // as in MongoDB, an error inside a transaction aborts it
      throw e
    }
  }
  const ctx = new LiveContext(engine.store, now, engine.opts)
  const data = op(ctx, p)
  commit(engine, ctx.writes.ops)
  return { data }
}

function addCollection(engine: Engine, p: ops.Params): Reply {
  const coll = ops.collectionOf(p)
  if (engine.store.hasCollection(coll)) throw collectionAlreadyExist(coll)
  commit(engine, [{ kind: 'create', coll }])
  return {}
}

function dispatch(engine: Engine, p: ops.Params, now: number): Reply {
  const action = p.action
  if (typeof action !== 'string') throw invalidParam('action is required')
  const op = DATA_ACTIONS[action]
  if (op) return runData(engine, op, p, now)
  switch (action) {
    case 'database.startTransaction':
      return { transactionId: engine.txs.start() }
    case 'database.commitTransaction':
      engine.txs.commit(p.transactionId)
      return {}
    case 'database.abortTransaction':
      engine.txs.abort(p.transactionId)
      return {}
    case 'database.addCollection':
      return addCollection(engine, p)
    default:
      throw unsupportedAction(action)
  }
}

let counter = 0
const nextRequestId = (): string => `emulator-${Date.now().toString(36)}-${(++counter).toString(36)}`

/** Handles one request body; resolves only once everything the reply reflects is durable. */
export async function handle(engine: Engine, body: unknown): Promise<Reply> {
  const requestId = nextRequestId()
  engine.counts.note(body)
  let reply: Reply
  try {
    if (engine.journal.failure) throw systemError(engine.journal.failure.message)
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidParam('body must be a JSON object')
    reply = { requestId, ...dispatch(engine, body as ops.Params, Date.now()) }
  } catch (e) {
    const err = e instanceof EmulatorError ? e : systemError(`emulator internal error: ${(e as Error).message}`)
    if (!(e instanceof EmulatorError)) console.error('[emulator]', e)
    reply = { requestId, code: err.code, message: err.message }
  }
  // Even a read or an error may reflect commits not yet on disk: wait for them too.
  await engine.journal.waitDurable(engine.store.seq)
  return reply
}
