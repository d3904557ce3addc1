/**
 * The officers' console signed in by scanning (issue 18), at desk size (1366×768), with a second browser
 * context as the officer's phone (the H5 app): the console shows its code; the phone reads it off a
 * screenshot, opens the confirm page as WeChat's scanner would, checks the two digits and confirms; the
 * console signs in (a second collection of the same request, or the same ticket, fails); 首页 and 删除申请
 * keep the desktop floors; ending the session on the phone signs the console out at its next call; a nurse
 * is told on her phone why she cannot sign in, and her 取消 reaches the console.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { consoleFloorFailures } from './support/console-floors'
import { decodePng } from './support/qr'
import { browserAvailability, signInAs } from './support/browser'
import { browserSuite } from './support/suite'

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

jest.setTimeout(120_000)

suite(`the console's sign-in by scanning in Chromium${availability.run ? '' : ` — skipped: ${availability.reason}`}`, () => {
  const ui = browserSuite()
  const pageErrors: string[] = []
  let desk: Page
  const collects: string[] = []
  const tickets: string[] = []

  beforeAll(async () => {
    const built = join(process.env.CONSOLE_DIST || join(__dirname, '../../dist/console'), 'index.html')
    if (!existsSync(built)) throw new Error('dist/console 不存在：先运行 npm run build:console（npm test 会自动构建）')
    const context = await ui.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    desk = await context.newPage()
    desk.on('pageerror', (err) => pageErrors.push(err.message))
    // what the console sent to collect, and the ticket it got: replayed below, both must fail
    desk.on('request', (r) => r.url().endsWith('/fn/console') && /collectLogin/.test(r.postData() ?? '') && collects.push(r.postData()!))
    desk.on('response', async (r) => {
      if (!r.url().endsWith('/fn/console')) return
      const ticket = ((await r.json().catch(() => null)) as { data?: { ticket?: string } } | null)?.data?.ticket
      if (ticket) tickets.push(ticket)
    })
  })

  test('the phone reads the code off the screen, confirms, and the console signs in', async () => {
    await desk.goto(`${ui.url}/console/`)
    const code = desk.locator('#console-login-code')
    await code.waitFor({ timeout: 20_000 })
    const number = (await desk.locator('#console-login-number').textContent())!.trim()
    expect(number).toMatch(/^\d{2}$/)
    expect(await consoleFloorFailures(desk)).toEqual([])
    const link = decodePng(await code.screenshot())
    expect(link).toContain('/#/pages/console-login/index?scene=')

    const phone = await signInAs(ui.browser, ui.url, 'demo-officer', pageErrors)
    await phone.page.goto(link)
    await phone.page.locator('#console-login-number', { hasText: number }).waitFor({ timeout: 15_000 })
    if (process.env.CONSOLE_SHOTS) await phone.page.screenshot({ path: `${process.env.CONSOLE_SHOTS}/phone-confirm.png` })
    await phone.page.locator('#console-login-confirm').click()
    await phone.page.locator('#console-login-done').waitFor({ timeout: 15_000 })

    await desk.locator('#console-who').waitFor({ timeout: 20_000 })
    expect(await desk.locator('#console-who').textContent()).toContain('南京市总工会')
    await phone.context.close()
  })

  test('the same request, or the same ticket, signs in nowhere else', async () => {
    expect(collects.length).toBeGreaterThan(0)
    const again = await fetch(`${ui.url}/fn/console`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: collects.at(-1),
    })
    expect(await again.json()).toMatchObject({ ok: false, code: 'LOGIN_USED' })
    expect(tickets).toHaveLength(1)
    const replay = await fetch(`${ui.url}/console-auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ticket: tickets[0] }),
    })
    expect(replay.status).toBe(401)
  })

  test('首页 draws its figures and chart; 删除申请 processes a request after a confirmation; both keep the desktop floors', async () => {
    await desk.locator('#home-chart canvas').waitFor({ timeout: 20_000 })
    await desk.locator('.figure--roster').waitFor()
    expect(await consoleFloorFailures(desk)).toEqual([])
    if (process.env.CONSOLE_SHOTS) await desk.screenshot({ path: `${process.env.CONSOLE_SHOTS}/console-home.png` })
    // 李婷 asks the union to delete her data from her phone
    const asked = await fetch(`${ui.url}/fn/member`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-openid': 'demo-single-woman' },
      body: JSON.stringify({ action: 'requestDeletion', data: {}, requestId: 'e2e-console-deletion-1' }),
    })
    expect(await asked.json()).toMatchObject({ ok: true })
    await desk.locator('.t-menu__item', { hasText: '删除申请' }).click()
    const row = desk.locator('.t-table tbody tr', { hasText: '李*' })
    await row.waitFor({ timeout: 15_000 })
    expect(await consoleFloorFailures(desk)).toEqual([])
    await row.getByRole('button', { name: '处理' }).click()
    await desk.locator('.t-dialog', { hasText: '处理删除申请' }).getByRole('button', { name: '确认删除' }).click()
    await desk.getByText('已处理').waitFor({ timeout: 15_000 })
    await desk.locator('.t-radio-button', { hasText: '全部' }).click()
    await desk
      .locator('.t-table tbody tr', { hasText: /已删除|部分删除/ })
      .first()
      .waitFor({ timeout: 15_000 })
    if (process.env.CONSOLE_SHOTS) await desk.screenshot({ path: `${process.env.CONSOLE_SHOTS}/console-deletions.png` })
  })

  test('退出所有电脑 on the phone signs the console out at its next call', async () => {
    const phone = await signInAs(ui.browser, ui.url, 'demo-officer', pageErrors)
    await phone.page.goto(`${ui.url}/#/pages/console-login/index`)
    await phone.page.locator('.console-session').first().waitFor({ timeout: 15_000 })
    if (process.env.CONSOLE_SHOTS) await phone.page.screenshot({ path: `${process.env.CONSOLE_SHOTS}/phone-sessions.png` })
    await phone.page.locator('#console-end-all').click()
    await phone.page.locator('.taro__modal').getByText('全部退出', { exact: true }).click()
    await phone.page.getByText('没有已登录的电脑').waitFor({ timeout: 15_000 })
    await phone.context.close()

    await desk.locator('.t-menu__item', { hasText: '首页' }).click()
    await desk.getByText('控制台登录已失效，请重新扫码登录').waitFor({ timeout: 15_000 })
    await desk.locator('#console-login-code').waitFor({ timeout: 15_000 })
    if (process.env.CONSOLE_SHOTS) await desk.screenshot({ path: `${process.env.CONSOLE_SHOTS}/console-signed-out.png` })
  })

  test("a nurse's phone is told why she cannot sign in; her 取消 reaches the console", async () => {
    const code = desk.locator('#console-login-code')
    await code.waitFor({ timeout: 15_000 })
    const link = decodePng(await code.screenshot())
    const phone = await signInAs(ui.browser, ui.url, 'demo-nurse', pageErrors)
    await phone.page.goto(link)
    await phone.page.locator('#console-login-refusal', { hasText: '筛查点工作人员不能登录控制台' }).waitFor({ timeout: 15_000 })
    expect(await phone.page.locator('#console-login-confirm').count()).toBe(0)
    await phone.page.locator('#console-login-cancel').click()
    await phone.page.locator('#console-login-cancelled').waitFor({ timeout: 15_000 })
    await phone.context.close()
    await desk.getByText('已取消登录，请在电脑上重新扫码').waitFor({ timeout: 15_000 })
    await desk.getByRole('button', { name: '刷新二维码' }).click()
    await desk.locator('#console-login-code').waitFor({ timeout: 15_000 })
  })

  test('no script errors on either screen', () => {
    expect(pageErrors).toEqual([])
  })
})
