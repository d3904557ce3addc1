/**
 * `npm run bench:wechat`: what the WeChat adapter (wx-server-sdk, issue 16 §2) adds to each function.
 * - bundle: each function bundled with wx-server-sdk inlined (what it weighs: it carries its own
 *   @cloudbase/node-sdk 3.17.2 beside our 3.18.3) and without it (as deployed: external, installed by CloudBase).
 * - cold start: medians of fresh `node` processes timing `require(...)` in-process, CPU time (BENCH_RUNS, default 9,
 *   interleaved): the bare @cloudbase/node-sdk against the SDK plus wx-server-sdk (goal ≤ 1.5×), and each
 *   function as built (wx-server-sdk loaded on its first WeChat call) against the same with it loaded eagerly.
 *   Prints, does not assert.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { build } from 'esbuild'
import { buildFunctions } from '../build-functions'
import { functionNames } from '../host/functions'

const ROOT = join(__dirname, '../..')
const RUNS = Number(process.env.BENCH_RUNS || 9)
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

async function bundleBytes(fn: string, external: string[]): Promise<number> {
  const res = await build({
    entryPoints: [join(ROOT, 'cloudfunctions', fn, 'index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    external,
    tsconfig: join(ROOT, 'tsconfig.json'),
    write: false,
    logLevel: 'silent',
    loader: { '.node': 'empty' },
  })
  return res.outputFiles.reduce((sum, f) => sum + f.contents.length, 0)
}

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, e) => {
    const p = join(dir, e)
    const s = statSync(p)
    return sum + (s.isDirectory() ? dirBytes(p) : s.size)
  }, 0)
}

/**
 * One fresh node process timing `require(paths…)` inside itself (module resolution from the repo), in CPU
 * milliseconds (user + system): on a shared machine the wall clock mostly measures the neighbours
 * (BENCH_CLOCK=wall measures it anyway).
 */
function requireOnce(paths: string[]): number {
  const wall = process.env.BENCH_CLOCK === 'wall'
  const [start, stop] = wall
    ? ['const t=process.hrtime.bigint()', 'Number(process.hrtime.bigint()-t)/1e6']
    : ['const t=process.cpuUsage()', '(u=>(u.user+u.system)/1e3)(process.cpuUsage(t))']
  const script = `${start};for(const p of ${JSON.stringify(paths)})require(p);console.log(${stop})`
  const env = { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), TENCENTCLOUD: 'true', QR_KEYS: `b1:${'A'.repeat(43)}` }
  return Number(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, env }).toString().trim())
}

/** Medians of each variant, runs interleaved so a busy machine slows all variants alike. */
function medians(variants: string[][]): number[] {
  const times = variants.map(() => [] as number[])
  for (let r = 0; r < RUNS; r++) variants.forEach((v, i) => times[i].push(requireOnce(v)))
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)])
}

const SDK = '@cloudbase/node-sdk'
const WX = 'wx-server-sdk'
const ratio = (a: number, b: number) => `${a.toFixed(0)} ms vs ${b.toFixed(0)} ms = ${(a / b).toFixed(2)}×`

async function coldStarts(fns: string[]): Promise<void> {
  const [bare, eager] = medians([[SDK], [SDK, WX]])
  console.log(
    `cold start: require ${ratio(eager, bare).replace(' vs ', ' vs bare @cloudbase/node-sdk ')} (goal ≤ 1.5) — @cloudbase/node-sdk + wx-server-sdk`,
  )
  const out = mkdtempSync(join(tmpdir(), 'bench-wechat-'))
  try {
    await buildFunctions(out)
    for (const fn of fns) {
      const [built, withWx] = medians([[join(out, fn, 'index.js')], [join(out, fn, 'index.js'), WX]])
      console.log(
        `cold start ${fn}: as built ${built.toFixed(0)} ms (wx-server-sdk on its first WeChat call); loaded eagerly ${ratio(withWx, built)}`,
      )
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const fns = functionNames(join(ROOT, 'cloudfunctions'))
  for (const fn of fns) {
    const inlined = await bundleBytes(fn, [SDK])
    const without = await bundleBytes(fn, [SDK, WX])
    console.log(`bundle ${fn}: ${kb(inlined)} (without wx-server-sdk ${kb(without)})`)
  }
  const wxDir = dirname(require.resolve('wx-server-sdk/package.json'))
  console.log(
    `wx-server-sdk as CloudBase installs it: ${kb(dirBytes(wxDir))} on disk (its own @cloudbase/node-sdk 3.17.2 included; dependencies shared with ours not counted)`,
  )
  await coldStarts(fns)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
