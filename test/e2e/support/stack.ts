import { mkdtempSync, rmSync, existsSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator } from '../../../tools/emulator/server'
import { NOTABLESCAN_OVER } from '../../support/emulator'
import { type FunctionMain, loadFunctions } from '../../../tools/host/functions'
import { startHost } from '../../../tools/host/server'
import { seed } from '../../../tools/seed/seed'
import { getDb } from '../../../cloudfunctions/common/db'
import { resetEnvCache } from '../../../cloudfunctions/common/env'

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

/** The whole local stack as `npm start` runs it, on fresh data and random ports. */
export async function startStack(opts: { clock?: () => number } = {}): Promise<{ url: string; stop(): Promise<void> }> {
  // H5_DIST points the suite at another H5 build (e.g. one made with TARO_OUTPUT_ROOT).
  const h5Dir = process.env.H5_DIST || join(ROOT, 'dist/h5')
  if (!existsSync(join(h5Dir, 'index.html'))) throw new Error('dist/h5 不存在：先运行 npm run build:h5（npm test 会自动构建）')
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-emulator-'))
  const emulator = await startEmulator({ dataDir, port: 0, quiet: true, notablescanOver: NOTABLESCAN_OVER }) // docs/emulator.md
  process.env.TCB_SERVICE_URL = emulator.url
  process.env.TCB_ENV = 'local'
  process.env.TENCENTCLOUD ??= 'true' // skip the SDK's metadata probe: pointless with serviceUrl (see tools/start.ts)
  process.env.QR_KEYS = `e2e:${randomBytes(32).toString('base64url')}`
  resetEnvCache()
  await seed(getDb(), opts.clock?.() ?? Date.now())
  const host = await startHost({
    functions: functionsOn(opts.clock),
    production: false,
    port: 0,
    staticDir: h5Dir,
  })
  return {
    url: host.url,
    async stop() {
      await host.stop()
      await emulator.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
