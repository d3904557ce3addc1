/**
 * What every bench stands on: a fresh emulator (whose request counts give the
 * `db calls/request` lines) and the local host serving the functions under
 * test beside a no-op function, the yardstick of `throughput vs no-op`.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { connectDb, type Db } from '../../cloudfunctions/common/db'
import { resetEnvCache } from '../../cloudfunctions/common/env'
import { action, defineFunction } from '../../cloudfunctions/common/function'
import { startEmulator } from '../emulator/server'
import type { FunctionMain } from '../host/functions'
import { buildInvocation } from '../host/identity'
import { startHost } from '../host/server'

/** The host accepts only demo identities: a bench-only wrapper takes the caller from `data.as` and builds the invocation as the host does. */
export function asCaller(name: string, main: FunctionMain): FunctionMain {
  return (event) => {
    const body = event as { action?: unknown; data?: { as?: string; data?: unknown }; requestId?: unknown }
    const inv = buildInvocation(name, { action: body.action, data: body.data?.data, requestId: body.requestId }, body.data?.as)
    return main(inv.event, inv.context)
  }
}

/** Nearest-rank percentile of an ascending list. */
export function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

export interface BenchStack {
  db: Db
  emulator: Awaited<ReturnType<typeof startEmulator>>
  /** The host's URL of a function (`noop` included). */
  url(fn: string): string
  stop(): Promise<void>
}

/**
 * `functions` is called once the environment points at the fresh emulator.
 * With `callerInBody` (default) every function, the no-op too, takes its caller from `data.as`.
 */
export async function startBenchStack(label: string, functions: () => Record<string, FunctionMain>, { callerInBody = true } = {}): Promise<BenchStack> {
  process.env.TENCENTCLOUD ??= 'true' // skip the SDK's metadata probe off Tencent Cloud (see test/support/emulator.ts)
  process.env.QR_KEYS ??= `b1:${randomBytes(32).toString('base64url')}`
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${label}-`))
  const emulator = await startEmulator({ dataDir, port: 0, quiet: true })
  process.env.TCB_SERVICE_URL = emulator.url
  process.env.TCB_ENV = 'local'
  resetEnvCache()
  const noop = defineFunction('noop', { ping: action({ input: z.object({}), run: async () => ({}) }) }) as FunctionMain
  const all = Object.entries({ ...functions(), noop }).map(([name, fn]) => [name, callerInBody ? asCaller(name, fn) : fn] as const)
  const host = await startHost({ production: false, functions: new Map(all) })
  return {
    db: connectDb(emulator.url),
    emulator,
    url: (fn) => `${host.url}/fn/${fn}`,
    async stop() {
      await host.stop()
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
