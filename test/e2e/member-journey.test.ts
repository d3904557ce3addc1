import type { Browser, Page } from 'playwright-core'
import { browserAvailability, launchChromium } from './support/browser'
import { startStack } from './support/stack'

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

suite(`member journey in Chromium (H5 build)${availability.run ? '' : ` — skipped: ${availability.reason}`}`, () => {
  let stack: Awaited<ReturnType<typeof startStack>>
  let browser: Browser
  let page: Page
  const pageErrors: string[] = []

  beforeAll(async () => {
    stack = await startStack()
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' })
    page.on('pageerror', (err) => pageErrors.push(err.message))
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await stack?.stop()
  })

  it('signs in as the demo member, verifies membership and lands in the service hall', async () => {
    await page.goto(`${stack.url}/`)
    // A newcomer with no identity is sent to the demo sign-in picker.
    await page.getByText('会员 李明').first().click({ timeout: 20_000 })

    // Not verified yet: the hall leads to verification.
    await page.getByText('去认证').first().click({ timeout: 15_000 })
    await page.locator('#verify-name input, input#verify-name, .verify-name input').first().fill('李明')
    await page.locator('#verify-card input, input#verify-card, .verify-card input').first().fill('GH3201000123')
    await page.getByText('提交认证').first().click()

    for (const service of ['会聚良缘', '两癌筛查', '工会消费券', '集章打卡']) {
      await page.getByText(service).first().waitFor({ timeout: 15_000 })
    }
    await page.getByText('已认证').first().waitFor({ timeout: 15_000 })
    expect(pageErrors).toEqual([])
  }, 90_000)
})
