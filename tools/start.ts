import { join, relative } from 'node:path'
import { buildApp, buildConsole } from './app-build'
import { startEmulator } from './emulator/server'
import { loadFunctions } from './host/functions'
import { modeBanner } from './host/identity'
import { startHost } from './host/server'
import { startTimers } from './host/timers'
import { ensureLocalSecrets } from './local-secrets'
import { seedIfEmpty } from './seed-if-empty'
import { startLocalWechat } from './wechat/server'

const ROOT = join(__dirname, '..')

/**
 * `npm start`: build, start the emulator and the function host, seed an empty store, serve the app.
 * PORT (8080), EMULATOR_PORT (9300) and WECHAT_PORT (9301, the local WeChat) choose the ports;
 * EMULATOR_DATA and WECHAT_DATA the data folders (.data/emulator, .data/wechat).
 */
async function main() {
  Object.assign(process.env, ensureLocalSecrets(join(ROOT, '.local/secrets.env')))
  if (!process.argv.includes('--no-build')) {
    buildApp('h5', { logFile: join(ROOT, '.data/build-h5.log') })
    buildConsole()
  }

  const dataDir = process.env.EMULATOR_DATA || join(ROOT, '.data/emulator')
  const shownDir = dataDir.startsWith(ROOT) ? relative(ROOT, dataDir) : dataDir
  const emulator = await startEmulator({ dataDir, port: Number(process.env.EMULATOR_PORT || 9300) })
  process.env.TCB_SERVICE_URL = emulator.url
  process.env.TCB_ENV = process.env.TCB_ENV || 'local'
  // Off Tencent Cloud the SDK probes a metadata host before every request; with serviceUrl set the probe is
  // pointless and stalls under load.
  process.env.TENCENTCLOUD ??= 'true'
  console.log(`[emulator] CloudBase 本地模拟器 ${emulator.url}（数据目录 ${shownDir}）`)

  // The local WeChat (tools/wechat/): the functions' port reaches it by WX_SERVICE_URL; its codes open the app at the host.
  const app = { url: `http://127.0.0.1:${process.env.PORT || 8080}` }
  const wechatData = process.env.WECHAT_DATA || join(ROOT, '.data/wechat')
  const wechat = await startLocalWechat({
    port: Number(process.env.WECHAT_PORT || 9301),
    dataDir: wechatData,
    appUrl: () => app.url,
    quiet: true,
  })
  process.env.WX_SERVICE_URL = wechat.url
  process.env.WX_PHONE_NUMBER ??= 'on' // the demo offers 手机号快速验证 (paid in production: off unless set there)
  console.log(
    `[wechat] 本地微信 ${wechat.url}（订阅消息、小程序码、内容安全、手机号；通知保存在 ${wechatData.startsWith(ROOT) ? relative(ROOT, wechatData) : wechatData}）`,
  )

  await seedIfEmpty()

  const production = process.env.NODE_ENV === 'production'
  const functions = loadFunctions(join(ROOT, 'cloudfunctions'))
  // CloudBase's timer triggers: sweeps, and the notice queue's delivery (TIMER_MS, 15 s here so the demo's notices come soon).
  const stopTimers = startTimers(functions, ROOT, Number(process.env.TIMER_MS || 15_000))
  const host = await startHost({
    functions,
    production,
    port: Number(process.env.PORT || 8080),
    staticDir: join(ROOT, 'dist/h5'),
    consoleDir: join(ROOT, 'dist/console'),
  })
  app.url = host.url
  console.log(modeBanner(production))
  console.log(`\n  工会会员服务（H5 演示）已启动： ${host.url}/\n  工会干部控制台： ${host.url}/console/\n  按 Ctrl+C 停止。\n`)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    stopTimers()
    console.log(`\n[start] 收到 ${signal}，正在停止…`)
    await host.stop()
    console.log('[host] 函数服务已停止')
    await wechat.stop()
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
