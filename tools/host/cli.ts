import { join } from 'node:path'
import { loadFunctions } from './functions'
import { startHost } from './server'
import { modeBanner } from './identity'

/** Runs the function host alone, against an emulator already running at TCB_SERVICE_URL. */
async function run() {
  const production = process.env.NODE_ENV === 'production'
  const functions = loadFunctions(join(__dirname, '../../cloudfunctions'))
  const host = await startHost({
    functions,
    production,
    port: Number(process.env.PORT || 8080),
    staticDir: join(__dirname, '../../dist/h5'),
  })
  console.log(modeBanner(production))
  console.log(`HOST_READY ${host.url}`)
  const stop = () => host.stop().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

run().catch((err) => {
  console.error(err)
  process.exit(1)
})
