import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connectDb, type Db } from '../../cloudfunctions/common/db'
import { resetEnvCache } from '../../cloudfunctions/common/env'
import { type StartOptions, startEmulator } from '../../tools/emulator/server'
import { type LocalWechatHandle, startLocalWechat } from '../../tools/wechat/server'

/** What the local WeChat's codes point at in tests (a code's text is `${TEST_APP_URL}/#/<page>?scene=…`). */
export const TEST_APP_URL = 'http://app.local'

export interface TestEmulator {
  url: string
  db: Db
  dataDir: string
  /** Database requests served since start (the emulator's own count, as the benches read it). */
  requests(): { total: number; byAction: Record<string, number>; byCollection: Record<string, number> }
  /** The in-process local WeChat the functions' port talks to (WX_SERVICE_URL): her phone and WeChat's moods. */
  wechat: LocalWechatHandle
  stop(): Promise<void>
}

/**
 * Off Tencent Cloud, the SDK probes metadata.tencentyun.com before EVERY
 * request (it caches only a success); under load those DNS lookups fill the
 * libuv thread pool and stall the process for seconds. Declaring the process
 * "on Tencent Cloud" skips the probe; with `serviceUrl` set it changes nothing
 * else but a tag in the X-TCB-Source header.
 */
let probeSkippedByUs = false

export function skipMetadataProbe(): void {
  if (process.env.TENCENTCLOUD !== undefined) return
  process.env.TENCENTCLOUD = 'true'
  probeSkippedByUs = true
}

/** Before talking to a REAL CloudBase from the same process: the flag would make the SDK pick the internal endpoint. */
export function restoreMetadataProbe(): void {
  if (probeSkippedByUs) delete process.env.TENCENTCLOUD
  probeSkippedByUs = false
}

/**
 * notablescan for the integration suite (docs/emulator.md): on a collection
 * over this many documents, a filtered query no index declared in
 * cloudfunctions/common/indexes.ts serves fails, so code and declarations
 * cannot drift. Low, because test collections are small.
 */
export const NOTABLESCAN_OVER = 20

/**
 * A fresh in-process emulator on a random port and an empty temporary data
 * directory, with the environment set so that `getDb()` talks to it, and a
 * fresh local WeChat (memory only) that `getWechat()` talks to.
 * notablescan is on unless `notablescanOver` says otherwise (null: off).
 */
export async function startTestEmulator(opts: Partial<StartOptions> = {}): Promise<TestEmulator> {
  skipMetadataProbe()
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'emulator-test-'))
  const notablescanOver = opts.notablescanOver === undefined ? NOTABLESCAN_OVER : opts.notablescanOver
  const emulator = await startEmulator({ quiet: true, ...opts, notablescanOver, dataDir, port: opts.port ?? 0 })
  const wechat = await startLocalWechat({ appUrl: TEST_APP_URL, quiet: true })
  process.env.TCB_SERVICE_URL = emulator.url
  process.env.WX_SERVICE_URL = wechat.url
  process.env.TCB_ENV = 'local'
  process.env.QR_KEYS ??= `t1:${randomBytes(32).toString('base64url')}`
  resetEnvCache()
  return {
    url: emulator.url,
    db: connectDb(emulator.url),
    dataDir,
    requests: () => emulator.requests(),
    wechat: wechat.handle,
    async stop() {
      await wechat.stop()
      await emulator.stop()
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
