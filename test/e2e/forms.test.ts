import type { BrowserContext, Locator, Page } from 'playwright-core'
import { browserAvailability, signInAs } from './support/browser'
import { browserSuite } from './support/suite'

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

type View = { width: number; height: number }
const PHONE: View = { width: 390, height: 844 }
/** Officers also work at an office PC: the walk that found defect 5 used this size for them. */
const DESK: View = { width: 1366, height: 768 }

/** The Field (label, input, message) around the input `inputId`. */
const fieldOf = (page: Page, inputId: string): Locator => page.locator('.field', { has: page.locator(`#${inputId}`) })

/** Whether the box's top (its label and message) sits inside the screen. */
async function inView(el: Locator, view: View): Promise<boolean> {
  const box = await el.boundingBox()
  return !!box && box.height > 0 && box.y >= -1 && box.y + Math.min(box.height, 200) <= view.height + 1
}

/**
 * The first marked field is on screen as soon as the messages appear: not after
 * a long smooth scroll (during which she sees a form with no message), not never.
 */
async function expectFirstErrorInView(page: Page, scope: string, view: View): Promise<Locator> {
  const first = page.locator(`${scope} .field--error, ${scope} .field__error`).filter({ visible: true }).first()
  await first.waitFor({ timeout: 10_000 })
  const deadline = Date.now() + 500
  while (!(await inView(first, view)) && Date.now() < deadline) await page.waitForTimeout(50)
  const box = await first.boundingBox()
  expect({ inView: await inView(first, view), y: Math.round(box?.y ?? NaN) }).toEqual({ inView: true, y: expect.any(Number) })
  return first
}

/** Gone at once: a moment for the page to re-render, not another tap of 提交. */
const gone = (el: Locator): Promise<void> => el.first().waitFor({ state: 'detached', timeout: 1_500 })

/** Types into a Taro Input the way a person does: focus, type. */
async function typeInto(page: Page, inputId: string, text: string): Promise<void> {
  const input = page.locator(`#${inputId} input`)
  await input.scrollIntoViewIfNeeded()
  await input.fill(text)
}

/**
 * Issue 19, defects 5 and 23, as an officer and a member meet them: a long form
 * sent half-filled shows its first error in view wherever she tapped 提交, and a
 * message goes the moment she changes the field it is about, not at the next submit.
 */
