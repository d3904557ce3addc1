/**
 * Reads jest's --json report honestly: a suite that failed to run (a runtime
 * error, a browser that would not start, a throw in beforeAll) has no failing
 * test of its own, yet it tested nothing, so it counts as one failure. A
 * missing report counts as one failure too. Skipped tests are counted and
 * named by suite with the reason their title gives (a suite that skips says
 * why in its describe title: "… — skipped: no Chromium", "… — real CloudBase
 * (set TCB_ENV, …)"), so a green line cannot hide a suite that never ran.
 */
export interface JestAssertion {
  status: string
  title?: string
  ancestorTitles?: string[]
}

export interface JestSuite {
  name: string
  status: 'passed' | 'failed' | string
  message?: string
  assertionResults: JestAssertion[]
}

export interface JestReport {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
  testResults: JestSuite[]
}

/** One skipped block: a file's top-level describe (or a lone test), how many tests it skipped, and why. */
export interface Skipped {
  where: string
  why: string
  count: number
}

export interface Tally {
  passed: number
  failed: number
  skipped: number
  /** Suites (or whole runs) that did not run, with the first line of why. */
  notRun: string[]
  skippedSuites: Skipped[]
}

const SKIPPED = new Set(['pending', 'todo', 'skipped', 'disabled'])
/** jest's messages carry terminal colours (ESC [ … m). */
const COLOURS = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')

export function emptyTally(): Tally {
  return { passed: 0, failed: 0, skipped: 0, notRun: [], skippedSuites: [] }
}

export function addReport(t: Tally, label: string, report: JestReport | null, root: string): void {
  if (!report) {
    t.failed += 1
    t.notRun.push(`${label}: no report (jest did not finish)`)
    return
  }
  t.passed += report.numPassedTests
  t.failed += report.numFailedTests
  t.skipped += report.numPendingTests + report.numTodoTests
  for (const s of report.testResults) {
    const file = s.name.replace(`${root}/`, '')
    addSkipped(t, file, s.assertionResults)
    if (s.status !== 'failed' || s.assertionResults.some((a) => a.status === 'failed')) continue
    t.failed += 1
    const why = firstLine(s.message ?? '') ?? 'failed to run'
    t.notRun.push(`${file}: ${why.slice(0, 160)}`)
  }
}

function firstLine(message: string): string | undefined {
  return message
    .replace(COLOURS, '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('●'))
}

function addSkipped(t: Tally, file: string, tests: JestAssertion[]): void {
  for (const a of tests) {
    if (!SKIPPED.has(a.status)) continue
    const title = a.ancestorTitles?.[0] ?? a.title ?? '(untitled)'
    const { name, why } = reasonOf(title, a.status)
    const where = `${file} › ${name}`
    const known = t.skippedSuites.find((s) => s.where === where && s.why === why)
    if (known) known.count += 1
    else t.skippedSuites.push({ where, why, count: 1 })
  }
}

/** "title — skipped: why" or "title — why" (the conformance targets' style); otherwise how it was marked. */
function reasonOf(title: string, status: string): { name: string; why: string } {
  const said = /^(.*?) — skipped: (.+)$/.exec(title) ?? /^(.*) — (.+)$/.exec(title)
  if (said) return { name: said[1], why: said[2] }
  return { name: title, why: status === 'todo' ? 'todo' : 'marked skip in the test file' }
}

/** A step that is not a jest run (typecheck, lint, a build) and failed. */
export function addFailedStep(t: Tally, label: string): void {
  t.failed += 1
  t.notRun.push(`${label}: failed`)
}

/** The lines printed before the closing line: what did not run, and what was skipped and why. */
export function summaryLines(t: Tally): string[] {
  const out: string[] = []
  if (t.notRun.length)
    out.push(`Did not run or failed as a whole (${t.notRun.length}, counted as failed):`, ...t.notRun.map((n) => `  - ${n}`))
  if (t.skippedSuites.length) {
    out.push(`Skipped (${t.skipped}):`, ...t.skippedSuites.map((s) => `  - ${s.where}: ${s.count} skipped — ${s.why}`))
  }
  return out
}

/** The last line of `npm test`, exactly "N passed, N failed, N skipped" (CI reads it). */
export function closingLine(t: Tally): string {
  return `${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`
}
