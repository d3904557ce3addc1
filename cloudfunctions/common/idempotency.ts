import type { Clock } from './clock'
import { COLLECTIONS } from './collections'
import type { Db } from './db'
import { isDuplicate } from './db-errors'
import { AppError } from './errors'
import type { ErrorDetails } from '../../types/envelope'

/** A marker older than this belongs to a call that crashed: its request id may run again. */
const STALE_MS = 60_000
const WAIT_MS = 8_000
/**
 * A marker keeps its outcome (which may hold personal data) this long after it started, long
 * enough for any client's retries; then the sweeper deletes it (`sweepExpiredRequests`), and a
 * member's deletion request erases hers at once (by `openid`).
 */
export const REQUEST_TTL_MS = 24 * 3600_000

interface RequestDoc {
  _id: string
  state: 'pending' | 'done'
  startedAt: number
  /** Whose call it was (absent on markers written before erasure by member existed). */
  openid?: string
  outcome?: { ok: true; data: unknown } | { ok: false; code: string; field?: string; message: string; details?: ErrorDetails }
}

async function read(db: Db, id: string): Promise<RequestDoc | undefined> {
  const res = await db.collection(COLLECTIONS.requests).doc(id).get()
  return (res.data as unknown as RequestDoc[])[0]
}

function replay(doc: RequestDoc): unknown {
  const o = doc.outcome!
  if (o.ok) return o.data
  throw new AppError(o.code as AppError['code'], o.field, o.message, o.details)
}

/**
 * Runs `work` once per key. The marker is written BEFORE the work, so a retry
 * racing the first call waits for its outcome instead of doing the work twice.
 * Expected failures are remembered too: a retry sees the same answer.
 */
export async function runOnce(db: Db, clock: Clock, key: string, work: () => Promise<unknown>, openid?: string): Promise<unknown> {
  const col = db.collection(COLLECTIONS.requests)
  try {
    await col.add({ _id: key, state: 'pending', startedAt: clock(), ...(openid ? { openid } : {}) })
  } catch (e) {
    if (!isDuplicate(e)) throw e
    const deadline = Date.now() + WAIT_MS
    for (;;) {
      const doc = await read(db, key)
      if (doc?.state === 'done') return replay(doc)
      if (doc && clock() - doc.startedAt > STALE_MS) {
        const took = await col.where({ _id: key, state: 'pending', startedAt: doc.startedAt }).update({ startedAt: clock() })
        if (took.updated === 1) break
      }
      if (Date.now() > deadline) throw new AppError('CONFLICT')
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  try {
    const data = await work()
    await col.doc(key).update({ state: 'done', outcome: db.command.set({ ok: true, data: data ?? null }) })
    return data
  } catch (e) {
    if (e instanceof AppError) {
      await col.doc(key).update({ state: 'done', outcome: db.command.set({ ok: false, code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}), ...(e.details ? { details: e.details } : {}) }) })
    } else {
      await col.doc(key).remove().catch(() => undefined)
    }
    throw e
  }
}

/** Deletes markers past their time (one indexed removal); the one sweeper runs it (common/sweeper.ts). */
export async function sweepExpiredRequests(db: Db, now: number): Promise<number> {
  return (await db.collection(COLLECTIONS.requests).where({ startedAt: db.command.lte(now - REQUEST_TTL_MS) }).remove()).deleted ?? 0
}

/** Erases a member's markers (her deletion request); answers how many. */
export async function eraseRequestsOf(db: Db, openid: string): Promise<number> {
  return (await db.collection(COLLECTIONS.requests).where({ openid }).remove()).deleted ?? 0
}
