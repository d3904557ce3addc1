/**
 * What every bench stands on: a fresh emulator (whose request counts give the
 * `db calls/request` lines) and the local host serving the functions under
 * test beside a no-op function, the yardstick of `throughput vs no-op`.
 *
 * The emulator runs in a process of its own, as CloudBase's database is a
 * service apart from the function's instance: what a database call costs the
 * function (the SDK building and signing it, the socket, the reply's parse) is
 * charged to the host's process, and the database's own work is not. With
 * BENCH_EMULATOR=inprocess it shares the host's event loop instead (the figure
 * of a single-process local demo, where both compete for one core).
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { connectDb, type Db } from '../../cloudfunctions/common/db'
import { resetEnvCache } from '../../cloudfunctions/common/env'
import { action, defineFunction } from '../../cloudfunctions/common/function'
import { startEmulator } from '../emulator/server'
import { spawnEmulator } from '../emulator/spawn'
import type { FunctionMain } from '../host/functions'
import { buildInvocation } from '../host/identity'
import { freshInstanceLoader, type InstanceMode } from '../host/instances'
import { type RunningHost, startHost } from '../host/server'

/**
 * The host accepts only demo identities: a bench-only wrapper takes the caller from `data.as` and builds the
 * invocation as the host does.
 */
export function asCaller(name: string, main: FunctionMain): FunctionMain {
  return (event) => {
    const body = event as { action?: unknown; data?: { as?: string; data?: unknown }; requestId?: unknown; attempt?: unknown }
    const inv = buildInvocation(
      name,
      { action: body.action, data: body.data?.data, requestId: body.requestId, attempt: body.attempt },
      body.data?.as,
    )
    return main(inv.event, inv.context)
  }
}

/** Nearest-rank percentile of an ascending list. */
export function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

export type RequestCounts = ReturnType<Awaited<ReturnType<typeof startEmulator>>['requests']>

/** The bench's emulator: its URL, and the database requests it served since the last reset (`GET /_stats`). */
export interface BenchEmulator {
  url: string
  requests(): Promise<RequestCounts>
  resetRequests(): Promise<void>
  stop(): Promise<void>
}

async function benchEmulator(dataDir: string): Promise<BenchEmulator> {
  if (process.env.BENCH_EMULATOR === 'inprocess') {
    const e = await startEmulator({ dataDir, port: 0, quiet: true })
    return { url: e.url, requests: async () => e.requests(), resetRequests: async () => e.resetRequests(), stop: e.stop }
  }
  const p = await spawnEmulator({ dataDir })
  const base = p.url.replace(/\/admin$/, '')
  const stats = async (path: string, method = 'GET') => {
    const res = await fetch(`${base}${path}`, { method })
    if (!res.ok) throw new Error(`emulator ${path}: HTTP ${res.status}`)
    return res.json() as Promise<{ requests?: RequestCounts }>
  }
  return {
    url: p.url,
    requests: async () => (await stats('/_stats')).requests as RequestCounts,
    resetRequests: async () => void (await stats('/_stats/reset', 'POST')),
    stop: async () => void (await p.kill('SIGTERM')),
  }
}

export interface BenchStack {
  db: Db
  emulator: BenchEmulator
  /**
   * The URL of a function (`noop` included). `shared` (default): today's host, one module instance
   * serving every call at once, batching across calls. `warm`/`cold`: hosts that give each call an
   * instance of its own, as CloudBase does (tools/host/instances.ts): `warm` reuses an idle one, `cold`
   * loads a fresh one every call.
   */
  url(fn: string, mode?: InstanceMode): string
  stop(): Promise<void>
}

const FUNCTIONS_ROOT = join(__dirname, '../../cloudfunctions')

/** A fresh module instance of a deployed function (its index.ts `main`), the bench's caller wrapper on top. */
function freshLoader(name: string, callerInBody: boolean): () => FunctionMain {
  const load = freshInstanceLoader(FUNCTIONS_ROOT, name)
  return () => (callerInBody ? asCaller(name, load()) : load())
}

/** The figure every bench prints beside its own: how the calls met instances. */
export function batchingLine(mode: InstanceMode): string {
  return mode === 'shared'
    ? 'instances: one shared instance, batching across concurrent calls ON (the local demo, not CloudBase)'
    : `instances: one call per instance (${mode}), no batching across calls (as CloudBase runs a function)`
}

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/**
 * `functions` is called once the environment points at the fresh emulator.
 * With `callerInBody` (default) every function, the no-op too, takes its caller from `data.as`.
 */
