/**
 * The console's 会员名册 (issue 18) at desk size (1366×768), signed in by scanning as console-signin.test.ts
 * does: a 30,000-row roster saved by Excel as GBK, with a few bad rows, is checked first (every refused row
 * with its line, nothing written), then imported with its progress; a member from the file is found, opened,
 * and her phone corrected. Prints how long the check and the import take.
 */
import iconv from 'iconv-lite'
import type { Page } from 'playwright-core'
import { consoleFloorFailures } from './support/console-floors'
import { browserAvailability } from './support/browser'
import { signedInDesk } from './support/console-desk'
import { browserSuite } from './support/suite'

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

jest.setTimeout(240_000)

const ROWS = 30_000
const UNIONS = ['美团外卖秦淮站点工会', '苏果超市有限公司工会', '饿了么玄武站点工会', '顺丰速运鼓楼分部工会', '南京地铁运营有限公司工会']
const card = (i: number) => `GH5${String(i).padStart(7, '0')}`

/** Row i is on the file's line i + 2; four are refused, each for another reason, on the lines BAD names. */
function row(i: number): string {
  const cells = [
    `名册${i}`,
    card(i),
    `139${String(i).padStart(8, '0')}`,
    UNIONS[i % UNIONS.length],
    i % 7 ? '' : '劳模',
    i % 2 ? '男' : '女',
    '',
  ]
  if (i === 1000) cells[2] = '12345'
  if (i === 15000) cells[3] = '不存在的工会'
  if (i === 20001) cells[1] = card(20000) // the same part as its twin: refused on the later line
  if (i === 29999) cells[1] = 'GH#1'
  return cells.join(',')
}
const BAD = [1002, 15002, 20003, 30001]
const FILE = iconv.encode(
  ['姓名,会员证号,手机号,所属工会,标签,性别,出生日期', ...Array.from({ length: ROWS }, (_, i) => row(i))].join('\r\n'),
  'gbk',
)

suite(`the console's roster in Chromium${availability.run ? '' : ` — skipped: ${availability.reason}`}`, () => {
  const ui = browserSuite()
  const pageErrors: string[] = []
  let desk: Page

  /** The roster as the officer's own list counts it (the demo host takes her openid from a header). */
  const total = async (data: object = {}) => {
    const res = await fetch(`${ui.url}/fn/member`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-openid': 'demo-officer' },
      body: JSON.stringify({ action: 'listRoster', data, requestId: `e2e-roster-${Date.now()}` }),
    })
    return ((await res.json()) as { data: { total: number } }).data.total
  }

  beforeAll(async () => {
    desk = await signedInDesk(ui.browser, ui.url, 'demo-officer', pageErrors)
    await desk.locator('.t-menu__item', { hasText: '会员名册' }).click()
    await desk.locator('.page-title', { hasText: '会员名册' }).waitFor({ timeout: 15_000 })
  })

  test('a 30,000-row GBK roster is checked with its per-row errors, nothing written, then imported with progress', async () => {
    const before = await total()
    await desk.locator('.t-upload input[type=file]').setInputFiles({ name: '名册.csv', mimeType: 'text/csv', buffer: FILE })
    let started = Date.now()
    await desk.locator('#roster-preview').click()
    const progress = desk.locator('#roster-progress')
    await desk.locator('#roster-commit').waitFor({ timeout: 120_000 })
    const checked = (Date.now() - started) / 1000
    expect(await progress.textContent()).toMatch(/30000 \/ 30000 行.*检查完成（文件编码 GBK）.*共 30000 行：将新增 29996 人.*有问题 4 行/)
    const errors = progress.locator('.roster-errors tbody tr')
    expect(await errors.evaluateAll((trs) => trs.map((tr) => Number(tr.querySelector('td')!.textContent)))).toEqual(BAD)
    expect(await errors.nth(2).textContent()).toContain('会员证号与第 20002 行重复')
    expect(await consoleFloorFailures(desk)).toEqual([])
    expect(await total()).toBe(before) // nothing written yet
    expect(await total({ q: card(12345) })).toBe(0)

    started = Date.now()
    await desk.locator('#roster-commit', { hasText: '确认导入 29996 行' }).click()
    await progress.getByText('导入完成').waitFor({ timeout: 180_000 })
    const imported = (Date.now() - started) / 1000
    console.log(`30,000-row GBK roster: checked in ${checked.toFixed(1)} s, imported in ${imported.toFixed(1)} s (30 parts each)`)
    expect(await progress.textContent()).toMatch(/新增 29996 人，更新 0 人，未变 0 人，未导入 4 行/)
    expect(await total()).toBe(before + 29_996)
    expect(await consoleFloorFailures(desk)).toEqual([])
  })

  test('search finds a member from the file; her record opens and her phone is corrected', async () => {
    await desk.locator('.roster-q input').fill(card(12345))
    await desk.locator('#roster-search').click()
    const found = desk.locator('.t-table tbody tr', { hasText: 'GH****2345' }).filter({ hasText: UNIONS[12345 % UNIONS.length] })
    await found.waitFor({ timeout: 15_000 })
    await found.locator('.roster-open').click()
    const drawer = desk.locator('.t-drawer')
    await drawer.locator('.roster-record', { hasText: '139****2345' }).waitFor({ timeout: 15_000 })
    expect(await consoleFloorFailures(desk)).toEqual([])
    await drawer.locator('#roster-edit').click()
    await drawer.locator('.correct-phone input').fill('1381234')
    await drawer.getByText('手机号应为 11 位手机号码').waitFor() // said before anything is sent
    await drawer.locator('.correct-phone input').fill('13812347777')
    expect(await consoleFloorFailures(desk)).toEqual([])
    await drawer.locator('#roster-correct-save').click()
    await drawer.locator('.roster-record', { hasText: '138****7777' }).waitFor({ timeout: 15_000 })
    await desk.locator('.t-table tbody tr', { hasText: '138****7777' }).waitFor({ timeout: 15_000 }) // the list too
    if (process.env.CONSOLE_SHOTS) await desk.screenshot({ path: `${process.env.CONSOLE_SHOTS}/console-roster-record.png` })
  })

  test('no script errors', () => {
    expect(pageErrors).toEqual([])
  })
})