suite(`forms: first error in view, stale errors cleared${availability.run ? '' : ` — skipped: ${availability.reason}`}`, () => {
  const ui = browserSuite()
  const pageErrors: string[] = []
  const contexts: BrowserContext[] = []

  async function signedIn(openid: string, viewport = PHONE): Promise<Page> {
    const { context, page } = await signInAs(ui.browser, ui.url, openid, pageErrors, { viewport, deviceScaleFactor: 1 })
    contexts.push(context)
    return page
  }
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()))
    expect(pageErrors).toEqual([])
  })

  it('新建批次 (vouchers): the first error is in view after 创建批次, and goes as soon as she fills that field', async () => {
    const page = await signedIn('demo-officer')
    await page.getByText('工会消费券').first().click()
    await page.locator('#to-campaigns').click()
    await page.locator('#campaign-new').click()
    await typeInto(page, 'cf-name', '南京职工消费券（第二期）')
    await typeInto(page, 'cf-funder', '南京市总工会')
    const save = page.locator('#cf-save')
    await save.scrollIntoViewIfNeeded()
    await save.click()
    const first = await expectFirstErrorInView(page, '#campaign-form', PHONE)
    expect(await first.textContent()).toContain('发放总张数')
    await page.locator('#cf-total input').fill('50000')
    await gone(fieldOf(page, 'cf-total').locator('.field__error'))
    expect(await fieldOf(page, 'cf-total').getAttribute('class')).not.toContain('field--error')
  }, 90_000)

  it('新建筛查项目: the first error is in view after 创建项目, and goes as soon as she fills that field', async () => {
    const page = await signedIn('demo-officer', DESK)
    await page.getByText('两癌筛查').first().click()
    await page.locator('#go-admin').click()
    await page.locator('#admin-new-programme').click()
    await typeInto(page, 'pf-name', '2027 年第二轮“两癌”筛查')
    const description = page.locator('#pf-description textarea')
    await description.scrollIntoViewIfNeeded()
    await description.fill('免费宫颈癌、乳腺癌筛查')
    const submit = page.locator('#pf-submit')
    await submit.scrollIntoViewIfNeeded()
    await submit.click()
    const first = await expectFirstErrorInView(page, '.programme-form', DESK)
    expect(await first.textContent()).toContain('个人信息告知')
    await page.locator('#pf-notice textarea').fill('收集姓名、手机号，仅用于本次筛查预约和结果通知。')
    await gone(fieldOf(page, 'pf-notice').locator('.field__error'))
  }, 90_000)

  it('新建筛查项目: a refusal from the server (编号已被使用) goes under 项目编号, in view, and goes when she edits it', async () => {
    const page = await signedIn('demo-officer', DESK)
    await page.getByText('两癌筛查').first().click()
    await page.locator('#go-admin').click()
    await page.locator('#admin-new-programme').click()
    const typed: [string, string][] = [
      ['pf-name', '2027 年第二轮“两癌”筛查'],
      ['pf-id', 'liangai-2027-r1'], // the seed's programme: taken
      ['pf-site-name', '妇女保健科'],
      ['pf-site-hospital', '南京市妇幼保健院'],
      ['pf-site-address', '南京市秦淮区莫愁路 123 号'],
      ['pf-site-phone', '025-52226000'],
      ['pf-from', '2027-05-10'],
      ['pf-to', '2027-05-11'],
      ['pf-slot-cap-0', '10'],
      ['pf-total', '20'],
      ['pf-release', '2027-05-01 10:00'],
      ['pf-closes', '2027-05-09 20:00'],
    ]
    for (const [id, text] of typed) await typeInto(page, id, text)
    for (const [id, text] of [
      ['pf-description', '免费宫颈癌、乳腺癌筛查'],
      ['pf-notice', '收集姓名、手机号，仅用于本次筛查预约和结果通知。'],
    ]) {
      await page.locator(`#${id} textarea`).scrollIntoViewIfNeeded()
      await page.locator(`#${id} textarea`).fill(text)
    }
    await page.locator('#pf-submit').scrollIntoViewIfNeeded()
    await page.locator('#pf-submit').click()
    const first = await expectFirstErrorInView(page, '.programme-form', DESK)
    expect(await first.textContent()).toContain('该编号已被使用')
    await page.locator('#pf-id input').fill('liangai-2027-r2-x')
    await gone(fieldOf(page, 'pf-id').locator('.field__error'))
  }, 90_000)

  it('预约: 请先选择医院、日期和时段 goes as soon as she chooses a day', async () => {
    const page = await signedIn('demo-rider')
    await page.getByText('两癌筛查').first().click()
    await page.locator('#programme-liangai-2027-r1').click()
    await page.locator('#go-book').first().click()
    await page.locator('[id^=day-]').first().waitFor({ timeout: 15_000 })
    const submit = page.locator('#book-submit')
    await submit.scrollIntoViewIfNeeded()
    await submit.click()
    const message = page.getByText('请先选择医院、日期和时段')
    await message.first().waitFor({ timeout: 10_000 })
    // She tapped 确认预约 at the bottom: the step she skipped is brought to her.
    expect(await (await expectFirstErrorInView(page, '', PHONE)).textContent()).toContain('请先选择医院、日期和时段')
    await page.locator('[id^=day-]:not(.choice--disabled)').first().click()
    await gone(message)
  }, 90_000)

  it('导入名册: 请选择名册文件… goes as soon as she picks a file', async () => {
    const page = await signedIn('demo-officer')
    await page.locator('#go-officer').click()
    await page.locator('#officer-tab-import').click()
    await page.locator('#roster-submit').click()
    const message = page.getByText('请选择名册文件或粘贴 CSV 内容')
    await message.waitFor({ timeout: 10_000 })
    const csv = '姓名,会员证号,手机号,所属工会,标签,性别,出生日期\r\n职工1,GH3900000001,13700000001,鼓楼区总工会,,女,1990-01-01\r\n'
    await page.locator('#roster-file').setInputFiles({ name: '名册.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
    await page.locator('#roster-picked', { hasText: '名册.csv' }).waitFor()
    await gone(message)
  }, 90_000)
  it('新建联谊活动: a time is picked as well as typed, and the picker writes exactly what it showed', async () => {
    const page = await signedIn('demo-officer')
    await page.getByText('会聚良缘').first().click()
    await page.locator('#to-officer').click()
    await page.locator('#new-mixer').click()
    const active = () =>
      page.evaluate(() => Array.from(document.querySelectorAll('.nut-pickerview-roller-item-active'), (e) => e.textContent).join(' '))
    // A typed time: the picker opens on it, and 确认 keeps its digits.
    await typeInto(page, 'mx-startsAt', '2027-08-19 19:00')
    await page.locator('#mx-startsAt-pick').click()
    await page.getByText('确认').last().waitFor()
    expect(await active()).toBe('2027年 08月 19日 19时 00分')
    await page.getByText('确认').last().click()
    expect(await page.locator('#mx-startsAt input').inputValue()).toBe('2027-08-19 19:00')
    // An empty field: the picker opens on the next whole hour of Beijing's clock (the browser here runs in UTC).
    await typeInto(page, 'mx-endsAt', '')
    await page.locator('#mx-endsAt-pick').click()
    const hour = 3_600_000
    const next = new Date(Math.ceil(Date.now() / hour) * hour + 8 * hour).toISOString()
    const [day, time] = [next.slice(0, 10), next.slice(11, 16)]
    const expected = `${day.slice(0, 4)}年 ${day.slice(5, 7)}月 ${day.slice(8, 10)}日 ${time.slice(0, 2)}时 00分`
    await page.waitForTimeout(300)
    expect(await active()).toBe(expected)
    await page.getByText('确认').last().click()
    expect(await page.locator('#mx-endsAt input').inputValue()).toBe(`${day} ${time}`)
  }, 90_000)
})
