import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Envelope } from '~types/envelope'

/**
 * The local function host (tools/host/cli.ts) as a child process, for the crash tests that SIGKILL the
 * host mid-call while the database stays up. The child is node itself with tsx's loader, NOT the
 * `node_modules/.bin/tsx` wrapper (that wrapper forks a second node, so killing it would orphan the
 * real host): `kill()` ends the very process that runs the functions. It is not bundled, because the
 * host loads each function's index.ts at run time. Every host still alive is SIGKILLed when the test
 * process exits, but a test kills its hosts itself (afterAll), whatever happened.
 */
export interface HostProcess {
  url: string
  pid: number
  /** SIGKILL (default) and wait until the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>
  /**
   * POST /fn/<fn> as the demo identity `openid` (X-Demo-Openid). `died`: the connection broke before
   * any answer came (the host was killed during the call).
   */
  call<T = unknown>(fn: string, openid: string, action: string, data: unknown, requestId: string): Promise<Envelope<T> | 'died'>
}

const CLI = join(__dirname, '../../tools/host/cli.ts')
const live = new Set<ChildProcess>()
let exitHook = false

const gone = (c: ChildProcess): boolean => c.exitCode !== null || c.signalCode !== null

/**
 * `env`: what the host needs on top of this process's environment (TCB_SERVICE_URL, TCB_ENV, QR_KEYS…).
 * The host's functions reach WeChat through WX_SERVICE_URL: the in-process local WeChat of this test's
 * startTestEmulator() unless `env` names another; a host with none would call WeChat itself, so it is refused.
 */
export function spawnHost(env: Record<string, string>, readyTimeoutMs = 30_000): Promise<HostProcess> {
  const wechatUrl = env.WX_SERVICE_URL ?? process.env.WX_SERVICE_URL
  if (!wechatUrl) return Promise.reject(new Error('spawnHost: no local WeChat (start one with startTestEmulator() or pass WX_SERVICE_URL)'))
  if (!exitHook) {
    exitHook = true
    process.once('exit', () => {
      for (const c of live) c.kill('SIGKILL')
    })
  }
  const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, CLI], {
    // TENCENTCLOUD: skip the SDK's metadata probe before every request (see test/support/emulator.ts).
    env: { ...process.env, TENCENTCLOUD: 'true', NODE_ENV: 'development', PORT: '0', WX_SERVICE_URL: wechatUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  live.add(child)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  void exited.then(() => live.delete(child))
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (!gone(child)) child.kill(signal)
    await exited
    child.stdout?.destroy()
    child.stderr?.destroy()
  }
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    let settled = false
    const timer = setTimeout(() => fail(`no HOST_READY line within ${readyTimeoutMs} ms`), readyTimeoutMs)
    function fail(why: string) {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void kill().then(() => reject(new Error(`host did not start: ${why}\n${err.slice(-2000)}`)))
    }
    child.stderr?.setEncoding('utf8').on('data', (c: string) => (err = (err + c).slice(-4000)))
    child.stdout?.setEncoding('utf8').on('data', (c: string) => {
      if (settled) return // keep draining so the child never blocks on a full pipe
      out += c
      const m = /^HOST_READY (\S+)\s*$/m.exec(out)
      if (!m) return
      settled = true
      clearTimeout(timer)
      const url = m[1]
      resolve({ url, pid: child.pid as number, kill, call: (...a) => callHost(url, ...a) })
    })
    child.once('error', (e) => fail(e.message))
    child.once('exit', (code, signal) => fail(`exited (${signal ?? code}) before it was ready`))
  })
}

async function callHost<T>(
  url: string,
  fn: string,
  openid: string,
  action: string,
  data: unknown,
  requestId: string,
): Promise<Envelope<T> | 'died'> {
  let res: Response
  try {
    res = await fetch(`${url}/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-openid': openid },
      body: JSON.stringify({ action, data, requestId }),
    })
  } catch {
    return 'died' // refused or reset: the host is gone
  }
  try {
    return (await res.json()) as Envelope<T>
  } catch {
    return 'died' // the host died while sending its answer
  }
}
