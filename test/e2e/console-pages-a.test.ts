/**
 * The console's 会聚良缘 and 消费券 pages (issue 18) at desk size (1366×768), signed in by scanning as
 * console-signin.test.ts does (a second context is the officer's phone). Each page is opened through the
 * menu, shows a real row or figure, does one thing, and keeps the desktop floors: two singles' sign-ups are
 * approved in one bulk action; a claimed campaign's dashboard draws its chart and exports a CSV with a BOM;
 * a campaign with a money budget and a 劳模 extra is made through the form.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { consoleFloorFailures } from './support/console-floors'
import { readXlsx } from './support/xlsx'
import { browserAvailability } from './support/browser'
import { signedInDesk as signedInAt } from './support/console-desk'
import { browserSuite } from './support/suite'

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

jest.setTimeout(120_000)

const QIXI_ID = 'mixer-qixi-qinhuai'

suite(`the console's matchmaking and vouchers pages in Chromium${availability.run ? '' : ` — skipped: ${availability.reason}`}`, () => {
  const ui = browserSuite()
  const pageErrors: string[] = []
  let desk: Page
  let seq = 0

  /** A member's call from her phone (the demo host takes the openid from a header). */
  const asMember = async (fn: string, openid: string, action: string, data: object) => {
    const res = await fetch(`${ui.url}/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-openid': openid },
      body: JSON.stringify({ action, data, requestId: `e2e-console-a-${++seq}` }),
    })
    return (await res.json()) as { ok: boolean; code?: string }
  }
  const open = async (label: string) => {
    await desk.locator('.t-menu__item', { hasText: label }).click()
    await desk.locator('.page-title', { hasText: label }).waitFor({ timeout: 15_000 })
  }

  const signedInDesk = (openid: string) => signedInAt(ui.browser, ui.url, openid, pageErrors)

  beforeAll(async () => {
    const built = join(process.env.CONSOLE_DIST || join(__dirname, '../../dist/console'), 'index.html')
    if (!existsSync(built)) throw new Error('dist/console 不存在：先运行 npm run build:console（npm test 会自动构建）')
    desk = await signedInDesk('demo-officer')
  })

  test('会聚良缘: two sign-ups awaiting review are approved with one confirmation; the figures show', async () => {
    for (const [openid, nickname] of [
      ['demo-single-man', '浩子'],
      ['demo-single-woman', '婷婷'],
    ]) {
      expect(await asMember('matchmaking', openid, 'saveProfile', { nickname, sector: '企业', intro: '喜欢爬山和看电影' })).toMatchObject({
        ok: true,
      })
      expect(await asMember('matchmaking', openid, 'signStatement', { version: 'v1' })).toMatchObject({ ok: true })
      expect(await asMember('matchmaking', openid, 'signUp', { mixerId: QIXI_ID })).toMatchObject({ ok: true })
    }
    await open('会聚良缘')
    await desk.locator('.t-table tbody tr', { hasText: '七夕' }).first().waitFor({ timeout: 15_000 })
    expect(await consoleFloorFailures(desk)).toEqual([])
    await desk.locator(`#mixer-open-${QIXI_ID}`).click()
    const waiting = desk.locator('.mixer-card .t-table tbody tr', { hasText: '待审核' })
    await waiting.first().waitFor({ timeout: 15_000 })
    expect(await waiting.count()).toBe(2)
    for (const nick of ['浩子', '婷婷']) await waiting.filter({ hasText: nick }).locator('.t-checkbox').click()
    await desk.getByText('已选 2 人').waitFor()
    await desk.locator('#review-approve').click()
    await desk.locator('.t-dialog', { hasText: '通过报名' }).getByRole('button', { name: '通过 2 人' }).click()
    await desk.locator('#review-run').getByText('已通过 2 人').waitFor({ timeout: 20_000 })
    await desk.getByText('没有待审核的报名').waitFor({ timeout: 15_000 })
    await desk.locator('.mixer-figures tbody tr', { hasText: '合计' }).waitFor({ timeout: 15_000 })
    expect(await consoleFloorFailures(desk)).toEqual([])
    if (process.env.CONSOLE_SHOTS) await desk.screenshot({ path: `${process.env.CONSOLE_SHOTS}/console-matchmaking.png`, fullPage: true })
    await desk.locator('.t-radio-button', { hasText: '全部报名' }).click()
    await desk.locator('.mixer-card .t-table tbody tr', { hasText: '浩子' }).getByText('已通过').waitFor({ timeout: 15_000 })
  })

  test('消费券: a claimed campaign draws its chart and exports its ledger as Excel; a campaign with a budget and a 劳模 extra is made', async () => {
    for (const openid of ['demo-model-worker', 'demo-rider', 'demo-single-woman']) {
      const claimed = await asMember('vouchers', openid, 'claim', { campaignId: 'campaign-4x40' })
      expect(claimed.ok ? 'ok' : claimed.code).toBe('ok')
    }
    await open('消费券')
    const row = desk.locator('.t-table tbody tr', { hasText: '职工消费券 满50减40' })
    await row.waitFor({ timeout: 15_000 })
    expect(await consoleFloorFailures(desk)).toEqual([])
    await row.getByRole('button', { name: '数据' }).click()
    await desk.locator('#claims-chart canvas').waitFor({ timeout: 20_000 })
    expect(await desk.locator('.voucher-figure', { hasText: '已领取' }).textContent()).toContain('3 张')
    expect(await consoleFloorFailures(desk)).toEqual([])
    if (process.env.CONSOLE_SHOTS) await desk.screenshot({ path: `${process.env.CONSOLE_SHOTS}/console-vouchers.png`, fullPage: true })
    // the redemption ledger as an Excel workbook (the dialog's default): nothing redeemed yet, so its header alone, as text
    await row.getByRole('button', { name: '导出' }).click()
    const exportDialog = desk.locator('.t-dialog', { hasText: '导出核销流水' })
    const [file] = await Promise.all([desk.waitForEvent('download'), exportDialog.getByRole('button', { name: '下载 Excel' }).click()])
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/)
    const book = await readXlsx((await file.path())!)
    expect(book.allText).toBe(true)
    expect(book.rows).toEqual([['流水号', '类型', '时间', '商户', '收银台', '会员', '消费金额(元)', '工会承担(元)', '商户让利(元)']])

    await desk.locator('#campaign-new').click()
    const form = desk.locator('.t-dialog', { hasText: '新建消费券批次' })
    await form.locator('.cf-name input').fill('控制台测试批次 满50减40')
    await form.locator('.cf-funder input').fill('南京市总工会')
    await form.locator('.cf-total input').fill('1000')
    await form.locator('.cf-budget input').fill('40000')
    await form.locator('.cf-merchants').click()
    await desk.locator('.t-select-option', { hasText: '苏果超市' }).click()
    expect(await consoleFloorFailures(desk)).toEqual([]) // the open option list too
    await form.locator('.t-dialog__header').click() // closes the option list
    await desk.locator('.cf-merchants-popup').waitFor({ state: 'hidden' })
    await form.locator('.cf-bonus').click()
    await form.locator('.cf-bonus-rate input').fill('90')
    expect(await consoleFloorFailures(desk)).toEqual([])
    await form.getByRole('button', { name: '创建批次' }).click()
    await desk.getByText('批次已创建').waitFor({ timeout: 15_000 })
    await desk.locator('.t-table tbody tr', { hasText: '控制台测试批次' }).getByText('劳模折上折 9折').waitFor({ timeout: 15_000 })

    await desk.locator('.t-tabs__nav-item', { hasText: '商户' }).click()
    await desk.locator('.t-table tbody tr >> visible=true', { hasText: '苏果超市（新街口店）' }).first().waitFor({ timeout: 15_000 })
    if (process.env.CONSOLE_SHOTS) await desk.screenshot({ path: `${process.env.CONSOLE_SHOTS}/console-merchants.png` })
    await desk.locator('.t-tabs__nav-item', { hasText: '对账单' }).click()
    await desk.locator('.t-table tbody tr >> visible=true', { hasText: '待确认' }).first().waitFor({ timeout: 15_000 })
    await desk
      .locator('.t-table tbody tr >> visible=true', { hasText: '苏果超市（新街口店）' })
      .getByRole('button', { name: '查看明细' })
      .click()
    await desk.locator('.statement-view .statement-state', { hasText: '核销 0 笔' }).waitFor({ timeout: 15_000 })
    expect(await consoleFloorFailures(desk)).toEqual([])
    if (process.env.CONSOLE_SHOTS) await desk.screenshot({ path: `${process.env.CONSOLE_SHOTS}/console-statements.png`, fullPage: true })
  })

  test("对账单: 陈静, her store's manager, signs in, reads today's statement and disputes it", async () => {
    const shop = await signedInDesk('demo-cashier')
    await shop.locator('.t-menu__item', { hasText: '对账单' }).click()
    await shop.locator('.statement-view .statement-state', { hasText: '核销' }).waitFor({ timeout: 15_000 })
    expect(await consoleFloorFailures(shop)).toEqual([])
    await shop.locator('#statement-dispute').click()
    const dialog = shop.locator('.t-dialog', { hasText: '对账单异议' })
    await dialog.locator('textarea').fill('收银台 1 号的一笔消费金额与小票不符')
    await dialog.getByRole('button', { name: '提交异议' }).click()
    await shop.getByText('异议已提交').waitFor({ timeout: 15_000 })
    await dialog.waitFor({ state: 'hidden' }) // closed (its fade-out would read as tiny targets)
    await shop.locator('.statement-view .statement-state', { hasText: '有异议' }).waitFor({ timeout: 15_000 })
    await shop.getByText('异议：收银台 1 号的一笔消费金额与小票不符').waitFor()
    expect(await consoleFloorFailures(shop)).toEqual([])
    if (process.env.CONSOLE_SHOTS) await shop.screenshot({ path: `${process.env.CONSOLE_SHOTS}/console-manager.png`, fullPage: true })
  })

  test('no script errors', () => {
    expect(pageErrors).toEqual([])
  })
})
