import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROUTES, appPagePath, noticePage, routeUrl } from './routes'

/** The pages app.config.ts declares, as "root/page" paths. */
function declaredPages(): Set<string> {
  const text = readFileSync(join(__dirname, '../src/app.config.ts'), 'utf8')
  const out = new Set<string>()
  const main = /pages:\s*\[([^\]]*)\]/.exec(text)![1]
  for (const m of main.matchAll(/'([^']+)'/g)) out.add(m[1])
  for (const sub of text.matchAll(/root:\s*'([^']+)',\s*pages:\s*\[([^\]]*)\]/g)) {
    for (const m of sub[2].matchAll(/'([^']+)'/g)) out.add(`${sub[1]}/${m[1]}`)
  }
  return out
}

describe('route table', () => {
  it('names only pages that app.config.ts declares', () => {
    const pages = declaredPages()
    const missing = Object.entries(ROUTES)
      .filter(([, r]) => !pages.has(r.path))
      .map(([n]) => n)
    expect(missing).toEqual([])
  })

  it('builds a notice link with the parameter the booking page reads', () => {
    expect(noticePage('screeningBooking', { id: 'p-38' })).toBe('packages/screening/pages/booking/index?id=p-38')
    expect(routeUrl('screeningOutbox')).toBe('/packages/screening/pages/outbox/index')
    expect(routeUrl('eventsGiftCode', { id: 'e 1', tier: 't&2' })).toBe('/packages/events/pages/gift-code/index?id=e%201&tier=t%262')
  })
})

test('appPagePath: only a page of the table, without its query, may be a `back`', () => {
  expect(appPagePath('packages/events/pages/stamp-card/index')).toBe('packages/events/pages/stamp-card/index')
  expect(appPagePath('/packages/events/pages/stamp-card/index?scene=x')).toBe('packages/events/pages/stamp-card/index')
  expect(appPagePath('https://evil.example/pages/index/index')).toBeNull()
  expect(appPagePath('pages/nowhere/index')).toBeNull()
  expect(appPagePath(undefined)).toBeNull()
})
