import jsQR from 'jsqr'
import type { BrowserContext, Page } from 'playwright-core'
import { createMatchmakingFunction } from '../../cloudfunctions/matchmaking/index'
import { QIXI_ID } from '../../tools/seed/matchmaking.seed'
import { invoke, okData } from '../support/invoke'
import { browserAvailability, signInAs } from './support/browser'
import { browserSuite } from './support/suite'

// eslint-disable-next-line @typescript-eslint/no-require-imports -- pngjs ships no ES module types
const { PNG } = require('pngjs') as { PNG: { sync: { read(buf: Buffer): { width: number; height: number; data: Buffer } } } }

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

/**
 * 会聚良缘 in Chromium (issue #10): the two demo singles sign up, the officer approves,
 * the desk checks both in from the QR on their screens, each picks the other (he also a
 * seeded attendee), the deadline passes (the functions' clock is moved), both see the
 * match and exchange WeChat IDs; the seeded attendee's view shows no trace.
 */
const MM = '/#/packages/matchmaking/pages'
const HOUR = 3_600_000
let offset = 0
const clock = () => Date.now() + offset
/** A seeded woman outside the seed's mutual pairs (badge 22: the 11th woman). */
const SEEDED = { openid: 'mx-seed-21', badge: 22 }

suite(`会聚良缘 journey in Chromium (H5 build)${availability.run ? '' : ` — skipped: ${availability.reason}`}`, () => {
  const ui = browserSuite({ clock })
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []
  let man: Page
  let woman: Page
  const badge: Record<string, number> = {}

  async function signIn(openid: string): Promise<Page> {
    const { context, page } = await signInAs(ui.browser, ui.url, openid, pageErrors)
    contexts.push(context)
    return page
  }

  const v = (page: Page, selector: string) => page.locator(`${selector} >> visible=true`)

  async function decodeQr(page: Page, selector: string): Promise<string> {
    const png = PNG.sync.read(await v(page, selector).screenshot())
    const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    if (!found) throw new Error('no QR code on screen')
    return found.data
  }

  async function profileAndSignUp(page: Page, nickname: string) {
    await page.goto(`${ui.url}${MM}/profile/index`)
    await v(page, '#nickname input').fill(nickname, { timeout: 15_000 })
    await v(page, '#sector-企业').click()
    await v(page, '#intro textarea').fill('喜欢爬山和看电影，周末常去云台山')
    await v(page, '#save-profile').click()
    await v(page, '#sign-statement').click({ timeout: 15_000 })
    await v(page, '#statement-signed').waitFor({ timeout: 15_000 })
    await page.goto(`${ui.url}${MM}/mixer/index?id=${QIXI_ID}`)
    await v(page, '#sign-up').click({ timeout: 15_000 })
    // The match notice's opt-in, asked at the sign-up tap in the look-alike of WeChat's dialog.
    await v(page, '#subscribe-sheet').filter({ hasText: '活动结果通知' }).waitFor({ timeout: 15_000 })
    await v(page, '#subscribe-allow').click()
    await v(page, '#signup-status').filter({ hasText: '等待工会审核' }).waitFor({ timeout: 15_000 })
  }

  it('both singles make a profile, sign the statement and sign up; the officer approves both', async () => {
    man = await signIn('demo-single-man')
    await profileAndSignUp(man, '浩子')
    woman = await signIn('demo-single-woman')
    await profileAndSignUp(woman, '婷婷')
    const officer = await signIn('demo-officer')
    await officer.goto(`${ui.url}${MM}/review/index?id=${QIXI_ID}`)
    await v(officer, '#balance').waitFor({ timeout: 15_000 })
    for (const nick of ['浩子', '婷婷']) {
      await v(officer, `#approve-${nick}`).click({ timeout: 15_000 })
      await officer.locator(`#approve-${nick}`).waitFor({ state: 'detached', timeout: 15_000 })
    }
    expect(pageErrors).toEqual([])
  }, 120_000)

  it('the desk checks both in from the QR codes on their screens; each screen turns into the badge', async () => {
    const staff = await signIn('demo-event-staff')
    await staff.goto(`${ui.url}${MM}/station/index?id=${QIXI_ID}`)
    await v(staff, '#station-counts').waitFor({ timeout: 15_000 })
    for (const [who, page] of [
      ['man', man],
      ['woman', woman],
    ] as const) {
      await page.goto(`${ui.url}${MM}/mine/index?id=${QIXI_ID}`)
      await v(page, '#mx-code img').waitFor({ timeout: 20_000 })
      const token = await decodeQr(page, '#mx-code img')
      await v(staff, '#station-input input').fill(token)
      await v(staff, '#station-submit').click()
      const result = v(staff, '#station-result').filter({ hasText: '签到成功' })
      await result.waitFor({ timeout: 15_000 })
      badge[who] = Number((await v(staff, '#station-badge').textContent())!.replace('号', ''))
      await v(page, '#my-badge')
        .filter({ hasText: `${badge[who]}号` })
        .waitFor({ timeout: 15_000 })
      // A repeat scan says when and which badge.
      await v(staff, '#station-input input').fill(token)
      await v(staff, '#station-submit').click()
      await v(staff, '#station-result')
        .filter({ hasText: new RegExp(`已签到 \\d\\d:\\d\\d · ${badge[who]}号`) })
        .waitFor({ timeout: 15_000 })
    }
    expect(badge.man).toBeGreaterThan(234)
    expect(pageErrors).toEqual([])
  }, 120_000)

  it('in the pick window each picks the other; he also picks a seeded attendee', async () => {
    offset = 2 * HOUR + 5 * 60_000
    await man.goto(`${ui.url}${MM}/pick/index?id=${QIXI_ID}`)
    await v(man, `#entry-${badge.woman}`).click({ timeout: 20_000 })
    await v(man, `#entry-${SEEDED.badge}`).click()
    await v(man, '#submit-picks').click()
    await v(man, '#subscribe-allow').click({ timeout: 15_000 }) // asked again at the pick: one opt-in, one notice
    await v(man, '#pick-sent').filter({ hasText: '已订阅，届时将通过微信通知您' }).waitFor({ timeout: 15_000 })
    await woman.goto(`${ui.url}${MM}/pick/index?id=${QIXI_ID}`)
    await v(woman, `#entry-${badge.man}`).click({ timeout: 20_000 })
    await v(woman, '#submit-picks').click()
    await v(woman, '#subscribe-cancel').click({ timeout: 15_000 })
    await v(woman, '#pick-sent').filter({ hasText: '您未允许通知' }).waitFor({ timeout: 15_000 })
    expect(pageErrors).toEqual([])
  }, 90_000)

  it("after the deadline both see the match and, once both offered, each other's WeChat ID; a seeded attendee sees no trace", async () => {
    offset = 3 * HOUR + 2 * 60_000
    for (const [page, other, wx] of [
      [man, 'woman', 'zhouhao_1995'],
      [woman, 'man', 'liting_0903'],
    ] as const) {
      await page.goto(`${ui.url}${MM}/matches/index?id=${QIXI_ID}`)
      await v(page, `#match-${badge[other]}`).waitFor({ timeout: 20_000 })
      await v(page, `#contact-${badge[other]} input`).fill(wx)
      await v(page, `#offer-${badge[other]}`).click()
    }
    await man.reload()
    await v(man, `#their-contact-${badge.woman}`).filter({ hasText: 'liting_0903' }).waitFor({ timeout: 20_000 })
    await woman.reload()
    await v(woman, `#their-contact-${badge.man}`).filter({ hasText: 'zhouhao_1995' }).waitFor({ timeout: 20_000 })
    expect(await v(man, `#match-${SEEDED.badge}`).count()).toBe(0)
    // The notice he opted into names nobody.
    const notice = (await v(man, '#my-notices').filter({ hasText: '活动结果通知' }).textContent({ timeout: 15_000 })) ?? ''
    expect(notice).not.toMatch(/婷婷|号·|\d+号/)
    const main = createMatchmakingFunction({ clock })
    const seen = okData(await invoke(main, SEEDED.openid, 'myMatches', { mixerId: QIXI_ID }))
    expect(seen).toEqual({ published: true, matches: [] })
    const card = JSON.stringify(okData(await invoke(main, SEEDED.openid, 'getMixer', { mixerId: QIXI_ID })))
    expect(card).not.toContain('浩子')
    expect(card).not.toContain(`"badge":${badge.man}`)

    // 屏蔽对方 takes both phones' contacts for good: she is asked first, and 再想想 changes nothing (defect 2).
    await v(woman, `#block-${badge.man}`).click()
    const dialog = woman.locator('.taro__modal')
    await dialog.getByText('看不到已交换的联系方式').waitFor({ timeout: 10_000 })
    await dialog.getByText('再想想', { exact: true }).click()
    expect(await v(woman, `#their-contact-${badge.man}`).textContent()).toContain('zhouhao_1995')
    await v(woman, `#block-${badge.man}`).click()
    await dialog.getByText('屏蔽', { exact: true }).click()
    await woman.waitForFunction((id) => !document.querySelector(id)?.textContent?.includes('zhouhao_1995'), `#their-contact-${badge.man}`)
    expect(pageErrors).toEqual([])
  }, 120_000)
})
