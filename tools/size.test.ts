import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { BUDGETS, measurePackages } from './size'

let dist: string
const put = (rel: string, bytes: number) => {
  mkdirSync(dirname(join(dist, rel)), { recursive: true })
  writeFileSync(join(dist, rel), Buffer.alloc(bytes, 97))
}

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'size-'))
})
afterEach(() => rmSync(dist, { recursive: true, force: true }))

describe('measurePackages', () => {
  it('counts subpackage roots from app.json apart from the main package, and skips DevTools config', () => {
    const appJson = JSON.stringify({
      pages: ['pages/index/index'],
      subPackages: [{ root: 'packages/events' }, { root: 'packages/vouchers/' }],
    })
    put('app.json', 0)
    writeFileSync(join(dist, 'app.json'), appJson)
    put('pages/index/index.js', 1000)
    put('packages/events/pages/index/index.js', 300)
    put('packages/events/sub-common/a.js', 20)
    put('packages/vouchers/pages/index/index.js', 7)
    put('packages/other/x.js', 5) // not a subpackage root: ships in the main package
    put('project.config.json', 999)
    const sizes = Object.fromEntries(measurePackages(dist).map((s) => [s.name, s]))
    expect(sizes.main.bytes).toBe(1000 + 5 + appJson.length)
    expect(sizes['packages/events'].bytes).toBe(320)
    expect(sizes['packages/vouchers'].bytes).toBe(7)
    expect(sizes.main.budget).toBe(BUDGETS.main)
    expect(sizes['packages/events'].budget).toBe(BUDGETS.subpackage)
  })
})
