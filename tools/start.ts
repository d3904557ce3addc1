import { join, relative } from 'node:path'
import { buildApp } from './app-build'
import { startEmulator } from './emulator/server'
import { loadFunctions } from './host/functions'
import { modeBanner } from './host/identity'
import { startHost } from './host/server'
import { ensureLocalSecrets } from './local-secrets'
import { seedIfEmpty } from './seed-if-empty'

const ROOT = join(__dirname, '..')

/**
 * `npm start`: build, start the emulator and the function host, seed an empty store, serve the app.
 * PORT (8080) and EMULATOR_PORT (9300) choose the ports, EMULATOR_DATA the emulator's data folder.
 */
async function main() {
  Object.assign(process.env, ensureLocalSecrets(join(ROOT, '.local/secrets.env')))
  if (!process.argv.includes('--no-build')) buildApp('h5', { logFile: join(ROOT, '.data/build-h5.log') })

  const dataDir = process.env.EMULATOR_DATA || join(ROOT, '.data/emulator')
  const shownDir = dataDir.startsWith(ROOT) ? relative(ROOT, dataDir) : dataDir
  const emulator = await startEmulator({ dataDir, port: Number(process.env.EMULATOR_PORT || 9300) })
  process.env.TCB_SERVICE_URL = emulator.url
  process.env.TCB_ENV = process.env.TCB_ENV || 'local'
  // Off Tencent Cloud the SDK probes a metadata host before every request; with serviceUrl set the probe is
  // pointless and stalls under load.
  process.env.TENCENTCLOUD ??= 'true'
  console.log(`[emulator] CloudBase 本地模拟器 ${emulator.url}（数据目录 ${shownDir}）`)

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

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`\n[start] 收到 ${signal}，正在停止…`)
    await host.stop()
    console.log('[host] 函数服务已停止')
    await emulator.stop()
    console.log(`[emulator] 模拟器已停止，数据已保存在 ${shownDir}（下次 npm start 继续使用；删除该目录可从头开始）`)
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('Ctrl+C'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((err) => {
  console.error('[start] 启动失败：', err instanceof Error ? err.message : err)
  process.exit(1)
})
