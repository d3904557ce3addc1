/** `npm run seed`: loads the demo union into the local emulator (TCB_SERVICE_URL, default http://127.0.0.1:9300/admin, as `npm run emulator` serves). */
import { connectDb } from '../../cloudfunctions/common/db'
import { seed, summaryLines } from './seed'

async function main(): Promise<void> {
  process.env.TENCENTCLOUD ??= 'true' // skip the SDK's metadata probe: pointless with serviceUrl (see tools/start.ts)
  const url = process.env.TCB_SERVICE_URL || 'http://127.0.0.1:9300/admin'
  const started = Date.now()
  const summary = await seed(connectDb(url, process.env.TCB_ENV || 'local'))
  console.log(`演示数据（${url}）：`)
  for (const line of summaryLines(summary)) console.log(line)
  console.log(`完成，用时 ${Date.now() - started} ms。可多次运行：已有的数据不会重复，也不会被覆盖。`)
}

main().catch((e) => {
  console.error('写入演示数据失败：', e instanceof Error ? e.message : e)
  console.error('请先启动本地模拟器：npm run emulator（或 npm start）')
  process.exit(1)
})
