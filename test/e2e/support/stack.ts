import { mkdtempSync, rmSync, existsSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator } from '../../../tools/emulator/server'
import { NOTABLESCAN_OVER } from '../../support/emulator'
import { type FunctionMain, loadFunctions } from '../../../tools/host/functions'
import { startHost } from '../../../tools/host/server'
import { tickAll, timerTriggers } from '../../../tools/host/timers'
import { type LocalWechatHandle, startLocalWechat } from '../../../tools/wechat/server'
import { seed } from '../../../tools/seed/seed'
import { getDb } from '../../../cloudfunctions/common/db'
import { resetEnvCache } from '../../../cloudfunctions/common/env'
import { localConsoleLoginKey } from '../../../tools/local-secrets'

const ROOT = join(__dirname, '../../..')

type Factory = (deps: { clock: () => number }) => FunctionMain

/**
 * The functions as the host runs them; with `clock`, each built by its
 * `create<Name>Function` factory on that clock instead (a journey that needs a
 * given time of day must not depend on when CI happens to run).
 */
function functionsOn(clock: (() => number) | undefined): Map<string, FunctionMain> {
  const root = join(ROOT, 'cloudfunctions')
  const fns = loadFunctions(root)
  if (!clock) return fns
  for (const name of fns.keys()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- each function's module is loaded by name at run time
    const mod = require(join(root, name, 'index.ts')) as Record<string, unknown>
    const factory = Object.entries(mod).find(([k, v]) => /^create\w+Function$/.test(k) && typeof v === 'function')?.[1] as
      Factory | undefined
    if (!factory) throw new Error(`cloudfunctions/${name} has no create…Function factory to run on a fixed clock`)
    fns.set(name, factory({ clock }))
  }
  return fns
}

/** The whole local stack as `npm start` runs it, on fresh data and random ports; `wechat` is its local WeChat. */
export async function startStack(opts: { clock?: () => number } = {}): Promise<{
  url: string
  wechat: LocalWechatHandle
  /** One tick of every function's timer trigger, as CloudBase's timer (and npm start's) would run it. */
  tick(): Promise<void>
  stop(): Promise<void>
}> {
  // H5_DIST points the suite at another H5 build (e.g. one made with TARO_OUTPUT_ROOT).
  const h5Dir = process.env.H5_DIST || join(ROOT, 'dist/h5')
  if (!existsSync(join(h5Dir, 'index.html'))) throw new Error('dist/h5 不存在：先运行 npm run build:h5（npm test 会自动构建）')
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-emulator-'))
  const emulator = await startEmulator({ dataDir, port: 0, quiet: true, notablescanOver: NOTABLESCAN_OVER }) // docs/emulator.md
  process.env.TCB_SERVICE_URL = emulator.url
  process.env.TCB_ENV = 'local'
  process.env.TENCENTCLOUD ??= 'true' // skip the SDK's metadata probe: pointless with serviceUrl (see tools/start.ts)
  process.env.QR_KEYS = `e2e:${randomBytes(32).toString('base64url')}`
  process.env.CONSOLE_LOGIN_KEY ??= localConsoleLoginKey() // the console's custom-login key, as npm start makes one
  process.env.WX_PHONE_NUMBER ??= 'on' // as npm start: the demo offers 手机号快速验证
  // The codes it makes open the app where this stack serves it: known once the host listens (appUrl is read per code).
  const app = { url: '' }
  const wechat = await startLocalWechat({ appUrl: () => app.url, quiet: true, now: opts.clock })
  process.env.WX_SERVICE_URL = wechat.url
  resetEnvCache()
  await seed(getDb(), opts.clock?.() ?? Date.now())
  const functions = functionsOn(opts.clock)
  const host = await startHost({
    functions,
    production: false,
    port: 0,
    staticDir: h5Dir,
    // the officers' console at /console/ (issue 18); CONSOLE_DIST points at another build
    consoleDir: process.env.CONSOLE_DIST || join(ROOT, 'dist/console'),
  })
  app.url = host.url
  return {
    url: host.url,
    wechat: wechat.handle,
    tick: async () => void (await tickAll(functions, timerTriggers(ROOT))),
    async stop() {
      await host.stop()
      await wechat.stop()
      await emulator.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
