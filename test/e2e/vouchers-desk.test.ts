import type { BrowserContext, Page } from 'playwright-core'
import { browserAvailability, signInAs } from './support/browser'
import { browserSuite } from './support/suite'

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

const CASHIER = 'demo-cashier' // 陈静: cashier and 店长 of 苏果超市（新街口店）
const SHOP = 'merchant-suguo-xjk'

/** The font size the open dialog's body is drawn at (Taro's H5 dialog), in CSS px. */
async function dialogBodyPx(page: Page): Promise<number> {
  const body = page.locator('.taro-modal__text >> visible=true')
  await body.waitFor({ timeout: 10_000 })
  return parseFloat(await body.evaluate((el) => getComputedStyle(el).fontSize))
}

suite(`vouchers desks in Chromium: till amounts, 对账确认, 暂停${availability.run ? '' : ` — skipped: ${availability.reason}`}`, () => {
  const ui = browserSuite()
  const pageErrors: string[] = []
  const signedIn = (openid: string): Promise<{ context: BrowserContext; page: Page }> => signInAs(ui.browser, ui.url, openid, pageErrors)

  it('the till says what is wrong with each amount, once, and forgets it when the amount changes (defect 12)', async () => {
    const { page, context } = await signedIn(CASHIER)
    await page.goto(`${ui.url}/#/packages/vouchers/pages/till/index?merchant=${SHOP}`)
    const bill = page.locator('#till-bill input')
    await bill.waitFor({ timeout: 15_000 })
    const billField = page.locator('.field', { has: page.locator('#till-bill') })
    const errorOf = async (amount: string) => {
      await bill.fill(amount)
      await page.locator('#till-input input').fill('V-not-a-real-code') // the scan box empties itself after each code
      await page.locator('#till-submit').click()
      const error = billField.locator('.field__error')
      await error.waitFor({ timeout: 10_000 })
      return (await error.textContent()) ?? ''
    }
    const said = [await errorOf('abc'), await errorOf('-5'), await errorOf('99999999'), await errorOf('0')]
    expect(said[0]).toContain('只能填数字')
    expect(said[1]).toContain('负数')
    expect(said[2]).toContain('不超过')
    expect(said[3]).toContain('大于 0')
    expect(await page.locator('.field__error >> visible=true').count()).toBe(1) // one message at a time
    await bill.fill('86')
    expect(await billField.locator('.field__error').count()).toBe(0) // a changed amount clears it
    await context.close()
  }, 90_000)

  it('the manager confirms only a closed day, asked in a readable dialog while the button stays as it was (defects 11, 20)', async () => {
    const { page, context } = await signedIn(CASHIER)
    await page.goto(`${ui.url}/#/packages/vouchers/pages/till/index?merchant=${SHOP}`)
    await page.locator('#to-statement').click({ timeout: 15_000 })
    await page.locator('#statement-totals').waitFor({ timeout: 15_000 })
    // Today is still open: no confirmation to make yet, said plainly.
    await page.locator('#statement-not-closed').waitFor()
    expect(await page.locator('#statement-confirm').count()).toBe(0)
    // The digest is read out short; the whole one on a tap.
    expect(await page.locator('#statement-digest').textContent()).toMatch(/[0-9a-f]{6}…[0-9a-f]{6}/)
    await page.locator('#period-prev').click()
    const confirm = page.locator('#statement-confirm')
    await confirm.waitFor({ timeout: 15_000 })
    await confirm.click()
    expect(await dialogBodyPx(page)).toBeGreaterThanOrEqual(16)
    expect(await page.locator('.taro-modal__text').textContent()).toContain('工会结算')
    expect(await confirm.textContent()).toBe('对账确认') // not 请稍候… while she reads
    await page.locator('.taro__modal').getByText('再看看', { exact: true }).click()
    expect(await confirm.textContent()).toBe('对账确认')
    await confirm.click()
    await page.locator('.taro__modal').getByText('确认无误', { exact: true }).click()
    await page.locator('#statement-totals').locator('..', { hasText: '已确认' }).waitFor({ timeout: 15_000 })
    expect(await page.locator('#statement-confirm').count()).toBe(0)
    await context.close()
  }, 90_000)

  it('an officer is asked before a shop is paused, and 不暂停 changes nothing (defect 13)', async () => {
    const { page, context } = await signedIn('demo-officer')
    await page.goto(`${ui.url}/#/packages/vouchers/pages/index/index`)
    await page.locator('#to-merchants').click({ timeout: 15_000 })
    const pause = page.locator(`#suspend-${SHOP}`)
    await pause.waitFor({ timeout: 15_000 })
    const box = await pause.boundingBox()
    expect(box!.height).toBeLessThan(70) // one line: 暂停 does not wrap
    await pause.click()
    expect(await page.locator('.taro-modal__title >> visible=true').textContent()).toContain('暂停')
    await page.locator('.taro__modal').getByText('不暂停', { exact: true }).click()
    expect(await page.locator(`#merchant-${SHOP}`).textContent()).not.toContain('已暂停')
    expect(await pause.textContent()).toBe('暂停')
    await context.close()
    expect(pageErrors).toEqual([])
  }, 90_000)
})
