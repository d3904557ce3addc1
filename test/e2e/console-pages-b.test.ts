/**
 * The console's 工作人员, 两癌筛查 and 活动与集章 pages (会员名册: console-roster.test.ts) (issue 18) at desk size (1366×768), signed in
 * by scanning as console-signin.test.ts does (a second context is the officer's phone). Each page is opened
 * through the menu, shows a real row, does one thing, and keeps the desktop floors.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import type { Page } from 'playwright-core'
import { getDb } from '../../cloudfunctions/common/db'
import { rowsOf } from '../../cloudfunctions/common/paginate'
import { consoleFloorFailures } from './support/console-floors'
import { readPrintedCodes } from './support/pdf'
import { readXlsx } from './support/xlsx'
import { decodePng } from './support/qr'
import { browserAvailability } from './support/browser'
import { signedInDesk } from './support/console-desk'
import { browserSuite } from './support/suite'

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

jest.setTimeout(120_000)

suite(`the console's staff, screening and events pages in Chromium${availability.run ? '' : ` — skipped: ${availability.reason}`}`, () => {
  const ui = browserSuite()
  const pageErrors: string[] = []
  let desk: Page

  const open = async (label: string) => {
    await desk.locator('.t-menu__item', { hasText: label }).click()
    await desk.locator('.page-title', { hasText: label }).waitFor({ timeout: 15_000 })
  }
  const download = async (click: () => Promise<void>) => {
    const [file] = await Promise.all([desk.waitForEvent('download'), click()])
    return readFileSync((await file.path())!, 'utf8')
  }

  beforeAll(async () => {
    desk = await signedInDesk(ui.browser, ui.url, 'demo-officer', pageErrors)
  })

  test('工作人员 picks an event from the list and shows its invite code with the mini-program code', async () => {
    await open('工作人员')
    const row = desk.locator('.t-table tbody tr', { has: desk.getByRole('button', { name: '生成邀请码' }) }).first()
    await row.waitFor({ timeout: 15_000 })
    expect(await consoleFloorFailures(desk)).toEqual([])
    await row.getByRole('button', { name: '生成邀请码' }).click()
    const code = desk.locator('#invite-code')
    await code.waitFor({ timeout: 15_000 })
    expect((await code.textContent())!.trim().length).toBeGreaterThan(3)
    await desk.locator('#invite-print img').waitFor({ timeout: 15_000 })
    await desk.locator('.t-portal-wrapper.enter-done .t-dialog').waitFor() // measured once it has zoomed in
    expect(await consoleFloorFailures(desk)).toEqual([])
    if (process.env.CONSOLE_SHOTS) await desk.screenshot({ path: `${process.env.CONSOLE_SHOTS}/console-staff.png` })
    const made = (await code.textContent())!.trim()
    await desk.locator('.t-dialog').getByRole('button', { name: '关闭' }).click()
    await desk.locator('.t-table tbody tr', { hasText: made }).waitFor()
  })

  test('两癌筛查 opens a programme dashboard with its chart and exports bookings in full with a reason', async () => {
    await open('两癌筛查')
    const row = desk.locator('.t-table tbody tr', { has: desk.getByRole('button', { name: '查看统计' }) }).first()
    await row.waitFor({ timeout: 15_000 })
    expect(await consoleFloorFailures(desk)).toEqual([])
    await row.getByRole('button', { name: '查看统计' }).click()
    await desk.locator('#screening-figures', { hasText: '已预约' }).waitFor({ timeout: 15_000 })
    await desk.locator('#screening-chart canvas').waitFor({ timeout: 20_000 })
    expect(await consoleFloorFailures(desk)).toEqual([])
    await desk.locator('#bookings-load').click()
    // the demo programme has no bookings yet: the table answers with its empty state, filters in place
    const bookings = desk.locator('.t-card', { hasText: '预约名单' })
    await bookings
      .getByText(/没有符合条件的预约|已预约|已签到/)
      .first()
      .waitFor({ timeout: 15_000 })
    await bookings.locator('input[placeholder="全部状态"]').waitFor()
    expect(await consoleFloorFailures(desk)).toEqual([])
    await desk.locator('#screening-export').click()
    const dialog = desk.locator('.t-dialog', { hasText: '导出预约名单' })
    await dialog.getByText('完整信息', { exact: true }).click()
    await dialog.locator('.export-reason input').fill('交筛查医院核对名单')
    await dialog.getByText('CSV（UTF-8）').click()
    const csv = await download(() => dialog.getByRole('button', { name: '下载 CSV' }).click())
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.charCodeAt(1)).not.toBe(0xfeff)
    // the full export is in the audit log: who, which programme, the reason typed, how many rows
    const logged = rowsOf<{ actor: string; reason: string; rows: number }>(
      await getDb().collection('audit_log').where({ action: 'screening.exportFull' }).get(),
    )
    expect(logged.map((e) => [e.actor, e.reason])).toEqual([['demo-officer', '交筛查医院核对名单']])
    expect(logged[0].rows).toBe(parse(csv.slice(1), { skip_empty_lines: true }).length - 1)
    if (process.env.CONSOLE_SHOTS) await desk.screenshot({ path: `${process.env.CONSOLE_SHOTS}/console-screening.png`, fullPage: true })
  })

  test('活动与集章 opens an event, lists its booth codes, exports check-ins and shows every booth code to print', async () => {
    await open('活动与集章')
    const row = desk.locator('.t-table tbody tr', { has: desk.getByRole('button', { name: '管理' }) }).first()
    await row.waitFor({ timeout: 15_000 })
    expect(await consoleFloorFailures(desk)).toEqual([])
    // a fair has booths: open the first one that does
    await desk.locator('.t-table tbody tr', { hasText: '集章展会' }).first().getByRole('button', { name: '管理' }).click()
    await desk.locator('.event-summary', { hasText: '主办' }).waitFor({ timeout: 15_000 })
    // 实时数据: the event's live figures, each a number read from events.dashboard
    const live = desk.locator('.event-live')
    await live.getByText(/\d{2}:\d{2}:\d{2} 更新/).waitFor({ timeout: 15_000 })
    const figures = await live.locator('.event-figure').allTextContents()
    expect(figures.map((f) => f.replace(/\d+$/, ''))).toEqual(['已报名', '已签到', '集章人数', '集章次数', '已兑礼品'])
    expect(figures.every((f) => /\d+$/.test(f))).toBe(true)
    if (process.env.CONSOLE_SHOTS) await desk.screenshot({ path: `${process.env.CONSOLE_SHOTS}/console-event.png`, fullPage: true })
    await desk.locator('.t-card', { hasText: '展位码' }).locator('tbody tr', { hasText: /\d/ }).first().waitFor({ timeout: 15_000 })
    expect(await consoleFloorFailures(desk)).toEqual([])
    await desk.locator('#export-checkins').click()
    const dialog = desk.locator('.t-dialog', { hasText: '导出签到记录' })
    await dialog.getByText('CSV（UTF-8）').click()
    const csv = await download(() => dialog.getByRole('button', { name: '下载 CSV' }).click())
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.charCodeAt(1)).not.toBe(0xfeff)
    // the same export as a workbook holds the same rows, every cell text (codes and numbers keep their digits)
    await desk.locator('#export-checkins').click()
    await dialog.getByText('Excel（.xlsx）').click()
    const [file] = await Promise.all([desk.waitForEvent('download'), dialog.getByRole('button', { name: '下载 Excel' }).click()])
    const book = await readXlsx((await file.path())!)
    expect(book.allText).toBe(true)
    const lines = (rows: string[][]) => rows.map((r) => r.join('\t').replace(/\t+$/, ''))
    expect(lines(book.rows)).toEqual(lines(parse(csv.slice(1), { relax_column_count: true, skip_empty_lines: true }) as string[][]))
    await desk.locator('#booth-print').click()
    await desk.locator('#booth-print-go:not([disabled])').waitFor({ timeout: 60_000 })
    const cards = await desk.locator('.booth-card').count()
    expect(cards).toBeGreaterThan(0)
    expect(await desk.locator('.booth-card img').count()).toBe(cards)
    // each code on screen decodes to its booth's code text; on paper, 6 to an A4 page and nothing else
    const first = desk.locator('.booth-card').first()
    expect(decodePng(await first.locator('img').screenshot())).toContain((await first.locator('.booth-text').textContent())!.split('（')[0])
    // on paper: 6 to an A4 page, and every booth's code there, read back from the PDF as a phone reads the print
    const printed = readPrintedCodes(await desk.pdf({ format: 'A4', printBackground: true }))
    expect(printed.pages).toBe(Math.ceil(cards / 6))
    const texts = (await desk.locator('.booth-card .booth-text').allTextContents()).map((t) => t.split('（')[0])
    expect(new Set(printed.codes).size).toBe(cards)
    expect(texts.every((t) => printed.codes.some((c) => c.includes(t)))).toBe(true)
    expect(await consoleFloorFailures(desk)).toEqual([])
    if (process.env.CONSOLE_SHOTS) await desk.screenshot({ path: `${process.env.CONSOLE_SHOTS}/console-booth-print.png`, fullPage: true })
  })

  test('no script errors', () => {
    expect(pageErrors).toEqual([])
  })
})
