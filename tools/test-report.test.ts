import { addFailedStep, addReport, closingLine, emptyTally, summaryLines, type JestAssertion, type JestReport } from './test-report'

const suite = (name: string, status: string, tests: (string | JestAssertion)[], message = '') => ({
  name: `/repo/${name}`,
  status,
  message,
  assertionResults: tests.map((s) => (typeof s === 'string' ? { status: s } : s)),
})

describe('test report', () => {
  it('counts a suite that failed to run as failed, and a missing report too', () => {
    const report: JestReport = {
      numPassedTests: 3,
      numFailedTests: 1,
      numPendingTests: 1,
      numTodoTests: 0,
      testResults: [
        suite('test/unit.test.ts', 'passed', ['passed', 'passed']),
        suite('test/one-red.test.ts', 'failed', ['passed', 'failed', { status: 'pending', title: 'later', ancestorTitles: ['red'] }]),
        suite(
          'test/e2e/a.test.ts',
          'failed',
          [],
          "  ● Test suite failed to run\n\n    browserType.launch: Executable doesn't exist at /usr/bin/chromium",
        ),
        suite('test/e2e/b.test.ts', 'failed', [], '\u001b[31mTypeError: x is not a function\u001b[0m'),
      ],
    }
    const t = emptyTally()
    addReport(t, 'mp-browser', report, '/repo')
    addReport(t, 'unit', null, '/repo')
    addFailedStep(t, 'h5 build')
    expect(t).toMatchObject({ passed: 3, failed: 1 + 2 + 1 + 1, skipped: 1 })
    expect(t.notRun).toEqual([
      "test/e2e/a.test.ts: browserType.launch: Executable doesn't exist at /usr/bin/chromium",
      'test/e2e/b.test.ts: TypeError: x is not a function',
      'unit: no report (jest did not finish)',
      'h5 build: failed',
    ])
    expect(closingLine(t)).toBe('3 passed, 5 failed, 1 skipped')
  })

  it('names each skipped suite with the reason its title gives, the closing line staying plain', () => {
    const browserOff = {
      status: 'pending',
      title: 'books',
      ancestorTitles: ['journey in Chromium — skipped: no Chromium at /usr/bin/chromium'],
    }
    const real = (title: string) => ({
      status: 'pending',
      title,
      ancestorTitles: ['where() — real CloudBase (set TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY)'],
    })
    const report: JestReport = {
      numPassedTests: 1,
      numFailedTests: 0,
      numPendingTests: 4,
      numTodoTests: 1,
      testResults: [
        suite('test/e2e/journey.test.ts', 'skipped', [browserOff, { ...browserOff, title: 'pays' }]),
        suite('test/conformance/q.test.ts', 'passed', ['passed', real('eq'), real('in')]),
        suite('test/x.test.ts', 'passed', [{ status: 'todo', title: 'one day', ancestorTitles: [] }]),
      ],
    }
    const t = emptyTally()
    addReport(t, 'all', report, '/repo')
    expect(summaryLines(t)).toEqual([
      'Skipped (5):',
      '  - test/e2e/journey.test.ts › journey in Chromium: 2 skipped — no Chromium at /usr/bin/chromium',
      '  - test/conformance/q.test.ts › where(): 2 skipped — real CloudBase (set TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY)',
      '  - test/x.test.ts › one day: 1 skipped — todo',
    ])
    expect(closingLine(t)).toBe('1 passed, 0 failed, 5 skipped')
  })

  it('an all-green run reads as such', () => {
    const t = emptyTally()
    const green = { numPassedTests: 2, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 }
    addReport(t, 'unit', { ...green, testResults: [suite('a.test.ts', 'passed', ['passed', 'passed'])] }, '/repo')
    expect(summaryLines(t)).toEqual([])
    expect(closingLine(t)).toBe('2 passed, 0 failed, 0 skipped')
  })
})
