import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { buildApp } from './app-build'

/**
 * `npm test`: typecheck, then the suites that need no build (unit, integration,
 * conformance), then the app builds, then the suites that run what was built
 * (mini-program, browser). Ends with one "N passed, N failed" line.
 */
const ROOT = join(__dirname, '..')
const REPORTS = join(ROOT, '.data/test-reports')
const totals = { passed: 0, failed: 0, skipped: 0 }
let broken = false

function run(label: string, cmd: string, args: string[]): boolean {
  console.log(`\n━━ ${label} ━━`)
  const started = Date.now()
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env })
  console.log(`━━ ${label}: ${res.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return res.status === 0
}

function jest(label: string, projects: string[]): void {
  const out = join(REPORTS, `${label}.json`)
  const ok = run(label, 'npx', ['jest', '--selectProjects', ...projects, '--json', `--outputFile=${out}`])
  if (!existsSync(out)) {
    broken = true
    return
  }
  const r = JSON.parse(readFileSync(out, 'utf8'))
  totals.passed += r.numPassedTests
  totals.failed += r.numFailedTests
  totals.skipped += r.numPendingTests + r.numTodoTests
  if (!ok || r.numFailedTestSuites > 0 || r.numRuntimeErrorTestSuites > 0) broken = true
}

function step(label: string, fn: () => void): void {
  try {
    fn()
  } catch (err) {
    console.error(`${label} failed:`, (err as Error).message)
    broken = true
  }
}

mkdirSync(REPORTS, { recursive: true })
if (!run('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.'])) broken = true
jest('unit-integration-conformance', ['unit', 'integration', 'conformance'])
step('functions bundle', () => {
  if (!run('functions bundle', 'npx', ['tsx', 'tools/build-functions.ts'])) throw new Error('bundle failed')
})
step('weapp build', () => buildApp('weapp'))
step('size budget', () => {
  if (!run('size budget', 'npx', ['tsx', 'tools/size.ts'])) throw new Error('over budget')
})
step('h5 build', () => buildApp('h5'))
jest('mp-browser', ['mp', 'browser'])

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(broken || totals.failed > 0 ? 1 : 0)