export async function startBenchStack(
  label: string,
  functions: () => Record<string, FunctionMain>,
  { callerInBody = true } = {},
): Promise<BenchStack> {
  process.env.TENCENTCLOUD ??= 'true' // skip the SDK's metadata probe off Tencent Cloud (see test/support/emulator.ts)
  process.env.QR_KEYS ??= `b1:${randomBytes(32).toString('base64url')}`
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${label}-`))
  const emulator = await benchEmulator(dataDir)
  process.env.TCB_SERVICE_URL = emulator.url
  process.env.TCB_ENV = 'local'
  resetEnvCache()
  const noop = defineFunction('noop', {
    ping: action({ input: z.strictObject({}), auth: 'caller', run: async () => ({}) }),
  }) as FunctionMain
  const all = Object.entries({ ...functions(), noop }).map(([name, fn]) => [name, callerInBody ? asCaller(name, fn) : fn] as const)
  const host = await startHost({ production: false, functions: new Map(all), instances: { timeouts: false } })
  const perInstance: Partial<Record<InstanceMode, RunningHost>> = {}
  for (const mode of ['warm', 'cold'] as const) {
    // The no-op is loaded as a deployed function would be: it has no folder, so its instances are just itself.
    const load = (name: string) => (name === 'noop' ? all.find(([n]) => n === 'noop')![1] : freshLoader(name, callerInBody)())
    perInstance[mode] = await startHost({ production: false, functions: new Map(all), instances: { mode, load, timeouts: false } })
  }
  return {
    db: connectDb(emulator.url),
    emulator,
    url: (fn, mode = 'shared') => `${(mode === 'shared' ? host : perInstance[mode]!).url}/fn/${fn}`,
    async stop() {
      await host.stop()
      for (const h of Object.values(perInstance)) await h.stop()
      await emulator.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A bench's entry point: a failure is printed and exits non-zero. */
export function runBench(main: () => Promise<void>): void {
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}

/**
 * Runs `fn`; with BENCH_PROFILE=<dir> set, records a CPU profile of just that
 * stretch (e.g. the rush, not the seeding) into `<dir>/<label>.cpuprofile`,
 * for Chrome DevTools or `node --cpu-prof`'s usual readers.
 */
export async function profiled<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE
  if (!dir) return fn()
  const { Session } = await import('node:inspector/promises')
  const { mkdirSync, writeFileSync } = await import('node:fs')
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 200 })
  await session.post('Profiler.start')
  try {
    return await fn()
  } finally {
    const { profile } = await session.post('Profiler.stop')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, `${label}.cpuprofile`), JSON.stringify(profile))
    session.disconnect()
  }
}

/** One request through a host, counted alone by the emulator: its answer and its database calls. */
export async function countOne(
  stack: BenchStack,
  url: string,
  call: { as: string; action: string; data: unknown },
): Promise<{ code: string; calls: number }> {
  await stack.emulator.resetRequests()
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: call.action, data: { as: call.as, data: call.data }, requestId: randomUUID(), attempt: 1 }),
  })
  const body = (await res.json()) as { ok: boolean; code?: string }
  return { code: body.ok ? 'OK' : (body.code ?? `HTTP ${res.status}`), calls: (await stack.emulator.requests()).total }
}

/**
 * The §6 single-call figures: `runs` measurements on a fresh instance each (`cold`) and on one
 * instance that served a call before, one call at a time (`warm`), median of each. `next(i)` gives
 * the i-th call (a winning call needs a place of its own each time); `before` runs first (free one).
 */
export async function coldWarm(
  stack: BenchStack,
  fn: string,
  next: (i: number) => { as: string; action: string; data: unknown },
  opts: { runs?: number; before?: (i: number) => Promise<void>; warmUp?: { as: string; action: string; data: unknown } } = {},
): Promise<{ cold: number; warm: number; codes: string[] }> {
  const runs = opts.runs ?? 3
  const codes: string[] = []
  const cold: number[] = []
  const warm: number[] = []
  if (opts.warmUp) await countOne(stack, stack.url(fn, 'warm'), opts.warmUp)
  for (let i = 0; i < runs * 2; i++) {
    await opts.before?.(i)
    const mode = i % 2 ? 'warm' : 'cold'
    const r = await countOne(stack, stack.url(fn, mode), next(i))
    codes.push(r.code)
    ;(mode === 'warm' ? warm : cold).push(r.calls)
  }
  return { cold: median(cold), warm: median(warm), codes }
}
