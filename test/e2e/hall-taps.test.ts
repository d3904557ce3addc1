import { DEMO_IDENTITIES } from '../../tools/seed/demo-identities'
import { browserAvailability } from './support/browser'
import { browserSuite } from './support/suite'

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

const TILES = ['会聚良缘', '两癌筛查', '工会消费券', '集章打卡']

/**
 * Every demo identity taps every service tile of the hall and 我的, as a
 * person would (no URLs): each screen renders something, with no script error,
 * whatever that person's roles are. A page that crashes for one role (e.g. an
 * officer's desk list still loading) shows up here and nowhere else.
 */
suite(`the hall's tiles open for every identity${availability.run ? '' : ` — skipped: ${availability.reason}`}`, () => {
  const ui = browserSuite()

  it.each(DEMO_IDENTITIES.map((d) => [d.label, d.openid]))(
    '%s',
    async (_label, openid) => {
      const ctx = await ui.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
      const page = await ctx.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      page.on('console', (m) => {
        if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text())
      })
      await page.goto(`${ui.url}/`)
      await page.locator(`#identity-${openid}`).click({ timeout: 20_000 })
      await page.locator('.home__title').waitFor({ timeout: 15_000 })
      for (const tile of [...TILES, '我的']) {
        await page.getByText(tile, { exact: false }).first().click({ timeout: 15_000 })
        // Something beyond the 返回 link renders on the new screen.
        await page.waitForFunction(
          () => document.body.innerText.replace(/‹?\s*返回/g, '').trim().length > 4 && !document.body.innerText.includes('服务大厅'),
          undefined,
          { timeout: 15_000 },
        )
        await page.waitForTimeout(300)
        expect({ tile, errors }).toEqual({ tile, errors: [] })
        // back to the hall the way she would go: the screen's own 返回 (a tab page has none: the tab bar's 首页)
        const back = page.locator('.back-link, .home-link').first()
        if (await back.isVisible()) await back.click()
        else await page.goto(`${ui.url}/`)
        await page.locator('.home__title').waitFor({ timeout: 15_000 })
        await page.waitForTimeout(300)
        expect({ tile, back: 'hall', errors }).toEqual({ tile, back: 'hall', errors: [] })
      }
      await ctx.close()
    },
    120_000,
  )
})
