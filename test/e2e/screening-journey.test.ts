import { readFileSync } from 'node:fs'
import jsQR from 'jsqr'
import type { BrowserContext, Page } from 'playwright-core'
import { formatShanghai } from '~src/utils/datetime'
import { browserAvailability, signInAs } from './support/browser'
import { browserSuite } from './support/suite'

// @types/pngjs is not installed: type the one call used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PNG } = require('pngjs') as { PNG: { sync: { read(buf: Buffer): { width: number; height: number; data: Buffer } } } }

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

/**
 * The first-round programme of the demo seed; today's session starts 20–29 min after seeding, so check-in is open.
 * The functions run on a clock set to 10:00 Beijing time of the real day: late in the evening there would be no
 * room left today for that session, and the journey must not depend on when it runs.
 */
function tenOClockToday(): () => number {
  const real = Date.now()
  const offset = Date.parse(`${formatShanghai(real, 'YYYY-MM-DD')}T10:00:00+08:00`) - real
  return () => Date.now() + offset
}
const PROGRAMME = 'liangai-2027-r1'
const PLACE = '妇女保健科（南京市妇幼保健院）'
const SC = '/#/packages/screening/pages'

suite(`两癌筛查 journey in Chromium (H5 build)${availability.run ? '' : ` — skipped: ${availability.reason}`}`, () => {
  const clock = tenOClockToday()
  const ui = browserSuite({ clock })
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []
  let rider: Page
  let token = ''

  /** A fresh browser (own storage) signed in as one demo identity, on the service hall. */
  async function signIn(openid: string): Promise<Page> {
    const { context, page } = await signInAs(ui.browser, ui.url, openid, pageErrors, { clock })
    contexts.push(context)
    return page
  }

  /** Reads the QR code in an element's screenshot, as the desk's camera would. */
  async function decodeQr(page: Page, selector: string): Promise<string> {
    const png = PNG.sync.read(await page.locator(selector).screenshot())
    const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    if (!found) throw new Error('no QR code on screen')
    return found.data
  }

  it('an eligible rider books with consent, cancels (the place returns), books again, reschedules to today and gets a check-in QR', async () => {
    rider = await signIn('demo-rider')
    await rider.goto(`${ui.url}${SC}/programme/index?id=${PROGRAMME}`)
    await rider.locator('#eligible-ok').waitFor({ timeout: 15_000 })
    // Where she goes names the hospital too (issue 19 defect 4), on the programme, the picker and the booking.
    await rider.locator('.card', { hasText: '筛查地点' }).getByText(PLACE).waitFor()
    await rider.locator('#go-book').click()
    await rider.getByText(PLACE, { exact: true }).locator('visible=true').first().waitFor({ timeout: 15_000 })

    // Tomorrow first: the seed's 07:00 session there holds 7.
    const day = (offset: number) => formatShanghai(Date.now() + offset * 86_400_000, 'YYYY-MM-DD')
    await rider.locator(`#day-${day(1)}`).click({ timeout: 15_000 })
    const early = rider.locator('.session-option', { hasText: '07:00–09:00' })
    await early.waitFor({ timeout: 15_000 })
    expect(await early.locator('[id^=places-left-]').textContent()).toBe('余 7 个')

    // Booking without consent is refused on the page.
    await early.click()
    await rider.locator('#book-submit').click()
    await rider.locator('#book-error', { hasText: '请先阅读并勾选同意' }).waitFor()

    await rider.locator('#consent-check').click()
    await rider.locator('#book-submit').click()
    // At the booking tap, the look-alike of WeChat's subscribe dialog: the notices she chose and the result notice.
    const sheet = rider.locator('#subscribe-sheet >> visible=true')
    await sheet.waitFor({ timeout: 15_000 })
    for (const title of ['预约成功通知', '检查结果通知']) expect(await sheet.textContent()).toContain(title)
    expect(await sheet.textContent()).toContain('工会会员服务 申请发送以下消息')
    await rider.locator('#subscribe-allow >> visible=true').click()
    await rider.locator('#booking-status', { hasText: '已预约' }).waitFor({ timeout: 15_000 })
    expect(await rider.locator('#booking-time').textContent()).toContain('07:00–09:00')
    expect(await rider.locator('#booking-details').textContent()).toContain('身份证')
    expect(await rider.locator('#booking-site').textContent()).toBe(`地点：${PLACE}`)

    // She cancels (confirming in the dialog); the place returns at once, and she books it again.
    await rider.locator('#cancel-booking').click()
    await rider.locator('.taro__modal').getByText('确定取消', { exact: true }).click()
    await rider.locator('#booking-status >> visible=true', { hasText: '已取消' }).waitFor({ timeout: 15_000 })
    await rider.locator('#book-again').click()
    await rider.locator('#go-book >> visible=true').click({ timeout: 15_000 })
    await rider.locator(`#day-${day(1)} >> visible=true`).click({ timeout: 15_000 })
    const again = rider.locator('.session-option >> visible=true', { hasText: '07:00–09:00' })
    await again.waitFor({ timeout: 15_000 })
    expect(await again.locator('[id^=places-left-]').textContent()).toBe('余 7 个')
    await again.click()
    await rider.locator('#consent-check >> visible=true').click()
    await rider.locator('#book-submit >> visible=true').click()
    await rider.locator('#subscribe-cancel >> visible=true').click({ timeout: 15_000 }) // this time she says no
    await rider.locator('#booking-status >> visible=true', { hasText: '已预约' }).waitFor({ timeout: 15_000 })

    // Reschedule to today's session (it starts 20–29 min after seeding, so check-in is already open).
    await rider.locator('#reschedule >> visible=true').click()
    await rider.locator(`#day-${day(0)} >> visible=true`).click({ timeout: 15_000 })
    const today = rider.locator('.session-option:not(.choice--disabled) >> visible=true').first()
    await today.waitFor({ timeout: 15_000 })
    expect(await today.textContent()).toMatch(/余 8 个/)
    await today.click()
    // It starts within the change window: the page says so before she confirms, and asks once more.
    await rider.locator('#late-warning >> visible=true', { hasText: '不能再改约或取消' }).waitFor({ timeout: 15_000 })
    await rider.locator('#book-submit >> visible=true').click()
    await rider.locator('.taro__modal').getByText('仍要预约', { exact: true }).click()
    await rider.locator('#booking-time >> visible=true', { hasText: formatShanghai(Date.now(), 'M月D日') }).waitFor({ timeout: 15_000 })

    // H5 keeps earlier pages of the stack in the DOM, hidden: read the code on screen.
    await rider.locator('#checkin-qr img >> visible=true').waitFor({ timeout: 15_000 })
    token = await decodeQr(rider, '#checkin-qr img >> visible=true')
    expect(token.length).toBeGreaterThan(20)

    expect(pageErrors).toEqual([])
  }, 90_000)

  it('the nurse checks her in from the decoded QR, a re-scan says 已签到, then registers her result', async () => {
    const nurse = await signIn('demo-nurse')
    await nurse.goto(`${ui.url}${SC}/desk/index`)
    await nurse.locator('#nurse-input input').fill(token)
    await nurse.locator('#nurse-submit').click()
    await nurse.locator('#checkin-message', { hasText: '签到成功' }).waitFor({ timeout: 15_000 })
    expect(await nurse.locator('#checkin-result').textContent()).toMatch(/王\*+/) // masked: the desk sees only what it needs
    // Her phone, still showing the code, notices at once: 已签到, and the code is gone.
    await rider.locator(':is(#checked-in, #checkin-qr-outcome) >> visible=true').first().waitFor({ timeout: 15_000 })
    expect(await rider.locator('#checkin-qr img >> visible=true').count()).toBe(0)

    await nurse.locator('#nurse-input input').fill(token)
    await nurse.locator('#nurse-submit').click()
    await nurse.locator('#checkin-message', { hasText: /已签到 \d\d:\d\d/ }).waitFor({ timeout: 15_000 })

    await nurse.locator('.staff-session').first().click()
    await nurse.locator('[id^=mark-result-]').first().click({ timeout: 15_000 })
    await nurse.locator('[id^=outcome-][id$=-recheck]').click()
    await nurse.locator('[id^=result-note-] textarea').fill('建议三个月后复查 HPV')
    await nurse.locator('[id^=result-submit-]').click()
    // Nothing is sent before a confirmation naming her and the outcome.
    const dialog = nurse.locator('.taro__modal')
    await dialog.getByText('需复查').first().waitFor({ timeout: 15_000 })
    await dialog.getByText('确认登记', { exact: true }).click()
    await nurse.locator('#session-note', { hasText: '结果已登记' }).waitFor({ timeout: 15_000 })
    expect(pageErrors).toEqual([])
  }, 90_000)

  it('she sees a generic notice in the outbox and reads the result in the app', async () => {
    await rider.goto(`${ui.url}${SC}/outbox/index`)
    const outbox = rider.locator('#outbox-list')
    await outbox.waitFor({ timeout: 15_000 })
    await rider.locator('#outbox-list', { hasText: '检查结果通知' }).waitFor({ timeout: 15_000 })
    const text = (await outbox.textContent()) ?? ''
    expect(text).not.toContain('需复查') // a results-ready notice never carries health information
    expect(text).not.toContain('HPV')

    // Tapping the notice opens HER booking (the route table's `id`), as tapping the WeChat message would.
    await rider.locator('.outbox-item--result_ready').first().click()
    await rider.waitForURL((u) => u.toString().includes('/booking/index') && u.toString().includes(`id=${PROGRAMME}`), { timeout: 15_000 })
    await rider.locator('#show-result').click({ timeout: 15_000 })
    await rider.locator('#result-outcome', { hasText: '需复查' }).waitFor({ timeout: 15_000 })
    expect(await rider.locator('#result-note').textContent()).toContain('建议三个月后复查 HPV')
    expect(pageErrors).toEqual([])
  }, 90_000)

  it('after the timer runs, her 微信通知 shows what WeChat delivered: the confirmation and the result notice, no health data', async () => {
    await ui.tick()
    await rider.goto(`${ui.url}/#/pages/me/index`)
    await rider.locator('#me-wechat >> visible=true').click({ timeout: 15_000 })
    const confirmation = rider.locator('.wx-msg >> visible=true', { hasText: '预约成功通知' })
    await confirmation.waitFor({ timeout: 15_000 })
    expect(await confirmation.textContent()).toContain('项目名称')
    // One confirmation: she declined the second booking's opt-in (WeChat answers 43101 for it).
    expect(await confirmation.count()).toBe(1)
    const result = rider.locator('.wx-msg >> visible=true', { hasText: '检查结果通知' })
    await result.waitFor({ timeout: 15_000 })
    expect(await result.textContent()).not.toMatch(/需复查|HPV/)
    await result.getByText('进入小程序查看', { exact: true }).click()
    await rider.waitForURL((u) => u.toString().includes('/booking/index') && u.toString().includes(`id=${PROGRAMME}`), { timeout: 15_000 })
    expect(pageErrors).toEqual([])
  }, 90_000)

  it('the officer sees the check-in and result on the dashboard and exports masked bookings', async () => {
    const officer = await signIn('demo-officer')
    await officer.goto(`${ui.url}${SC}/admin/index`)
    await officer.locator(`#admin-programme-${PROGRAMME}`).click({ timeout: 15_000 })
    await officer.locator('#dashboard').waitFor({ timeout: 15_000 })
    const days = (await officer.locator('#dashboard-days').textContent()) ?? ''
    expect(days).toContain('1/7') // today's session: 1 booked, 7 left
    expect(await officer.locator('#dashboard-branches').textContent()).toContain('美团外卖')

    // A file Excel opens in Chinese: UTF-8 with a BOM.
    const [download] = await Promise.all([officer.waitForEvent('download'), officer.locator('#export-masked-button').click()])
    expect(download.suggestedFilename()).toMatch(/\.csv$/)
    const bytes = readFileSync((await download.path()) as string)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    expect(text).toContain('王*')
    expect(text).not.toContain('王秀英')
    expect(text).not.toContain('13900000102')
    expect(text).not.toContain('需复查') // the export says whether a result is out, never what it is
    expect(pageErrors).toEqual([])
  }, 90_000)

  it('before the release of the 8 March round she sees a countdown and can ask for a reminder', async () => {
    await rider.goto(`${ui.url}${SC}/index/index`)
    await rider.locator('[id^="programme-liangai-"][id$="-0308"]').click({ timeout: 15_000 })
    await rider.locator('#countdown', { hasText: /\d+ 天 \d\d:\d\d:\d\d/ }).waitFor({ timeout: 15_000 })
    expect(await rider.locator('#go-book >> visible=true').count()).toBe(0)
    await rider.locator('#remind-release').click()
    await rider.locator('#subscribe-sheet >> visible=true', { hasText: '预约开放提醒' }).waitFor({ timeout: 15_000 })
    await rider.locator('#subscribe-allow >> visible=true').click()
    await rider.locator('#remind-on').waitFor({ timeout: 15_000 })
    expect(await rider.locator('#remind-note').textContent()).toContain('已订阅')
    expect(pageErrors).toEqual([])
  }, 90_000)

  it('an ineligible member sees why and is offered no booking', async () => {
    const worker = await signIn('demo-model-worker')
    await worker.goto(`${ui.url}${SC}/programme/index?id=${PROGRAMME}`)
    const reason = worker.locator('#ineligible-reason')
    await reason.waitFor({ timeout: 15_000 })
    expect(((await reason.textContent()) ?? '').length).toBeGreaterThan(2)
    expect(await worker.locator('#go-book >> visible=true').count()).toBe(0)

    // Opening the booking page directly does not offer a booking either.
    await worker.goto(`${ui.url}${SC}/book/index?id=${PROGRAMME}`)
    await worker.locator('#book-unavailable').waitFor({ timeout: 15_000 })
    expect(await worker.locator('#book-submit >> visible=true').count()).toBe(0)
    expect(pageErrors).toEqual([])
  }, 90_000)
})
