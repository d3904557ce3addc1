import { join } from 'node:path'
import { loadFunctions } from './functions'
import { freshInstanceLoader, type InstanceMode } from './instances'
import { startHost } from './server'
import { modeBanner } from './identity'

/** Runs the function host alone, against an emulator already running at TCB_SERVICE_URL. */
async function run() {
  const production = process.env.NODE_ENV === 'production'
  const root = join(__dirname, '../../cloudfunctions')
  const functions = loadFunctions(root)
  // HOST_INSTANCES=cold|warm: one request per instance as CloudBase runs them (tools/host/instances.ts).
  const mode = (process.env.HOST_INSTANCES || 'shared') as InstanceMode
  const host = await startHost({
    functions,
    production,
    instances: { mode, load: (name) => freshInstanceLoader(root, name)() },
    port: Number(process.env.PORT || 8080),
    staticDir: join(__dirname, '../../dist/h5'),
    consoleDir: join(__dirname, '../../dist/console'),
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
