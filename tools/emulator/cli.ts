import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { IndexDeclarations } from '../../cloudfunctions/common/indexes'
import { startEmulator } from './server'

/**
 * `tsx tools/emulator/cli.ts --data .data/emulator --port 9300 [--host 127.0.0.1]
 *   [--quiet] [--strict-collections] [--max-journal-bytes N] [--exit-with-parent]
 *   [--indexes FILE | --no-indexes] [--notablescan-over N] [--plan basic|pro|flagship]`
 * Plan limits (tools/emulator/plans.ts) are off unless `--plan` or the environment
 * (`EMULATOR_PLAN`, `EMULATOR_DB_*`) asks for them.
 * Indexes: by default those of cloudfunctions/common/indexes.ts; `--indexes`
 * takes a JSON file of the same shape, or a module exporting `INDEXES` (under tsx).
 * Prints exactly one line `EMULATOR_READY <url>` on stdout once listening;
 * stops cleanly (journal flushed) on SIGTERM/SIGINT. `--exit-with-parent`:
 * also stop when stdin closes, so a crashed parent never leaves it running.
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  if (i < 0) return undefined
  const v = process.argv[i + 1]
  if (v === undefined || v.startsWith('--')) throw new Error(`--${name} needs a value`)
  return v
}

function intArg(name: string, fallback: number | undefined): number | undefined {
  const v = arg(name)
  if (v === undefined) return fallback
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got ${JSON.stringify(v)}`)
  return n
}

function indexesArg(): IndexDeclarations | undefined {
  if (process.argv.includes('--no-indexes')) return {}
  const file = arg('indexes')
  if (file === undefined) return undefined
  if (file.endsWith('.json')) return JSON.parse(readFileSync(file, 'utf8')) as IndexDeclarations
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an index file named on the command line, loaded at run time
  return (require(resolve(file)) as { INDEXES: IndexDeclarations }).INDEXES
}

async function main(): Promise<void> {
  const plan = arg('plan')
  if (plan !== undefined) process.env.EMULATOR_PLAN = plan
  const emulator = await startEmulator({
    dataDir: arg('data') ?? '.data/emulator',
    port: intArg('port', 9300),
    host: arg('host'),
    quiet: process.argv.includes('--quiet'),
    strictCollections: process.argv.includes('--strict-collections'),
    maxJournalBytes: intArg('max-journal-bytes', undefined),
    indexes: indexesArg(),
    notablescanOver: intArg('notablescan-over', undefined),
  })
  process.stdout.write(`EMULATOR_READY ${emulator.url}\n`)
  let stopping = false
  const shutdown = (): void => {
    if (stopping) return
    stopping = true
    setTimeout(() => process.exit(1), 5000).unref() // never hang on the way out
    emulator.stop().then(
      () => process.exit(0),
      (e) => {
        console.error('[emulator] stop failed:', e)
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
  if (process.argv.includes('--exit-with-parent')) {
    process.stdin.on('end', shutdown).on('close', shutdown).on('error', shutdown).resume()
  }
}

main().catch((e) => {
  console.error('[emulator] failed to start:', (e as Error).message)
  process.exit(1)
})
