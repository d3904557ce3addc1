import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { invalidParam, systemError } from './errors'
import type { AddressInfo } from 'node:net'
import { type IndexDeclarations, INDEXES } from '../../cloudfunctions/common/indexes'
import type { EmulatorOptions } from './context'
import { Journal } from './journal'
import { Limiter, type LimitUsage } from './limits'
import { limitsFromEnv, type PlanLimits } from './plans'
import { commit, type Engine, handle, RequestCounts } from './protocol'
import { Store } from './store'
import { TRANSACTION_LIMIT_MS, TransactionManager } from './transactions'

export interface StartOptions {
  dataDir: string
  /** 0 or omitted: a free port. */
  port?: number
  /** Default 127.0.0.1: the emulator has no authentication and must not be reachable from elsewhere. */
  host?: string
  quiet?: boolean
  /** Collections must be created first, as in CloudBase (default false: created on first write). */
  strictCollections?: boolean
  /** Transaction lifetime; CloudBase's is 30 s. Tests may shorten it. */
  transactionLimitMs?: number
  /** Compact the journal past this size (default 8 MiB). */
  maxJournalBytes?: number
  /** Indexes to build and use (default: cloudfunctions/common/indexes.ts); `_id` is always indexed. */
  indexes?: IndexDeclarations
  /**
   * notablescan: refuse a query no declared index serves on a collection over
   * this many documents; null: off. Default: env EMULATOR_NOTABLESCAN_OVER, else off.
   */
  notablescanOver?: number | null
  /**
   * A plan's database limits (tools/emulator/plans.ts); null: none. Default: what `EMULATOR_PLAN` or the
   * explicit `EMULATOR_DB_*` figures ask for, else none. Reads and writes are counted either way.
   */
  limits?: PlanLimits | null
}

function envThreshold(): number | undefined {
  const v = process.env.EMULATOR_NOTABLESCAN_OVER
  if (v === undefined || v === '') return undefined
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0) throw new Error(`EMULATOR_NOTABLESCAN_OVER must be a non-negative integer, got ${JSON.stringify(v)}`)
  return n
}

export interface RunningEmulator {
  /** Pass as the SDK's `serviceUrl` (it includes the `/admin` path the SDK would use). */
  url: string
  port: number
  stop(): Promise<void>
  /** For tests and tools: journal size and compactions so far. */
  stats(): { journalBytes: number; compactions: number; seq: number }
  /** Database requests served since start or the last reset (also `GET /_stats`, `POST /_stats/reset`). */
  requests(): ReturnType<RequestCounts['snapshot']>
  resetRequests(): void
  /** The plan's limits and today's usage (also `GET /_limits`; `POST /_limits` sets `{limits?, usage?}`). */
  limiter: Limiter
}

const MAX_BODY = 16 * 1024 * 1024

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) reject(new Error('request body too large'))
      else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

/** Tools' side door, outside the SDK's /admin path: request counts for benches. */
function serveStats(engine: Engine, req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? '').split('?')[0]
  if (path === '/_stats' && req.method === 'GET') send(res, { requests: engine.counts.snapshot(), seq: engine.store.seq })
  else if (path === '/_stats/reset' && req.method === 'POST') {
    engine.counts.reset()
    send(res, { ok: true })
  } else if (path === '/_limits' && req.method === 'GET') send(res, limitsView(engine.limiter))
  else return false
  req.resume()
  return true
}

const limitsView = (l: Limiter): { limits: PlanLimits; usage: LimitUsage } => ({ limits: l.limits, usage: l.snapshot() })

interface LimitsChange {
  limits?: PlanLimits
  usage?: { reads?: number; writes?: number; resetRefused?: boolean }
}

async function serveLimitsChange(limiter: Limiter, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const change = JSON.parse((await readBody(req)) || '{}') as LimitsChange
  if (change.limits) limiter.limits = change.limits
  if (change.usage) limiter.setUsage(change.usage)
  send(res, limitsView(limiter))
}

let refusals = 0

/** Past a plan's limit the request is answered as CloudBase answers it and never runs. */
async function admitted(engine: Engine, body: unknown, res: ServerResponse): Promise<void> {
  const adm = engine.limiter.admit(body)
  if (adm.refused) return send(res, { requestId: `limit-${++refusals}`, code: adm.refused.code, message: adm.refused.message })
  try {
    const reply = await handle(engine, body)
    const wait = engine.limiter.afterWrite(body, reply)
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    send(res, reply)
  } finally {
    adm.release()
  }
}

async function serve(engine: Engine, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (serveStats(engine, req, res)) return
  if ((req.url ?? '').split('?')[0] === '/_limits' && req.method === 'POST') return serveLimitsChange(engine.limiter, req, res)
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'POST' }).end()
    return
  }
  try {
    const text = await readBody(req)
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      send(res, { code: 'INVALID_PARAM', message: invalidParam('body is not JSON').message })
      return
    }
    await admitted(engine, body, res)
  } catch (e) {
    send(res, { code: 'SYS_ERR', message: systemError((e as Error).message).message })
  }
}

function createEngine(opts: StartOptions): Engine {
  const emuOpts: EmulatorOptions = {
    strictCollections: opts.strictCollections ?? false,
    notablescanOver: opts.notablescanOver === undefined ? envThreshold() : (opts.notablescanOver ?? undefined),
  }
  // The store asks whether a transaction is open; the manager is made after the engine it commits through.
  const ref: { txs?: TransactionManager } = {}
  const store = new Store(() => ref.txs?.hasOpen() ?? false, opts.indexes ?? INDEXES)
  const journal = new Journal(store, { dir: opts.dataDir, maxBytes: opts.maxJournalBytes ?? 8 * 1024 * 1024 })
  const limits = opts.limits === undefined ? limitsFromEnv() : opts.limits
  const engine = { store, journal, opts: emuOpts, counts: new RequestCounts(), limiter: new Limiter(limits ?? {}) } as Engine
  ref.txs = new TransactionManager(store, emuOpts, opts.transactionLimitMs ?? TRANSACTION_LIMIT_MS, (ops) => commit(engine, ops))
  engine.txs = ref.txs
  return engine
}

/** Starts the local CloudBase database emulator; see docs/emulator.md. */
export async function startEmulator(opts: StartOptions): Promise<RunningEmulator> {
  const engine = createEngine(opts)
  engine.journal.open()
  const server = createServer((req, res) => void serve(engine, req, res))
  // Clients keep connections alive; closing an idle one just as a request reuses it resets that request (ECONNRESET under load).
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  const host = opts.host ?? '127.0.0.1'
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(opts.port ?? 0, host, () => resolve())
    })
  } catch (e) {
    await engine.journal.close()
    throw e
  }
  const port = (server.address() as AddressInfo).port
  const url = `http://${host}:${port}/admin`
  if (!opts.quiet) console.log(`[emulator] listening on ${url}, data in ${opts.dataDir}`)
  let stopped: Promise<void> | undefined
  const stop = (): Promise<void> =>
    (stopped ??= new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    }).then(() => {
      engine.txs.endAll()
      return engine.journal.close()
    }))
  const stats = () => ({ journalBytes: engine.journal.journalBytes, compactions: engine.journal.compactions, seq: engine.store.seq })
  const requests = () => engine.counts.snapshot()
  return { url, port, stop, stats, requests, resetRequests: () => engine.counts.reset(), limiter: engine.limiter }
}
