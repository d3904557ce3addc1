/**
 * Reads jest's --json report honestly: a suite that failed to run (a runtime
 * error, a browser that would not start, a throw in beforeAll) has no failing
 * test of its own, yet it tested nothing, so it counts as one failure. A
 * missing report counts as one failure too.
 */
export interface JestSuite {
  name: string
  status: 'passed' | 'failed' | string
  message?: string
  assertionResults: { status: string }[]
}

export interface JestReport {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
  testResults: JestSuite[]
}

export interface Tally {
  passed: number
  failed: number
  skipped: number
  /** Suites (or whole runs) that did not run, with the first line of why. */
  notRun: string[]
}

export function emptyTally(): Tally {
  return { passed: 0, failed: 0, skipped: 0, notRun: [] }
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
    if (s.status !== 'failed' || s.assertionResults.some((a) => a.status === 'failed')) continue
    t.failed += 1
    const why = (s.message ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('●')) ?? 'failed to run'
    t.notRun.push(`${s.name.replace(`${root}/`, '')}: ${why.slice(0, 160)}`)
  }
}

/** A step that is not a jest run (typecheck, a build) and failed. */
export function addFailedStep(t: Tally, label: string): void {
  t.failed += 1
  t.notRun.push(`${label}: failed`)
}

export function closingLine(t: Tally): string {
  const notRun = t.notRun.length ? ` (${t.notRun.length} of them did not run: see above)` : ''
  return `${t.passed} passed, ${t.failed} failed${notRun}, ${t.skipped} skipped`
}
