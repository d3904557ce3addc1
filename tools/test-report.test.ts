import { addFailedStep, addReport, closingLine, emptyTally, type JestReport } from './test-report'

const suite = (name: string, status: string, tests: string[], message = '') => ({ name: `/repo/${name}`, status, message, assertionResults: tests.map((s) => ({ status: s })) })

describe('test report', () => {
  it('counts a suite that failed to run as failed, and a missing report too', () => {
    const report: JestReport = {
      numPassedTests: 3, numFailedTests: 1, numPendingTests: 1, numTodoTests: 0,
      testResults: [
        suite('test/unit.test.ts', 'passed', ['passed', 'passed']),
        suite('test/one-red.test.ts', 'failed', ['passed', 'failed', 'pending']),
        suite('test/e2e/a.test.ts', 'failed', [], '  ● Test suite failed to run\n\n    browserType.launch: Executable doesn\'t exist at /usr/bin/chromium'),
        suite('test/e2e/b.test.ts', 'failed', [], 'TypeError: x is not a function'),
      ],
    }
    const t = emptyTally()
    addReport(t, 'mp-browser', report, '/repo')
    addReport(t, 'unit', null, '/repo')
    addFailedStep(t, 'h5 build')
    expect(t).toMatchObject({ passed: 3, failed: 1 + 2 + 1 + 1, skipped: 1 })
    expect(t.notRun[0]).toBe("test/e2e/a.test.ts: browserType.launch: Executable doesn't exist at /usr/bin/chromium")
    expect(closingLine(t)).toBe('3 passed, 5 failed (4 of them did not run: see above), 1 skipped')
  })

  it('an all-green run reads as such', () => {
    const t = emptyTally()
    addReport(t, 'unit', { numPassedTests: 2, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [suite('a.test.ts', 'passed', ['passed', 'passed'])] }, '/repo')
    expect(closingLine(t)).toBe('2 passed, 0 failed, 0 skipped')
  })
})
