import type { BrowserContext, Page } from 'playwright-core'
import { decodePng } from './support/qr'
import { browserAvailability, signInAs } from './support/browser'
import { floorFailures } from './support/floors'
import { browserSuite } from './support/suite'

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

const MEMBER = 'demo-model-worker' // 张建国, 劳模
const CASHIER = 'demo-cashier' // 陈静 at 苏果超市（新街口店）
const SHOP = 'merchant-suguo-xjk'
const CAMPAIGN = 'campaign-fupin-95'

suite(`vouchers journey in Chromium (H5 build)${availability.run ? '' : ` — skipped: ${availability.reason}`}`, () => {
  const ui = browserSuite()
  const pageErrors: string[] = []

  async function signedIn(openid: string): Promise<{ context: BrowserContext; page: Page }> {
    return signInAs(ui.browser, ui.url, openid, pageErrors)
  }
  const open = (page: Page, path: string) => page.goto(`${ui.url}/#/packages/vouchers/pages/${path}`)

  it('张建国 claims a 95折 voucher; the till reads its QR from a screenshot, adds the 劳模 extra, redeems; he sees it used; the cashier reverses; the statement has both rows', async () => {
    const member = await signedIn(MEMBER)
    await open(member.page, 'index/index')
    await member.page.locator(`#campaign-${CAMPAIGN} >> text=劳模折上折`).waitFor({ timeout: 15_000 })
    expect(await floorFailures(member.page)).toEqual([])
    await member.page.locator(`#campaign-${CAMPAIGN}-act`).click()
    // The expiry reminder's opt-in, asked at the claim tap in the look-alike of WeChat's dialog.
    await member.page.locator('#subscribe-sheet >> visible=true', { hasText: '优惠券到期提醒' }).waitFor({ timeout: 15_000 })
    await member.page.locator('#subscribe-allow >> visible=true').click()
    const qr = member.page.locator('#voucher-qr img')
    await qr.waitFor({ timeout: 15_000 })
    const shot = await qr.screenshot()
    expect(decodePng(shot)).toMatch(/^V/)

    const cashier = await signedIn(CASHIER)
    await open(cashier.page, `till/index?merchant=${SHOP}`)
    await cashier.page.locator('#till-bill input').waitFor({ timeout: 15_000 })
    expect(await floorFailures(cashier.page)).toEqual([])
    await cashier.page.locator('#till-bill input').fill('86.00')
    await cashier.page.locator('#till-file').setInputFiles({ name: 'voucher.png', mimeType: 'image/png', buffer: shot })
    const preview = cashier.page.locator('#till-preview')
    await preview.waitFor({ timeout: 15_000 })
    expect(await preview.textContent()).toContain('张**')
    expect(await cashier.page.locator('#till-model-worker').textContent()).toBe('劳模')
    expect(await cashier.page.locator('#till-deduction').textContent()).toContain('券抵扣 ¥4.30，劳模折上折 ¥4.08')
    expect(await cashier.page.locator('#till-payable').textContent()).toContain('¥77.62')
    await cashier.page.locator('#till-confirm').click()
    await cashier.page.locator('#till-done', { hasText: '核销成功' }).waitFor({ timeout: 15_000 })

    // His code screen notices the redemption; 我的券 shows it used, with the amounts.
    await member.page.locator('#voucher-qr-outcome', { hasText: '已核销' }).waitFor({ timeout: 15_000 })
    await open(member.page, 'mine/index')
    await member.page.locator('#tab-used').click()
    await member.page.locator('[id$="-used"]', { hasText: '券抵扣 ¥4.30，劳模折上折 ¥4.08，实付 ¥77.62' }).waitFor({ timeout: 15_000 })

    // The cashier reverses it (a refund), confirming in the dialog.
    await open(cashier.page, `today/index?merchant=${SHOP}`)
    await cashier.page.locator('[id^="reverse-"]').first().click({ timeout: 15_000 })
    await cashier.page.locator('.taro__modal').getByText('确定撤销', { exact: true }).click()
    await cashier.page.locator('.vc-row', { hasText: '撤销 ·' }).waitFor({ timeout: 15_000 })

    // The statement shows both rows and nets to zero.
    await open(cashier.page, `statement/index?merchant=${SHOP}`)
    const totals = cashier.page.locator('#statement-totals')
    await totals.waitFor({ timeout: 15_000 })
    expect(await totals.textContent()).toContain('核销 1 笔 · 撤销 1 笔')
    expect(await cashier.page.locator('.vc-row').count()).toBe(2)
    const digest = cashier.page.locator('#statement-digest')
    expect(await digest.textContent()).toMatch(/[0-9a-f]{6}…[0-9a-f]{6}/) // read aloud short; the whole on demand
    await digest.click()
    expect(await digest.textContent()).toMatch(/[0-9a-f]{64}/)
    expect(await floorFailures(cashier.page)).toEqual([])
    expect(pageErrors).toEqual([])
  }, 150_000)
})
