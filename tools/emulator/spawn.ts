import { type ChildProcess, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Runs the emulator CLI as a child process (tests that SIGKILL it, tools that
 * want it out of process). The child is node itself with tsx's loader, NOT
 * the `node_modules/.bin/tsx` wrapper: that wrapper forks a second node, so
 * killing it orphans the real emulator, which keeps the port, the data
 * directory and the stdout pipe (a test runner then never exits).
 * To start in ~0.15 s instead of ~0.5 s (tests start it many times), the CLI
 * is bundled with esbuild into a temp file named after the sources' sizes and
 * times (so it is rebuilt when they change and shared otherwise); without esbuild
 * it runs through tsx's loader.
 * The child also exits when its stdin closes, i.e. when this process dies.
 */
export interface SpawnOptions {
  dataDir: string
  /** 0 or omitted: a free port. */
  port?: number
  /** Extra CLI flags, e.g. ['--max-journal-bytes', '32768']. */
  args?: string[]
  /** Give up (and kill the child) if it is not ready by then. Default 15 s. */
  readyTimeoutMs?: number
}

export interface EmulatorProcess {
  url: string
  pid: number
  child: ChildProcess
  /** Sends the signal and resolves once the process is gone (SIGKILL after 5 s if it lingers). */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

const CLI = join(__dirname, 'cli.ts')
const live = new Set<ChildProcess>()
let exitHookInstalled = false
let entry: string[] | undefined

function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  // Last resort when the parent exits without cleaning up; kill() is synchronous.
  process.once('exit', () => {
    for (const c of live) c.kill('SIGKILL')
  })
}

/** node arguments that run the CLI: a cached bundle, or tsx's loader. */
function cliEntry(): string[] {
  if (entry) return entry
  try {
    const stamp = createHash('sha256')
    // The bundle also holds the index declarations and the patched mingo.
    const extra = [
      '../../cloudfunctions/common/indexes.ts',
      '../../cloudfunctions/common/collections.ts',
      '../../patches/mingo+7.2.6.patch',
    ]
    for (const f of [
      ...readdirSync(__dirname)
        .filter((n) => n.endsWith('.ts'))
        .sort(),
      ...extra,
    ]) {
      const st = statSync(join(__dirname, f))
      stamp.update(`${f}:${st.size}:${st.mtimeMs};`)
    }
    const outfile = join(tmpdir(), `cloudbase-emulator-cli-${stamp.digest('hex').slice(0, 16)}.cjs`)
    if (!existsSync(outfile)) {
      const tmp = `${outfile}.${process.pid}.tmp`
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const esbuild = require('esbuild') as typeof import('esbuild')
      esbuild.buildSync({
        entryPoints: [CLI],
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        outfile: tmp,
        logLevel: 'silent',
      })
      renameSync(tmp, outfile) // atomic: parallel test workers never run a half-written bundle
    }
    entry = [outfile]
  } catch {
    entry = ['--import', pathToFileURL(require.resolve('tsx')).href, CLI]
  }
  return entry
}

const gone = (c: ChildProcess): boolean => c.exitCode !== null || c.signalCode !== null

function killer(child: ChildProcess) {
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (gone(child)) resolve({ code: child.exitCode, signal: child.signalCode })
    else child.once('exit', (code, signal) => resolve({ code, signal }))
  })
  return async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (!gone(child)) child.kill(signal)
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    const result = await exited
    clearTimeout(timer)
    for (const s of [child.stdin, child.stdout, child.stderr]) s?.destroy()
    return result
  }
}

export function spawnEmulator(opts: SpawnOptions): Promise<EmulatorProcess> {
  installExitHook()
  const args = [
    ...cliEntry(),
    '--data',
    opts.dataDir,
    '--port',
    String(opts.port ?? 0),
    '--quiet',
    '--exit-with-parent',
    ...(opts.args ?? []),
  ]
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] })
  live.add(child)
  child.once('exit', () => live.delete(child))
  const kill = killer(child)
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    let settled = false
    const fail = (why: string) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void kill('SIGKILL')
      reject(new Error(`emulator did not start: ${why}\n${err.slice(-2000)}`))
    }
    const timer = setTimeout(() => fail(`no EMULATOR_READY line within ${opts.readyTimeoutMs ?? 15000} ms`), opts.readyTimeoutMs ?? 15000)
    child.stderr?.setEncoding('utf8').on('data', (c: string) => (err = (err + c).slice(-4000)))
    child.stdout?.setEncoding('utf8').on('data', (c: string) => {
      if (settled) return // keep draining so the child never blocks on a full pipe
      out += c
      for (const line of out.split('\n').slice(0, -1)) {
        const m = /^EMULATOR_READY (\S+)\s*$/.exec(line)
        if (!m) continue
        settled = true
        clearTimeout(timer)
        resolve({ url: m[1], pid: child.pid as number, child, kill })
        return
      }
    })
    child.once('error', (e) => fail(e.message))
    child.once('exit', (code, signal) => {
      // Report after its stderr is read to the end ('close'), but never wait long for it.
      const report = () => fail(`exited (${signal ?? code}) before it was ready`)
      const t = setTimeout(report, 500)
      child.once('close', () => (clearTimeout(t), report()))
    })
  })
}
