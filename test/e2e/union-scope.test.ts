import type { Page } from 'playwright-core'
import { DISTRICTS } from '../../tools/seed/union-structure'
import { browserAvailability, signInAs } from './support/browser'
import { browserSuite } from './support/suite'

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

const QINHUAI = DISTRICTS.find((d) => d.id === 'u-qinhuai')!
const OTHER_UNITS = DISTRICTS.filter((d) => d.id !== 'u-qinhuai').flatMap((d) => d.units.map((u) => u.name))

/**
 * 各级工会 (issue 20) as people tap through it: 陈红 of 秦淮区总工会 opens 会聚良缘's officer page and the
 * roster from the hall and 我的, and sees her district's mixers and members only; 周浩, a member of a
 * 秦淮 union, reads who runs the 七夕 mixer on its card.
 */
suite(`各级工会 in Chromium (H5 build)${availability.run ? '' : ` — skipped: ${availability.reason}`}`, () => {
  const ui = browserSuite()
  const errors: string[] = []
  const tapTile = async (page: Page, name: string) => {
    await page.getByText(name, { exact: false }).first().click({ timeout: 15_000 })
  }

  it('the district officer sees only her district’s mixers, members and unions', async () => {
    const { context, page } = await signInAs(ui.browser, ui.url, 'demo-district-officer', errors)
    await tapTile(page, '会聚良缘')
    await page.locator('#to-officer').click({ timeout: 15_000 })
    await page.locator('#fig-mixer-qixi-qinhuai').waitFor({ timeout: 20_000 })
    expect(await page.locator('#organiser-mixer-qixi-qinhuai').textContent()).toBe('主办：秦淮区总工会')
    const organisers = await page.locator('[id^="organiser-"]').allTextContents()
    expect(new Set(organisers)).toEqual(new Set(['主办：秦淮区总工会']))
    expect(await page.locator('#fig-mixer-nj-01').count()).toBe(0) // 玄武区总工会's
    await page.screenshot({ path: '/tmp/shots/union-officer-mixers.png' }).catch(() => undefined)

    await page.goto(`${ui.url}/`)
    await tapTile(page, '我的')
    await page.locator('#me-officer').click({ timeout: 15_000 })
    await page.locator('#roster-list .roster-row').first().waitFor({ timeout: 20_000 })
    const rows = await page.locator('#roster-list .roster-row').allTextContents()
    expect(rows.length).toBeGreaterThan(5)
    for (const r of rows) {
      expect({ r, inQinhuai: QINHUAI.units.some((u) => r.includes(u.name)) }).toEqual({ r, inQinhuai: true })
      expect({ r, other: OTHER_UNITS.filter((u) => r.includes(u)) }).toEqual({ r, other: [] })
    }
    await page.locator('#officer-tab-unions').click()
    await page.getByText('美团外卖秦淮站点工会').first().waitFor({ timeout: 15_000 })
    expect(await page.getByText('玄武区总工会').count()).toBe(0)
    await page.screenshot({ path: '/tmp/shots/union-officer-tree.png' }).catch(() => undefined)
    expect(errors).toEqual([])
    await context.close()
  }, 120_000)

  it('a member reads who runs the mixer: 主办：秦淮区总工会', async () => {
    const { context, page } = await signInAs(ui.browser, ui.url, 'demo-single-man', errors)
    await tapTile(page, '会聚良缘')
    const card = page.locator('#mixer-mixer-qixi-qinhuai')
    await card.waitFor({ timeout: 20_000 })
    expect(await card.textContent()).toContain('主办：秦淮区总工会')
    await page.screenshot({ path: '/tmp/shots/union-member-mixer.png' }).catch(() => undefined)
    expect(errors).toEqual([])
    await context.close()
  }, 90_000)
})
