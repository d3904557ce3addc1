import { join } from 'node:path'
import { buildApp } from './app-build'
import { startEmulator } from './emulator/server'
import { loadFunctions } from './host/functions'
import { modeBanner } from './host/identity'
import { startHost } from './host/server'
import { ensureLocalSecrets } from './local-secrets'
import { seedIfEmpty } from './seed-if-empty'

const ROOT = join(__dirname, '..')

/** `npm start`: build, start the emulator and the function host, seed an empty store, serve the app. */
async function main() {
  Object.assign(process.env, ensureLocalSecrets(join(ROOT, '.local/secrets.env')))
  if (!process.argv.includes('--no-build')) buildApp('h5')

  const emulator = await startEmulator({ dataDir: join(ROOT, '.data/emulator'), port: Number(process.env.EMULATOR_PORT || 9300) })
  process.env.TCB_SERVICE_URL = emulator.url
  process.env.TCB_ENV = process.env.TCB_ENV || 'local'
  // Off Tencent Cloud the SDK probes a metadata host before every request; with serviceUrl set the probe is pointless and stalls under load.
  process.env.TENCENTCLOUD ??= 'true'
  console.log(`[emulator] CloudBase 本地模拟器 ${emulator.url}（数据目录 .data/emulator）`)

  await seedIfEmpty()

  const production = process.env.NODE_ENV === 'production'
  const host = await startHost({
    functions: loadFunctions(join(ROOT, 'cloudfunctions')),
    production,
    port: Number(process.env.PORT || 8080),
    staticDir: join(ROOT, 'dist/h5'),
  })
  console.log(modeBanner(production))
  console.log(`\n  工会会员服务（H5 演示）已启动： ${host.url}/\n  按 Ctrl+C 停止。\n`)

  const stop = async () => {
    await host.stop()
    await emulator.stop()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err) => {
  console.error('[start] 启动失败：', err)
  process.exit(1)
})
