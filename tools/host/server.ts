import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ERROR_MESSAGES } from '~types/errors'
import { DEMO_IDENTITIES } from '../seed/demo-identities'
import { buildInvocation, demoCaller } from './identity'
import { type ConsoleHost, createConsoleHost } from './console-routes'
import type { FunctionMain } from './functions'
import { configuredTimeouts, type FunctionPool, functionPool, type InstanceMode, PlatformRefusal } from './instances'
import { limitsFromEnv } from '../emulator/plans'
import { serveStatic } from './static'
import { serveWechatDemo } from './wechat-routes'

export interface HostOptions {
  functions: Map<string, FunctionMain>
  /** Folder of the H5 build to serve at `/`; omitted: no static files. */
  staticDir?: string
  /** Folder of the officers' console build (dist/console) to serve at `/console/`; omitted: none. */
  consoleDir?: string
  port?: number
  host?: string
  /** In production mode demo identities are refused. */
  production: boolean
  /**
   * How calls meet instances (tools/host/instances.ts). Defaults: `shared`, each function's timeout
   * from cloudbaserc.json (`timeouts: false` turns it off), and the per-function concurrency of the
   * plan `EMULATOR_PLAN` names (none without one). `cold`/`warm` need `load`.
   */
  instances?: {
    mode?: InstanceMode
    concurrency?: number
    timeouts?: Map<string, number> | false
    load?: (name: string) => FunctionMain
  }
}

export interface RunningHost {
  url: string
  port: number
  stop(): Promise<void>
}

/**
 * CloudBase refuses a function call whose request body exceeds 6 MB (EXCEED_MAX_PAYLOAD_SIZE;
 * https://docs.cloudbase.net/error-code/service/EXCEED_MAX_PAYLOAD_SIZE): the host refuses the same.
 */
export const MAX_BODY = 6 * 1024 * 1024

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(json)
}

function fail(res: ServerResponse, status: number, code: keyof typeof ERROR_MESSAGES): void {
  send(res, status, { ok: false, code, message: ERROR_MESSAGES[code] })
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    // An oversized body is drained, not kept, so the client still gets its answer.
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= MAX_BODY) chunks.push(c)
    })
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function buildPools(opts: HostOptions): Map<string, FunctionPool> {
  const i = opts.instances ?? {}
  const timeouts = i.timeouts === false ? new Map<string, number>() : (i.timeouts ?? configuredTimeouts())
  const concurrency = i.concurrency ?? limitsFromEnv()?.functionConcurrency
  const pools = new Map<string, FunctionPool>()
  for (const [name, main] of opts.functions) {
    const load = i.load ? () => i.load!(name) : undefined
    pools.set(name, functionPool({ mode: i.mode, concurrency, timeoutMs: timeouts.get(name), main, load }))
  }
  return pools
}

async function callFunction(
  opts: HostOptions,
  pools: Map<string, FunctionPool>,
  consoleHost: ConsoleHost,
  name: string,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const pool = pools.get(name)
  if (!pool) return fail(res, 404, 'NOT_FOUND')
  const raw = await readBody(req)
  if (raw === undefined)
    return send(res, 413, { ok: false, code: 'INVALID_ARGUMENT', field: 'body', message: '请求内容超过 6 MB，请分批提交' })
  let body: unknown
  try {
    body = JSON.parse(raw || '{}')
  } catch {
    return fail(res, 400, 'INVALID_ARGUMENT')
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return fail(res, 400, 'INVALID_ARGUMENT')
  const openid = demoCaller(req.headers['x-demo-openid'] as string | undefined, opts.production)
  // no demo identity: a web caller as CloudBase's login would put it (the console; console-auth.ts)
  const { event, context } = buildInvocation(
    name,
    body as Record<string, unknown>,
    openid,
    openid ? undefined : consoleHost.auth.webCaller(req),
  )
  try {
    send(res, 200, await pool.call(event, context))
  } catch (err) {
    if (err instanceof PlatformRefusal) return send(res, err.status, err.body())
    console.error(`[host] ${name} threw:`, err)
    fail(res, 500, 'INTERNAL')
  }
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}

function route(opts: HostOptions, pools: Map<string, FunctionPool>) {
  const consoleHost = createConsoleHost(opts.consoleDir)
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url || '/', 'http://host')
    // A path that does not decode (`/%E0%A4%A`) is the caller's mistake, not ours.
    if (!decodes(url.pathname)) return fail(res, 400, 'INVALID_ARGUMENT')
    const fn = /^\/fn\/([a-z][a-z0-9-]*)$/.exec(url.pathname)
    if (fn && req.method === 'POST') return callFunction(opts, pools, consoleHost, fn[1], req, res)
    if (await consoleHost.handle(req, res, url.pathname)) return
    if (url.pathname.startsWith('/wx/') && (await serveWechatDemo(req, res, url.pathname, opts.production))) return
    if (url.pathname === '/healthz') return send(res, 200, { ok: true, functions: [...opts.functions.keys()] })
    if (url.pathname === '/demo/identities' && req.method === 'GET') {
      return opts.production ? fail(res, 404, 'NOT_FOUND') : send(res, 200, DEMO_IDENTITIES)
    }
    if (opts.staticDir && (req.method === 'GET' || req.method === 'HEAD')) return serveStatic(opts.staticDir, url.pathname, res)
    return fail(res, 404, 'NOT_FOUND')
  }
}

export function startHost(opts: HostOptions): Promise<RunningHost> {
  const handler = route(opts, buildPools(opts))
  const server: Server = createServer((req, res) => {
    handler(req, res).catch((err) => {
      console.error('[host] request failed:', err)
      if (!res.headersSent) fail(res, 500, 'INTERNAL')
    })
  })
  // Clients keep connections alive; closing an idle one just as a request reuses it resets that request (ECONNRESET under load).
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
        port,
        stop: () =>
          new Promise<void>((r) => {
            server.closeAllConnections()
            server.close(() => r())
          }),
      })
    })
  })
}
