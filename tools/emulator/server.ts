import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { invalidParam, systemError } from './errors'
import type { AddressInfo } from 'node:net'
import { type IndexDeclarations, INDEXES } from '../../cloudfunctions/common/indexes'
import type { EmulatorOptions } from './context'
import { Journal } from './journal'
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
  } else return false
  req.resume()
  return true
}

async function serve(engine: Engine, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (serveStats(engine, req, res)) return
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
    send(res, await handle(engine, body))
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
  const engine = { store, journal, opts: emuOpts, counts: new RequestCounts() } as Engine
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
  return { url, port, stop, stats, requests: () => engine.counts.snapshot(), resetRequests: () => engine.counts.reset() }
}
