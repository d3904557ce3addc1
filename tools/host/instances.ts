import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FunctionMain } from './functions'

/**
 * How CloudBase runs a function, kept by the host when asked (issue 17 §1–2):
 * - `shared` (default, the local demo): one module instance serves every call at once, so
 *   concurrent calls share its batching and caches (what no CloudBase instance does);
 * - `cold`: every call gets a fresh module instance (nothing shared, nothing cached);
 * - `warm`: instances serve one call at a time and are reused, as CloudBase reuses them during
 *   a rush; a call finding none idle gets a new one.
 * At most `concurrency` calls of one function run at once; the next is refused as CloudBase
 * refuses it ("函数并发达到上限后后续的连接都将被拒"). A call still running at its timeout
 * (cloudbaserc.json) is answered as timed out and its instance is never used again; in-process,
 * its promise cannot be killed, so code after the timeout still runs (docs/emulator.md says so).
 */
export type InstanceMode = 'shared' | 'cold' | 'warm'

export interface PoolOptions {
  mode?: InstanceMode
  /** Calls in flight at once; undefined: no limit. */
  concurrency?: number
  /** undefined or 0: never ends a call. */
  timeoutMs?: number
  /** A fresh instance's `main` (for `cold` and `warm`); `shared` uses `main`. */
  load?: () => FunctionMain
  main?: FunctionMain
  /**
   * A local cap on live instances (not a CloudBase limit): past it a call waits for an idle one
   * instead of loading another module copy (each costs this process ~0.1–0.2 s of CPU).
   */
  maxInstances?: number
}

/** What the platform answers instead of the function (HTTP status for the host, code as CloudBase names it). */
export class PlatformRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly errCode: number,
    message: string,
  ) {
    super(message)
    this.name = 'PlatformRefusal'
  }
  body(): { code: string; errCode: number; message: string } {
    return { code: this.code, errCode: this.errCode, message: this.message }
  }
}

export interface PoolStats {
  calls: number
  refused: number
  timedOut: number
  instances: number
  peakInFlight: number
}

export interface FunctionPool {
  call(event: unknown, context: unknown): Promise<unknown>
  stats(): PoolStats
}

const concurrencyRefusal = (): PlatformRefusal =>
  new PlatformRefusal(429, 'EXCEED_CONCURRENT_REQUEST_LIMIT', -501004, '请求并发超限 (function concurrency of the plan)')
const timedOut = (ms: number): PlatformRefusal =>
  new PlatformRefusal(504, 'FUNCTIONS_TIME_LIMIT_EXCEEDED', -504003, `Invoking task timed out after ${ms / 1000} seconds`)

function withTimeout<T>(p: Promise<T>, ms: number | undefined): Promise<T> {
  if (!ms) return p
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(timedOut(ms)), ms)))
  return Promise.race([p, limit]).finally(() => clearTimeout(timer))
}

export function functionPool(opts: PoolOptions): FunctionPool {
  const mode = opts.mode ?? 'shared'
  if (mode !== 'shared' && !opts.load) throw new Error(`instance mode ${mode} needs a loader`)
  const idle: FunctionMain[] = []
  const waiting: ((m: FunctionMain) => void)[] = []
  const s: PoolStats = { calls: 0, refused: 0, timedOut: 0, instances: mode === 'shared' ? 1 : 0, peakInFlight: 0 }
  let live = 0
  let inFlight = 0
  const fresh = (): FunctionMain => (s.instances++, live++, opts.load!())
  async function acquire(): Promise<FunctionMain> {
    if (mode === 'shared') return opts.main ?? opts.load!()
    if (mode === 'warm' && idle.length) return idle.pop()!
    if (opts.maxInstances === undefined || live < opts.maxInstances) return fresh()
    return new Promise((resolve) => waiting.push(resolve))
  }
  function giveBack(instance: FunctionMain, healthy: boolean): void {
    if (mode === 'shared') return
    if (!healthy || mode === 'cold') live--
    const next = waiting.shift()
    if (next) next(healthy && mode === 'warm' ? instance : fresh())
    else if (healthy && mode === 'warm') idle.push(instance)
  }
  return {
    stats: () => ({ ...s }),
    async call(event, context) {
      if (opts.concurrency !== undefined && inFlight >= opts.concurrency) throw (s.refused++, concurrencyRefusal())
      inFlight++
      s.calls++
      s.peakInFlight = Math.max(s.peakInFlight, inFlight)
      const instance = await acquire()
      let healthy = true
      try {
        return await withTimeout(instance(event, context), opts.timeoutMs)
      } catch (e) {
        if (e instanceof PlatformRefusal) healthy = (s.timedOut++, false)
        throw e
      } finally {
        inFlight--
        giveBack(instance, healthy)
      }
    },
  }
}

/** Each function's timeout in ms, from cloudbaserc.json (CloudBase's default 3 s where none is set). */
export function configuredTimeouts(root = join(__dirname, '../..')): Map<string, number> {
  const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as { functions?: { name: string; timeout?: number }[] }
  return new Map((rc.functions ?? []).map((f) => [f.name, (f.timeout ?? 3) * 1000]))
}

/**
 * A fresh module instance under tsx/node: its own copies of everything under `root` (caches,
 * batchers, the SDK app), the node_modules shared as the runtime's are.
 */
export function freshModule<T>(root: string, file: string): T {
  const mine = (k: string) => k.startsWith(root) && !k.includes('node_modules')
  for (const k of Object.keys(require.cache)) if (mine(k)) delete require.cache[k]
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module instance, as a new CloudBase instance loads it
  const mod = require(join(root, file)) as T
  for (const k of Object.keys(require.cache)) if (mine(k)) delete require.cache[k]
  return mod
}

/** A fresh instance of a deployed function: its index.ts `main`. */
export function freshInstanceLoader(root: string, name: string): () => FunctionMain {
  return () => {
    const mod = freshModule<{ main?: FunctionMain }>(root, join(name, 'index.ts'))
    if (typeof mod.main !== 'function') throw new Error(`cloudfunctions/${name}/index.ts does not export main`)
    return mod.main
  }
}
