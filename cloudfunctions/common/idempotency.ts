import type { Clock } from './clock'
import { COLLECTIONS } from './collections'
import type { Db } from './db'
import { insertOnce } from './db-errors'
import { AppError } from './errors'
import type { ErrorDetails } from '~types/envelope'

/**
 * A marker older than this belongs to a call that died: CloudBase ends a call at its timeout
 * (cloudbaserc.json: 10 s, 20 s for member), so past 25 s its request id may run again.
 */
const STALE_MS = 25_000
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
 * The first outcome of a finished request, if any: a retry of her own request answers it even when
 * that outcome changed who she is (a retried `unbind` after it succeeded is no longer a member's call).
 */
export async function finishedOutcome(db: Db, key: string): Promise<{ replay: () => unknown } | undefined> {
  const doc = await read(db, key)
  return doc?.state === 'done' ? { replay: () => replay(doc) } : undefined
}

/**
 * What a mutation's first call left behind, read on a same-id retry while its marker is still pending
 * (the call is running, or it died: a retry cannot tell which). `{data}`: the first call got that far
 * (the redemption row, the reversal, the confirmation carry the request id), answer it. `undefined`:
 * it made no decisive write, so the work runs again at once; the action's decisive write is
 * conditional, so if the first call is in fact alive exactly one of the two wins, and the other,
 * refused, reads the winner's outcome here once more. `rerun` says so for work that is safe to repeat.
 */
export type Recover = () => Promise<{ data: unknown } | undefined>

async function finish(db: Db, key: string, outcome: RequestDoc['outcome']): Promise<void> {
  await db
    .collection(COLLECTIONS.requests)
    .doc(key)
    .update({ state: 'done', outcome: db.command.set(outcome) })
}

function outcomeOf(e: AppError): NonNullable<RequestDoc['outcome']> {
  return {
    ok: false,
    code: e.code,
    message: e.message,
    ...(e.field ? { field: e.field } : {}),
    ...(e.details ? { details: e.details } : {}),
  }
}

/** A pending marker without a way to recover: wait for its outcome, take it over once surely dead. */
async function waitOrTakeOver(db: Db, clock: Clock, key: string): Promise<{ replay: RequestDoc } | 'take-over'> {
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    const doc = await read(db, key)
    if (doc?.state === 'done') return { replay: doc }
    if (!doc) return 'take-over'
    if (clock() - doc.startedAt > STALE_MS) {
      const took = await db
        .collection(COLLECTIONS.requests)
        .where({ _id: key, state: 'pending', startedAt: doc.startedAt })
        .update({ startedAt: clock() })
      if (took.updated === 1) return 'take-over'
    }
    if (Date.now() > deadline) throw new AppError('CONFLICT')
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function runAndRecord(db: Db, key: string, work: () => Promise<unknown>, recover: Recover | undefined): Promise<unknown> {
  try {
    const data = await work()
    await finish(db, key, { ok: true, data: data ?? null })
    return data
  } catch (e) {
    if (!(e instanceof AppError)) {
      await db
        .collection(COLLECTIONS.requests)
        .doc(key)
        .remove()
        .catch(() => undefined)
      throw e
    }
    // Refused: maybe because a same-id run (alive after all) just won; its outcome is the answer.
    const won = recover ? await recover() : undefined
    await finish(db, key, won ? { ok: true, data: won.data ?? null } : outcomeOf(e))
    if (won) return won.data
    throw e
  }
}

/**
 * Runs `work` once per key. The marker is written BEFORE the work, so a retry racing the first call
 * never does the work twice. Expected failures are remembered too: a retry sees the same answer.
 * With `recover`, a retry of a call that died answers at once (never CONFLICT); without it, the
 * retry waits for the first call's outcome and takes over only after the function timeout.
 */
export async function runOnce(
  db: Db,
  clock: Clock,
  key: string,
  work: () => Promise<unknown>,
  opts: { openid?: string; recover?: Recover } = {},
): Promise<unknown> {
  const marker = { _id: key, state: 'pending', startedAt: clock(), ...(opts.openid ? { openid: opts.openid } : {}) }
  if (!(await insertOnce(db.collection(COLLECTIONS.requests), marker))) {
    const doc = await read(db, key)
    if (doc?.state === 'done') return replay(doc)
    if (opts.recover) {
      const found = await opts.recover()
      if (found) {
        await finish(db, key, { ok: true, data: found.data ?? null })
        return found.data
      }
    } else {
      const next = await waitOrTakeOver(db, clock, key)
      if (next !== 'take-over') return replay(next.replay)
    }
  }
  return runAndRecord(db, key, work, opts.recover)
}

/** For `recover`: the work is safe to run again (its writes are upserts or conditional). */
export const rerun = async (): Promise<undefined> => undefined

/** Deletes markers past their time (one indexed removal); the one sweeper runs it (common/sweeper.ts). */
export async function sweepExpiredRequests(db: Db, now: number): Promise<number> {
  return (
    (
      await db
        .collection(COLLECTIONS.requests)
        .where({ startedAt: db.command.lte(now - REQUEST_TTL_MS) })
        .remove()
    ).deleted ?? 0
  )
}

/** Erases a member's markers (her deletion request); answers how many. */
export async function eraseRequestsOf(db: Db, openid: string): Promise<number> {
  return (await db.collection(COLLECTIONS.requests).where({ openid }).remove()).deleted ?? 0
}
