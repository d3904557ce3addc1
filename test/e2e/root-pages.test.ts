import type { Page } from 'playwright-core'
import { browserAvailability, signInAs } from './support/browser'
import { measureFloors } from './support/floors'
import { browserSuite } from './support/suite'

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

suite(
  `root pages in Chromium: 16 px text, 44 px taps, an in-page 返回${availability.run ? '' : ` — skipped: ${availability.reason}`}`,
  () => {
    const ui = browserSuite()
    const pageErrors: string[] = []

    async function signIn(openid: string): Promise<Page> {
      return (await signInAs(ui.browser, ui.url, openid, pageErrors, { deviceScaleFactor: 1 })).page
    }

    it('every root page and officer tab keeps the floors and has a way back', async () => {
      const failures: string[] = []
      const check = async (page: Page, name: string, back = true) => {
        await page.waitForTimeout(400)
        const f = await measureFloors(page)
        expect(f.texts).toBeGreaterThan(3)
        for (const t of f.smallText) failures.push(`${name}: 字号 ${t}`)
        for (const t of f.smallTargets) failures.push(`${name}: 点按区域 ${t}`)
        if (back && (await page.locator('#page-back >> visible=true').count()) === 0) failures.push(`${name}: 没有页面内的「返回」`)
      }
      const member = await signIn('demo-member')
      await check(member, '服务大厅', false)
      await member.locator('#verify-banner').click()
      await member.locator('#verify-name').waitFor()
      await check(member, '会员认证')
      await member.goto(`${ui.url}/#/pages/me/index`)
      await member.locator('#me-codes').waitFor({ timeout: 15_000 })
      await member.locator('#me-export').click()
      await member.locator('#my-data-sections').waitFor({ timeout: 15_000 })
      await check(member, '我的')
      await member.goto(`${ui.url}/#/pages/staff/index`)
      await member.locator('#redeem-card').waitFor({ timeout: 15_000 })
      await check(member, '工作人员入口（无身份）')
      await member.goto(`${ui.url}/#/pages/login/index`)
      await member.locator('.identity').first().waitFor({ timeout: 15_000 })
      await check(member, '选择演示身份')

      const staff = await signIn('demo-event-staff')
      await staff.goto(`${ui.url}/#/pages/staff/index`)
      await staff.locator('#desk-gift-event-fair-2027').waitFor({ timeout: 15_000 })
      await check(staff, '工作人员入口')

      const officer = await signIn('demo-officer')
      await officer.goto(`${ui.url}/#/pages/officer/index`)
      await officer.locator('#roster-list .roster-row').first().waitFor({ timeout: 15_000 })
      await check(officer, '干部：会员名册')
      for (const [tab, ready] of [
        ['import', '#roster-pick'],
        ['invite', '[id^=invite-target-]'],
        ['deletion', '#deletion-queue'],
      ]) {
        await officer.locator(`#officer-tab-${tab}`).click()
        await officer.locator(ready).first().waitFor({ timeout: 15_000 })
        await check(officer, `干部：${tab}`)
      }
      expect(failures).toEqual([])
      expect(pageErrors).toEqual([])
    }, 180_000)

    it('the sign-in picker offers 返回 only once there is somewhere to go back to', async () => {
      const context = await ui.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
      const page = await context.newPage()
      await page.goto(`${ui.url}/`)
      await page.waitForURL(/pages\/login/, { timeout: 20_000 })
      await page.locator('.identity').first().waitFor({ timeout: 15_000 })
      expect(await page.locator('#page-back >> visible=true').count()).toBe(0) // first open: the hall would send her back here
      await page.locator('#identity-demo-member').click()
      await page.locator('.service-tile').first().waitFor({ timeout: 15_000 })
      await page.locator('#switch-identity .notice__action').click()
      await page.locator('.identity').first().waitFor({ timeout: 15_000 })
      await page.locator('#page-back').click() // chosen before: 返回 goes back to the hall
      await page.locator('.service-tile').first().waitFor({ timeout: 15_000 })
      await context.close()
    }, 60_000)
  },
)
