/**
 * 消费券 and 工作人员 in the console (issue 18) at desk size (1366×768), signed in by scanning as
 * console-signin.test.ts does. Acceptance: "Create a voucher campaign with a money budget and a 劳模 extra;
 * its dashboard chart shows claims after a seeded rush": the campaign is made through the dialog, 40
 * verified members (12 of them 劳模, written straight into the emulator) claim through the host's HTTP
 * endpoint at once, three vouchers are redeemed at the till, and the dashboard's figures and chart say
 * exactly that. Then a dispute's round trip (the manager disputes by a direct call, the officer answers in
 * the console, the manager's own console shows the answer), and 工作人员's invites: listed, and one revoked
 * so that its code is refused. Every screen keeps the desktop floors.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { getDb } from '../../cloudfunctions/common/db'
import { beijingDate } from '../../cloudfunctions/common/time'
import { yuan } from '~src/packages/vouchers/lib/money'
import { pathOf } from '../../tools/seed/union-structure'
import { createMemberFunction } from '../../cloudfunctions/member/index'
import { createVouchersFunction } from '../../cloudfunctions/vouchers/index'
import { invoke, okData } from '../support/invoke'
import { consoleFloorFailures } from './support/console-floors'
import { browserAvailability, signInAs } from './support/browser'
import { signedInDesk as signedInAt } from './support/console-desk'
import { browserSuite } from './support/suite'

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

jest.setTimeout(150_000)

const MERCHANT = 'merchant-suguo-xjk' // 苏果超市（新街口店）: demo-cashier is its manager
const NAME = '劳模专享春季券 满50减40'
const RUSH = 40
const MODEL_WORKERS = 12
const BILL = 10_000 // ¥100 at the till: 满50减40 takes ¥40, a 劳模's 9折 on the ¥60 left takes ¥6 more

type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; code: string; message: string }

suite(`the console's vouchers and staff pages in Chromium${availability.run ? '' : ` — skipped: ${availability.reason}`}`, () => {
  const ui = browserSuite()
  const pageErrors: string[] = []
  let desk: Page
  let seq = 0
  let campaignId = ''
  // built when first called: the stack has pointed the SDK at its emulator by then
  let vouchersMain: ReturnType<typeof createVouchersFunction> | undefined
  const fn = () => (vouchersMain ??= createVouchersFunction())

  /** A call from someone's phone (the demo host takes the openid from a header). */
  const as = async <T = unknown>(fn: string, openid: string, action: string, data: object): Promise<Envelope<T>> => {
    const res = await fetch(`${ui.url}/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-openid': openid },
      body: JSON.stringify({ action, data, requestId: `e2e-console-v-${++seq}` }),
    })
    return (await res.json()) as Envelope<T>
  }
  const ok = async <T>(fn: string, openid: string, action: string, data: object): Promise<T> => {
    const r = await as<T>(fn, openid, action, data)
    if (!r.ok) throw new Error(`${action} as ${openid}: ${r.code} ${r.message}`)
    return r.data
  }
  const open = async (page: Page, label: string) => {
    await page.locator('.t-menu__item', { hasText: label }).click()
    await page.locator('.page-title', { hasText: label }).waitFor({ timeout: 15_000 })
  }
  /** The floors, once the dialogs' open and close animations have ended (mid-zoom a 32 px button measures 31.9). */
  const floors = async (page: Page) => {
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
    expect(await consoleFloorFailures(page)).toEqual([])
  }

  const signedInDesk = (openid: string) => signedInAt(ui.browser, ui.url, openid, pageErrors)

  /** Verified members bound to roster records of 美团外卖秦淮站点工会, the first `MODEL_WORKERS` of them 劳模: one batch each. */
  const seedMembers = async (): Promise<string[]> => {
    const db = getDb()
    const now = Date.now()
    const openids = Array.from({ length: RUSH }, (_x, i) => `rush-${String(i).padStart(2, '0')}`)
    await db.collection(COLLECTIONS.roster).add(
      openids.map((openid, i) => ({
        _id: `GH32019${String(i).padStart(5, '0')}`,
        name: `冲刺会员${i}`,
        cardNo: `GH32019${String(i).padStart(5, '0')}`,
        phone: '',
        branch: '美团外卖秦淮站点工会',
        unionId: 'u-qh-meituan',
        unionPath: pathOf('u-qh-meituan'),
        tags: i < MODEL_WORKERS ? ['劳模'] : [],
        gender: '',
        birthDate: '',
        boundOpenid: openid,
        importedAt: now,
        updatedAt: now,
      })),
    )
    await db.collection(COLLECTIONS.users).add(
      openids.map((openid, i) => ({
        _id: openid,
        rosterId: `GH32019${String(i).padStart(5, '0')}`,
        verifiedAt: now,
        roles: [],
        deletionRequestedAt: null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    return openids
  }

  beforeAll(async () => {
    const built = join(process.env.CONSOLE_DIST || join(__dirname, '../../dist/console'), 'index.html')
    if (!existsSync(built)) throw new Error('dist/console 不存在：先运行 npm run build:console（npm test 会自动构建）')
    desk = await signedInDesk('demo-officer')
  })

  test('a campaign with a money budget and a 劳模 extra, made in the dialog, shows a seeded rush exactly on its dashboard', async () => {
    await open(desk, '消费券')
    await desk.locator('.t-table tbody tr').first().waitFor({ timeout: 15_000 })
    await floors(desk)
    await desk.locator('#campaign-new').click()
    const form = desk.locator('.t-dialog', { hasText: '新建消费券批次' })
    await form.locator('.cf-name input').fill(NAME)
    await form.locator('.cf-funder input').fill('南京市总工会')
    await form.locator('.cf-total input').fill('100')
    await form.locator('.cf-budget input').fill('5000')
    await form.locator('.cf-merchants').click()
    await desk.locator('.t-select-option', { hasText: '苏果超市（新街口店）' }).click()
    await form.locator('.t-dialog__header').click() // closes the option list
    await desk.locator('.cf-merchants-popup').waitFor({ state: 'hidden' })
    await form.locator('.cf-bonus').click()
    await form.locator('.cf-bonus-rate input').fill('90')
    await floors(desk)
    await form.getByRole('button', { name: '创建批次' }).click()
    await desk.getByText('批次已创建').waitFor({ timeout: 15_000 })
    const row = desk.locator('.t-table tbody tr', { hasText: NAME })
    await row.getByText('劳模折上折 9折').waitFor({ timeout: 15_000 })

    // the 批次 table's name filter is answered by the function (campaignTable)
    await desk.locator('.campaign-name-filter input').fill('劳模专享')
    // the answer replaces the rows shown: wait for it rather than read the table the filter found
    const shown = () => Array.from(document.querySelectorAll<HTMLElement>('.t-table tbody tr')).filter((r) => r.offsetParent !== null)
    await desk.waitForFunction(`(${shown.toString()})().length === 1`, undefined, { timeout: 15_000 })
    await desk.locator('.t-table tbody tr >> visible=true').filter({ hasText: NAME }).waitFor({ timeout: 15_000 })
    const page = await ok<{ items: { id: string; name: string }[] }>('vouchers', 'demo-officer', 'campaignTable', { name: '劳模专享' })
    campaignId = page.items[0].id

    // the rush: every member claims at once through the vouchers function's main, on the stack's database
    // (the host takes only the demo identities' openids from a header)
    const members = await seedMembers()
    const claims = await Promise.all(members.map((o) => invoke<{ id: string }>(fn(), o, 'claim', { campaignId })))
    expect(claims.map((c) => (c.ok ? 'ok' : `${c.code} ${c.message}`))).toEqual(members.map(() => 'ok'))
    // three redeemed at the till for ¥100 each: two 劳模 (¥46 from the budget each), one not (¥40)
    for (const i of [0, 1, MODEL_WORKERS]) {
      const voucherId = okData(claims[i]).id
      const { code } = okData(await invoke<{ code: { token: string } }>(fn(), members[i], 'voucherCode', { voucherId }))
      await ok('vouchers', 'demo-cashier', 'redeem', { merchantId: MERCHANT, code: code.token, billFen: BILL, till: '1号台' })
    }

    await row.getByRole('button', { name: '数据' }).click()
    const chart = desk.locator('#claims-chart')
    await chart.locator('canvas').waitFor({ timeout: 20_000 })
    expect(await chart.getAttribute('aria-label')).toBe(`每日领取与核销张数：${beijingDate(Date.now())} 领取 ${RUSH} 张，核销 3 张`)
    const figure = async (label: string) => (await desk.locator('.voucher-figure', { hasText: label }).locator('dd').textContent())?.trim()
    expect({
      claimed: await figure('已领取'),
      redeemed: await figure('已核销'),
      left: await figure('剩余张数'),
      used: await figure('已使用'),
      modelWorkers: await figure('劳模领取'),
      extra: await figure('劳模折上折'),
    }).toEqual({
      claimed: `${RUSH} 张`,
      redeemed: '3 张',
      left: `${100 - RUSH} 张`,
      used: yuan(2 * 4600 + 4000),
      modelWorkers: `${MODEL_WORKERS} 张`,
      extra: yuan(2 * 600),
    })
    await floors(desk)
    if (process.env.CONSOLE_SHOTS) await desk.screenshot({ path: `${process.env.CONSOLE_SHOTS}/console-vouchers-rush.png`, fullPage: true })
  })

  test("a manager's dispute is answered in the console, and her own console shows the answer", async () => {
    const today = beijingDate(Date.now())
    await ok('vouchers', 'demo-cashier', 'disputeStatement', {
      merchantId: MERCHANT,
      period: 'day',
      date: today,
      note: '1号台有一笔消费已退款',
    })
    await desk.locator('.t-tabs__nav-item', { hasText: '待处理争议' }).click()
    const disputed = desk.locator('.dispute-table tbody tr', { hasText: '苏果超市（新街口店）' })
    await disputed.getByText('1号台有一笔消费已退款').waitFor({ timeout: 15_000 })
    await floors(desk)
    await disputed.getByRole('button', { name: '查看并答复' }).click()
    await desk.locator('#dispute-reject').click()
    const dialog = desk.locator('.t-dialog', { hasText: '驳回异议' })
    await dialog.locator('textarea').fill('三笔核销与收银小票一致，未见退款记录')
    await floors(desk)
    await dialog.getByRole('button', { name: '提交答复' }).click()
    await desk.getByText('已答复').first().waitFor({ timeout: 15_000 })
    await dialog.waitFor({ state: 'hidden' })
    await desk.locator('.dispute-answer', { hasText: '驳回了异议：三笔核销与收银小票一致' }).waitFor({ timeout: 15_000 })
    await desk.getByText('没有待处理的异议').waitFor({ timeout: 15_000 })
    // once only: a second answer is refused with its own code
    const again = await as('vouchers', 'demo-officer', 'answerDispute', {
      merchantId: MERCHANT,
      period: 'day',
      date: today,
      decision: 'accepted',
      note: '改为接受',
    })
    expect(again.ok ? 'ok' : again.code).toBe('DISPUTE_ANSWERED')

    const shop = await signedInDesk('demo-cashier')
    await open(shop, '对账单')
    await shop.locator('.statement-view .statement-state', { hasText: '有异议' }).waitFor({ timeout: 15_000 })
    await shop
      .locator('.dispute-answer', { hasText: '南京市总工会' })
      .getByText(/驳回了异议：三笔核销与收银小票一致/)
      .waitFor()
    await floors(shop)
    await shop.context().close()

    // and on her phone, where she reads statements in the mini-program (结算)
    const phone = await signInAs(ui.browser, ui.url, 'demo-cashier', pageErrors)
    await phone.page.goto(`${ui.url}/#/packages/vouchers/pages/till/index?merchant=${MERCHANT}`)
    await phone.page.locator('#to-statement').click({ timeout: 15_000 })
    await phone.page
      .locator('#dispute-answer', { hasText: '驳回了异议' })
      .getByText(/三笔核销与收银小票一致/)
      .waitFor({ timeout: 15_000 })
    await phone.context.close()
  })

  test('工作人员: her invites are listed; an unused one is revoked after a confirmation and its code is refused', async () => {
    await open(desk, '工作人员')
    await desk.locator('.t-radio-button', { hasText: '商户' }).click()
    await desk.locator('.t-table tbody tr', { hasText: '苏果超市（新街口店）' }).first().getByRole('button', { name: '生成邀请码' }).click()
    const code = (await desk.locator('#invite-code').textContent())!.trim()
    await desk.locator('.invite-dialog').getByRole('button', { name: '关闭' }).click()
    await desk.locator('.invite-dialog .t-dialog').waitFor({ state: 'hidden' }) // its fade-out would read as tiny targets
    const listed = desk.locator('.invite-table tbody tr', { hasText: '苏果超市（新街口店）' }).first()
    await listed.getByText('有效').waitFor({ timeout: 15_000 })
    await floors(desk)
    await listed.getByRole('button', { name: '撤销' }).click()
    const confirm = desk.locator('.t-dialog', { hasText: '撤销邀请' })
    await floors(desk)
    await confirm.getByRole('button', { name: '撤销' }).click()
    await desk.getByText('邀请已撤销').waitFor({ timeout: 15_000 })
    await desk
      .locator('.invite-table tbody tr', { hasText: '苏果超市（新街口店）' })
      .first()
      .getByText('已撤销')
      .waitFor({ timeout: 15_000 })
    const redeemed = await invoke(createMemberFunction(), 'rush-39', 'redeemInvite', { code })
    expect(redeemed.ok ? 'ok' : redeemed.code).toBe('INVITE_REVOKED')
    // the state filter is answered by the function
    await desk.locator('.invite-state-filter').click()
    await desk.locator('.t-select-option', { hasText: '已撤销' }).click()
    await desk.locator('.invite-table tbody tr').first().getByText('已撤销').waitFor({ timeout: 15_000 })
    expect(await desk.locator('.invite-table tbody tr', { hasText: '有效' }).count()).toBe(0)
    await floors(desk)
    if (process.env.CONSOLE_SHOTS) await desk.screenshot({ path: `${process.env.CONSOLE_SHOTS}/console-staff-invites.png`, fullPage: true })
  })

  test('no script errors', () => {
    expect(pageErrors).toEqual([])
  })
})
