import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { buildApp, buildConsole } from './app-build'
import { addFailedStep, addReport, closingLine, emptyTally, summaryLines, type JestReport } from './test-report'

/**
 * `npm test`: typecheck, lint (ESLint) and format check (Prettier), then the suites
 * that need no build (unit, integration, conformance), then the app builds, then the
 * suites that run what was built (mini-program, browser). Ends with the suites that
 * did not run and the skipped ones with their reason, then one "N passed, N failed,
 * N skipped" line in which a suite that could not run and a failed step count as
 * failed (test-report.ts).
 */
const ROOT = join(__dirname, '..')
const REPORTS = join(ROOT, '.data/test-reports')
const totals = emptyTally()

function run(label: string, cmd: string, args: string[]): boolean {
  console.log(`\n━━ ${label} ━━`)
  const started = Date.now()
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env })
  console.log(`━━ ${label}: ${res.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return res.status === 0
}

function jest(label: string, projects: string[]): void {
  const out = join(REPORTS, `${label}.json`)
  rmSync(out, { force: true }) // a report left from an earlier run must not stand in for this one
  const ok = run(label, 'npx', ['jest', '--selectProjects', ...projects, '--json', `--outputFile=${out}`])
  let report: JestReport | null = null
  try {
    report = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as JestReport) : null
  } catch {
    report = null
  }
  const before = totals.failed
  addReport(totals, label, report, ROOT)
  if (!ok && totals.failed === before) addFailedStep(totals, `${label} (jest exited with an error)`)
}

function step(label: string, fn: () => void): void {
  try {
    fn()
  } catch (err) {
    console.error(`${label} failed:`, (err as Error).message)
    addFailedStep(totals, label)
  }
}

/** A check that is not a jest run (typecheck, lint, format): its failure counts as one failed step. */
function check(label: string, cmd: string, args: string[]): void {
  if (!run(label, cmd, args)) addFailedStep(totals, label)
}

mkdirSync(REPORTS, { recursive: true })
check('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.'])
check('typecheck console', 'npx', ['tsc', '--noEmit', '-p', 'console'])
check('lint (npm run lint)', 'npm', ['run', '--silent', 'lint'])
check('format check (npm run format fixes it)', 'npm', ['run', '--silent', 'format:check', '--', '--log-level', 'warn'])
jest('unit-integration-conformance', ['unit', 'integration', 'conformance'])
step('functions bundle', () => {
  if (!run('functions bundle', 'npx', ['tsx', 'tools/build-functions.ts'])) throw new Error('bundle failed')
})
step('weapp build', () => buildApp('weapp'))
step('console build', () => buildConsole())
step('size budget', () => {
  if (!run('size budget', 'npx', ['tsx', 'tools/size.ts'])) throw new Error('over budget')
})
step('h5 build', () => buildApp('h5'))
jest('mp-browser', ['mp', 'browser'])

const summary = summaryLines(totals)
if (summary.length) console.log(`\n${summary.join('\n')}`)
console.log(`\n${closingLine(totals)}`)
process.exit(totals.failed > 0 ? 1 : 0)
