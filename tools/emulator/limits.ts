import { EmulatorError } from './errors'
import type { PlanLimits } from './plans'

/**
 * A plan's database limits, kept as CloudBase keeps them (docs/emulator.md,
 * "Plan limits"): a request past the environment's QPS or its concurrent
 * connections is refused at once ("后续的连接都将被拒"), and once the day's
 * reads or writes are used up every read or write is refused until the
 * natural day ends. A refused request never reaches the engine, so it changes
 * nothing. Optionally, writes that change one document take turns, each holding
 * it `docWriteMs` (the hot-document ceiling §5 measures shards against): the
 * engine decides at once, the replies leave one write-time apart, so one
 * document's writers go no faster than 1000 / docWriteMs a second. A conditional
 * update that matches nothing writes nothing and does not wait.
 */
const READS = new Set(['database.getDocument', 'database.calculateDocument', 'database.aggregateDocuments'])
const WRITES = new Set([
  'database.insertDocument',
  'database.modifyDocument',
  'database.removeDocument',
  'database.modifyAndReturnDoc',
  'database.addCollection',
])
/** Writes whose query can pin one document (an insert makes a new one). */
const DOC_WRITES = new Set(['database.modifyDocument', 'database.removeDocument', 'database.modifyAndReturnDoc'])

/**
 * The codes of docs.cloudbase.net/error-code/basic, as the SDK throws them (`err.code`); the
 * errCode form of the WeChat error-code page is kept in the message for people reading logs.
 */
export const rateLimited = (): EmulatorError =>
  new EmulatorError('EXCEED_RATELIMIT', '[LimitExceeded] 请求频率超过套餐资源限制 (-501003, database QPS)')
export const tooManyConnections = (): EmulatorError =>
  new EmulatorError('EXCEED_CONCURRENT_REQUEST_LIMIT', '[LimitExceeded] 请求并发超限 (-501004, database connections)')
export const readQuotaExhausted = (): EmulatorError =>
  new EmulatorError('EXCEED_REQUEST_LIMIT', '[LimitExceeded.ReadQuota] 读请求次数配额耗尽 (-501015)')
export const writeQuotaExhausted = (): EmulatorError =>
  new EmulatorError('EXCEED_REQUEST_LIMIT', '[LimitExceeded.WriteQuota] 写请求次数配额耗尽 (-501016)')

export interface LimitUsage {
  day: number
  reads: number
  writes: number
  refused: { rate: number; connections: number; reads: number; writes: number }
  inFlight: number
  peakInFlight: number
  /** Milliseconds writes spent waiting for their document's turn. */
  docWaitMs: number
}

const DAY_MS = 86_400_000
const SHANGHAI_MS = 8 * 3_600_000
const shanghaiDay = (now: number): number => Math.floor((now + SHANGHAI_MS) / DAY_MS)

function pinnedDoc(p: Record<string, unknown>): string | undefined {
  let q = p.query
  if (typeof q === 'string') {
    try {
      q = JSON.parse(q)
    } catch {
      return undefined
    }
  }
  const id = (q as { _id?: unknown } | null)?._id
  return typeof id === 'string' || typeof id === 'number' ? `${String(p.collectionName)}/${String(id)}` : undefined
}

export interface Admission {
  /** Set: the request is refused with this error and must not run. */
  refused?: EmulatorError
  /** Call once the reply is sent (frees the connection). */
  release(): void
}

export class Limiter {
  private window: number[] = []
  private usage: LimitUsage = Limiter.fresh(0)
  private busyUntil = new Map<string, number>()

  constructor(
    public limits: PlanLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  private static fresh(day: number): LimitUsage {
    return {
      day,
      reads: 0,
      writes: 0,
      refused: { rate: 0, connections: 0, reads: 0, writes: 0 },
      inFlight: 0,
      peakInFlight: 0,
      docWaitMs: 0,
    }
  }

  /** Decides one request before it runs. */
  admit(body: unknown): Admission {
    const now = this.clock()
    const p = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
    const action = String(p.action ?? '')
    this.rollDay(now)
    const refused = this.check(action, now)
    if (refused) return { refused, release: () => {} }
    this.window.push(now)
    this.usage.inFlight++
    this.usage.peakInFlight = Math.max(this.usage.peakInFlight, this.usage.inFlight)
    if (READS.has(action)) this.usage.reads++
    if (WRITES.has(action)) this.usage.writes++
    let released = false
    return {
      release: () => {
        if (!released) this.usage.inFlight--
        released = true
      },
    }
  }

  private check(action: string, now: number): EmulatorError | undefined {
    const { dbQps, dbConnections, readsPerDay, writesPerDay } = this.limits
    const u = this.usage
    if (readsPerDay !== undefined && READS.has(action) && u.reads >= readsPerDay) return (u.refused.reads++, readQuotaExhausted())
    if (writesPerDay !== undefined && WRITES.has(action) && u.writes >= writesPerDay) return (u.refused.writes++, writeQuotaExhausted())
    if (dbConnections !== undefined && u.inFlight >= dbConnections) return (u.refused.connections++, tooManyConnections())
    if (dbQps !== undefined) {
      while (this.window.length && this.window[0] <= now - 1000) this.window.shift()
      if (this.window.length >= dbQps) return (u.refused.rate++, rateLimited())
    }
    return undefined
  }

  /** How long the reply of a write that changed one document waits for that document's turn. */
  afterWrite(body: unknown, reply: Record<string, unknown>): number {
    const cost = this.limits.docWriteMs
    const p = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
    if (!cost || !DOC_WRITES.has(String(p.action)) || p.transactionId) return 0
    const data = (reply.data ?? {}) as { updated?: number; deleted?: number }
    if (!((data.updated ?? 0) > 0 || (data.deleted ?? 0) > 0)) return 0
    const key = pinnedDoc(p)
    if (!key) return 0
    const now = this.clock()
    const start = Math.max(now, this.busyUntil.get(key) ?? 0)
    this.busyUntil.set(key, start + cost)
    const delay = start + cost - now
    this.usage.docWaitMs += start - now
    return delay
  }

  private rollDay(now: number): void {
    const day = shanghaiDay(now)
    if (day !== this.usage.day) this.usage = { ...Limiter.fresh(day), inFlight: this.usage.inFlight, peakInFlight: this.usage.inFlight }
  }

  snapshot(): LimitUsage {
    this.rollDay(this.clock())
    return { ...this.usage, refused: { ...this.usage.refused } }
  }

  /** Tests and the planner: set today's counts (e.g. the write quota nearly used up) or clear the refusals and the QPS window. */
  setUsage(u: { reads?: number; writes?: number; resetRefused?: boolean }): void {
    this.rollDay(this.clock())
    if (u.reads !== undefined) this.usage.reads = u.reads
    if (u.writes !== undefined) this.usage.writes = u.writes
    if (u.resetRefused) {
      this.window = []
      this.usage.refused = { rate: 0, connections: 0, reads: 0, writes: 0 }
      this.usage.peakInFlight = this.usage.inFlight
      this.usage.docWaitMs = 0
    }
  }
}
