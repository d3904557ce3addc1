import { AsyncLocalStorage } from 'node:async_hooks'
import type { Envelope } from '~types/envelope'
import { ERROR_MESSAGES } from '~types/errors'

/**
 * Past a plan's database QPS or connections CloudBase refuses a call before it runs
 * (EXCEED_RATELIMIT, EXCEED_CONCURRENT_REQUEST_LIMIT; docs/emulator.md "Plan limits"), so
 * sending the same call again is always safe. Every database call of the kit goes through
 * the SDK's one request class (`Db.reqClass`, @cloudbase/database); wrapping it retries a
 * refused call with jittered backoff, inside a time budget well below the function's 10 s
 * timeout. Past the budget, or once a day's quota is used up (retrying cannot help before
 * tomorrow), the call throws a `DbRefusal`: NOT an AppError, so a mutation's request marker
 * is given back (idempotency.ts) and her retry with the same id runs again; the router
 * answers BUSY or QUOTA_EXHAUSTED (function.ts).
 */
const RETRYABLE = new Set(['EXCEED_RATELIMIT', 'EXCEED_CONCURRENT_REQUEST_LIMIT'])
const QUOTA = new Set(['EXCEED_REQUEST_LIMIT'])

/** What one database call may spend retrying, unless the request's deadline is nearer. */
export const CALL_BUDGET_MS = Number(process.env.DB_RETRY_BUDGET_MS) || 3000
const BASE_MS = 40
const CAP_MS = 800

export class DbRefusal extends Error {
  constructor(
    readonly kind: 'busy' | 'quota',
    readonly sdkCode: string,
    message: string,
  ) {
    super(message)
    this.name = 'DbRefusal'
  }
}

export function refusalOf(err: unknown): DbRefusal | undefined {
  // By name as well: the wrapper is shared by every module instance of the process, its class is the first one's.
  if (err instanceof DbRefusal || (err instanceof Error && err.name === 'DbRefusal' && 'kind' in err)) return err as DbRefusal
  const code = String((err as { code?: unknown } | null)?.code ?? '')
  if (RETRYABLE.has(code)) return new DbRefusal('busy', code, String((err as Error).message))
  if (QUOTA.has(code)) return new DbRefusal('quota', code, String((err as Error).message))
  return undefined
}

/**
 * The SDK's request class is shared by every module instance in the process (node_modules load once,
 * a fresh instance of our code does not), so the wrapping, its deadlines and its counts live in one
 * process-wide place: a second instance never wraps the class again.
 */
interface Shared {
  deadlines: AsyncLocalStorage<number>
  stats: { retried: number; gaveUp: number; quota: number }
  wrappers: WeakSet<object>
  installed: WeakSet<object>
}
const KEY = Symbol.for('union-member-services.db-retry')
const shared: Shared = ((globalThis as Record<symbol, Shared | undefined>)[KEY] ??= {
  deadlines: new AsyncLocalStorage<number>(),
  stats: { retried: 0, gaveUp: 0, quota: 0 },
  wrappers: new WeakSet(),
  installed: new WeakSet(),
})
const deadlines = shared.deadlines

/**
 * What the router answers for a refusal that reached it: BUSY (her phone waits in line and retries
 * with the same request id), or QUOTA_EXHAUSTED, logged `[quota]` so officers' log alerts see it
 * (with the day's writes gone, nothing can be written about it).
 */
export function refusalEnvelope(fn: string, action: unknown, r: DbRefusal): Envelope<never> {
  if (r.kind === 'quota') console.error(`[quota] ${fn} ${String(action)}: ${r.sdkCode} ${r.message}`)
  const code = r.kind === 'quota' ? 'QUOTA_EXHAUSTED' : 'BUSY'
  return { ok: false, code, message: ERROR_MESSAGES[code] }
}

/** Runs `fn` with a deadline every database retry inside it respects (a router may set it per request). */
export function withDbDeadline<T>(deadline: number, fn: () => Promise<T>): Promise<T> {
  return deadlines.run(deadline, fn)
}

/** Full jitter: a random wait up to the exponential step, so refused callers do not return together. */
export function retryDelayMs(attempt: number, random: number = Math.random()): number {
  return Math.round(random * Math.min(CAP_MS, BASE_MS * 2 ** attempt))
}

/** Stats for benches and tests: calls refused and retried in this instance. */
export const retryStats = shared.stats

export async function sendWithRetry<T>(send: () => Promise<T>, budgetMs = CALL_BUDGET_MS): Promise<T> {
  const start = Date.now()
  const until = Math.min(start + budgetMs, deadlines.getStore() ?? Infinity)
  for (let attempt = 0; ; attempt++) {
    try {
      return await send()
    } catch (e) {
      const refused = refusalOf(e)
      if (!refused) throw e
      refused.cause = e
      if (refused.kind === 'quota') throw (retryStats.quota++, refused)
      const wait = retryDelayMs(attempt)
      if (Date.now() + wait > until) throw (retryStats.gaveUp++, refused)
      retryStats.retried++
      await new Promise((r) => setTimeout(r, wait))
    }
  }
}

type Requester = { send(api: string, data: unknown, opts?: unknown): Promise<unknown> }
type RequesterClass = new (config: unknown) => Requester

const wrappers = shared.wrappers

function retrying(Base: RequesterClass): RequesterClass {
  if (wrappers.has(Base)) return Base
  const Retrying = class extends Base {
    send(api: string, data: unknown, opts?: unknown): Promise<unknown> {
      return sendWithRetry(() => super.send(api, data, opts))
    }
  }
  wrappers.add(Retrying)
  return Retrying
}

const installed = shared.installed

/**
 * Wraps the SDK's request class (`Db.reqClass`, shared by every Db of one SDK copy). `app.database()`
 * assigns it again each time, so the property becomes an accessor that wraps whatever is assigned:
 * a Db made later (a test's, a tool's) never turns retries off for the others.
 */
export function installDbRetry(db: object): void {
  const DbClass = db.constructor as { reqClass?: RequesterClass }
  if (installed.has(DbClass) || !DbClass.reqClass) return
  installed.add(DbClass)
  let wrapped = retrying(DbClass.reqClass)
  Object.defineProperty(DbClass, 'reqClass', {
    configurable: true,
    get: () => wrapped,
    set: (Base: RequesterClass) => void (wrapped = retrying(Base)),
  })
}
