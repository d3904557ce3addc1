import type { BrowserContext, Page } from 'playwright-core'
import { QIXI_ID } from '../../tools/seed/matchmaking.seed'
import { browserAvailability, signInAs } from './support/browser'
import { measureFloors } from './support/floors'
import { decodePng } from './support/qr'
import { browserSuite } from './support/suite'

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

/**
 * 适老化 (issue 19): the app at WeChat's 关怀模式 size, 1.4 × the standard type, on a 390 × 844 phone.
 * The browser's stand-in for WeChat's font setting is localStorage `type-scale` (src/services/type-scale.ts),
 * set before the app starts, as the phone's setting is there before the mini-program starts.
 * Each screen, reached by tapping as she would, must keep:
 * - type: the page's body text ≥ 1.4 × 16 px, and every visible text ≥ 1.4 × 16 px;
 * - lines: every text's line height ≥ 1.3 × its size (the national 适老化 rule);
 * - width: nothing wider than the phone (no sideways scrolling);
 * - no clipped text: no element with overflow hidden whose text is wider or taller than its box;
 * - button labels: on at most two lines, and broken only between words (a space, or a word boundary of
 *   Chromium's Chinese word segmenter: `暂停` split as 暂 / 停 fails, `确认 / 核销` passes);
 * - tap targets ≥ 44 × 44 px (the floors every browser suite keeps).
 */
const FACTOR = 1.4
const MIN_TEXT = 16 * FACTOR - 0.05
/** Everything she taps by its words: buttons, tabs, and the hall's service tiles (their name is the label). */
const BUTTONS =
  '.big-button, button, .sc-segment__item, .vc-tab, .officer-tab, .verify__tab, .invite__kind, .elder-notice__ok, .notice__action, .service-tile__name'

const MM = '/#/packages/matchmaking/pages'
const HOUR = 3_600_000
/** The functions' clock: moved into the 七夕 mixer's pick window for the pick page. */
let offset = 0
const clock = () => Date.now() + offset

type Shot = { failures: string[] }

/** Type size, line height, page width and clipped text of what is on screen. */
function measureType(page: Page, minText: number): Promise<Shot> {
  return page.evaluate((min) => {
    const failures: string[] = []
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      const s = getComputedStyle(el)
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0
    }
    const label = (el: Element) =>
      `${el.id ? `#${el.id}` : `.${String(el.className).split(' ')[0]}`}「${(el.textContent ?? '').trim().slice(0, 12)}」`
    const frame = document.querySelector('.page')
    const body = frame ? parseFloat(getComputedStyle(frame).fontSize) : 0
    if (body < min) failures.push(`正文字号 ${body}px`)
    if (document.documentElement.scrollWidth > window.innerWidth)
      failures.push(`页面宽 ${document.documentElement.scrollWidth}px，超出屏幕`)
    const seen = new Set<Element>()
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || seen.has(el) || !(n.textContent ?? '').trim() || !visible(el) || el.closest('.taro__toast, .taro__modal, script, style'))
        continue
      seen.add(el)
      const s = getComputedStyle(el)
      const size = parseFloat(s.fontSize)
      const line = s.lineHeight === 'normal' ? size * 1.2 : parseFloat(s.lineHeight)
      if (size < min) failures.push(`字号 ${label(el)} ${size}px`)
      if (line < 1.3 * size - 0.5) failures.push(`行距 ${label(el)} ${line}/${size}`)
      const r = el.getBoundingClientRect()
      if (r.right > window.innerWidth + 1) failures.push(`超出屏幕 ${label(el)} 右边 ${Math.round(r.right)}px`)
      for (let box: Element | null = el; box && box !== document.body; box = box.parentElement) {
        const bs = getComputedStyle(box)
        const hideX = bs.overflowX !== 'visible' && bs.overflowX !== 'auto' && bs.overflowX !== 'scroll'
        const hideY = bs.overflowY !== 'visible' && bs.overflowY !== 'auto' && bs.overflowY !== 'scroll'
        if ((hideX && box.scrollWidth > box.clientWidth + 1) || (hideY && box.scrollHeight > box.clientHeight + 1)) {
          failures.push(`文字被截断 ${label(box)}`)
          break
        }
      }
    }
    return { failures: Array.from(new Set(failures)) }
  }, minText)
}

/** Button labels: at most two lines, and a line break only at a space or between two words. */
function measureButtons(page: Page, selector: string): Promise<Shot> {
  return page.evaluate((sel) => {
    const failures: string[] = []
    const words = new Intl.Segmenter('zh-CN', { granularity: 'word' })
    for (const el of Array.from(document.querySelectorAll(sel))) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0 || el.closest('.taro__modal')) continue
      const chars: { ch: string; top: number }[] = []
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? ''
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange()
          range.setStart(n, i)
          range.setEnd(n, i + 1)
          const rect = range.getClientRects()[0]
          if (rect) chars.push({ ch: text[i], top: rect.top })
        }
      }
      const text = chars.map((c) => c.ch).join('')
      const bounds = new Set(Array.from(words.segment(text), (s) => s.index))
      const size = parseFloat(getComputedStyle(el).fontSize)
      let lines = 1
      for (let i = 1; i < chars.length; i++) {
        if (chars[i].top - chars[i - 1].top < size / 2) continue
        lines++
        const atSpace = /\s/.test(chars[i].ch) || /\s/.test(chars[i - 1].ch)
        if (!atSpace && !bounds.has(i)) failures.push(`按钮文字断在词中 「${text.slice(0, i)} / ${text.slice(i)}」`)
      }
      if (lines > 2) failures.push(`按钮文字 ${lines} 行「${text.trim().slice(0, 16)}」`)
    }
    return { failures }
  }, selector)
}

suite(`适老化: every main page at 1.4× type${availability.run ? '' : ` — skipped: ${availability.reason}`}`, () => {
  const ui = browserSuite({ clock })
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []
  const failures: string[] = []

  afterAll(async () => {
    for (const c of contexts) await c.close()
  })

  /** She opens the app on a phone whose WeChat is at 关怀模式 size. */
  async function phoneAt(openid: string, factor: number | null = FACTOR): Promise<Page> {
    const { context, page } = await signInAs(ui.browser, ui.url, openid, pageErrors, {
      deviceScaleFactor: 1,
      init: factor === null ? undefined : `localStorage.setItem('type-scale', '${factor}')`,
    })
    contexts.push(context)
    return page
  }

  async function check(page: Page, name: string, ready: string) {
    await page.locator(`${ready} >> visible=true`).first().waitFor({ timeout: 20_000 })
    await page.waitForTimeout(500)
    const type = await measureType(page, MIN_TEXT)
    const buttons = await measureButtons(page, BUTTONS)
    const floors = await measureFloors(page)
    const all = [...type.failures, ...buttons.failures, ...floors.smallTargets.map((t) => `点按区域 ${t}`)]
    failures.push(...all.map((f) => `${name}: ${f}`))
    expect(floors.texts).toBeGreaterThan(3)
  }

  const tap = (page: Page, selector: string) => page.locator(`${selector} >> visible=true`).first().click({ timeout: 20_000 })
  const tapText = (page: Page, text: string) => page.getByText(text, { exact: false }).first().click({ timeout: 20_000 })
  const hall = async (page: Page) => {
    await page.goto(`${ui.url}/`)
    await page.locator('.service-tile').first().waitFor({ timeout: 15_000 })
  }

  it('the hall, 我的 and every service home', async () => {
    const page = await phoneAt('demo-model-worker')
    await check(page, '服务大厅', '.service-tile')
    for (const [tile, ready] of [
      ['两癌筛查', '[id^=programme-]'],
      ['工会消费券', '[id^=campaign-]'],
      ['集章打卡', '[id^=event-]'],
      ['会聚良缘', '[id^=mixer-]'],
      ['我的', '#me-elder'],
    ]) {
      await tapText(page, tile)
      await page.waitForFunction(() => !document.body.innerText.includes('服务大厅'), undefined, { timeout: 15_000 })
      await check(page, tile, ready)
      await hall(page)
    }
  }, 180_000)

  it('the sign-in picker, 会员认证 and 工会干部入口', async () => {
    const member = await phoneAt('demo-member')
    await tap(member, '#verify-banner')
    await check(member, '会员认证', '#verify-name')
    await tap(member, '#page-back')
    await tap(member, '#switch-identity .notice__action')
    await check(member, '选择演示身份', '.identity')
    const officer = await phoneAt('demo-officer')
    await tapText(officer, '我的')
    await tap(officer, '#me-officer')
    await check(officer, '工会干部入口', '#roster-list .roster-row')
    for (const [tab, ready] of [
      ['import', '#roster-pick'],
      ['invite', '[id^=invite-target-]'],
      ['deletion', '#deletion-queue'],
    ]) {
      await tap(officer, `#officer-tab-${tab}`)
      await check(officer, `工会干部入口：${tab}`, ready)
    }
    await hall(officer)
    await tapText(officer, '工会消费券')
    await tap(officer, '#to-merchants')
    await check(officer, '合作商户', '.page .card')
    await tap(officer, '#page-back')
    await tap(officer, '#to-campaigns')
    await check(officer, '消费券批次', '.page .card')
  }, 180_000)

  it('the claim: 张建国 claims a voucher and sees its code', async () => {
    const page = await phoneAt('demo-model-worker')
    await tapText(page, '集章打卡')
    await tap(page, '[id^=card-]')
    await check(page, '我的集章卡', '#stamp-submit, .stamp-card, .card')
    await hall(page)
    await tapText(page, '工会消费券')
    await tap(page, '#to-mine')
    await check(page, '我的券', '.vc-tab')
    await tap(page, '#page-back')
    await tap(page, '[id^=campaign-][id$=-act]')
    await page.locator('#subscribe-allow >> visible=true').click({ timeout: 15_000 })
    await check(page, '领取后的券码', '#voucher-qr img')
  }, 120_000)

  it('the booking: 王秀英 books a screening', async () => {
    const page = await phoneAt('demo-rider')
    await tapText(page, '两癌筛查')
    await page.locator('[id^=programme-] >> visible=true', { hasText: '正在预约' }).first().click({ timeout: 20_000 })
    await tap(page, '#go-book')
    await check(page, '预约', '[id^=day-]')
    await tap(page, '[id^=day-]')
    await check(page, '预约（已选日期）', '#book-submit')
  }, 120_000)

  it('the desks: the nurse, the cashier, the event staff', async () => {
    const desk = async (openid: string, button: string, name: string, ready: string) => {
      const page = await phoneAt(openid)
      await tapText(page, '我的')
      await tap(page, '#me-staff')
      await check(page, `工作人员入口（${name}）`, button)
      await tap(page, button)
      await check(page, name, ready)
      return page
    }
    await desk('demo-nurse', '[id^=desk-site-]', '筛查签到台', '#nurse-submit')
    await desk('demo-cashier', '[id^=desk-merchant-]', '消费券核销台', '#till-bill')
    const staff = await desk('demo-event-staff', '[id^=desk-gift-]', '礼品兑换台', '#gift-desk-submit')
    await tap(staff, '#page-back')
    await tap(staff, '[id^=desk-station-]')
    await check(staff, '签到点', '.page')
    await tap(staff, '#page-back')
    await tap(staff, '[id^=desk-mixer-]')
    await check(staff, '联谊会签到台', '#station-counts')
  }, 180_000)

  /** 周浩 becomes a checked-in attendee of the 七夕 mixer (set up as the 会聚良缘 journey does). */
  async function attendee(): Promise<Page> {
    const v = (page: Page, selector: string) => page.locator(`${selector} >> visible=true`)
    const man = await phoneAt('demo-single-man')
    await man.goto(`${ui.url}${MM}/profile/index`)
    await v(man, '#nickname input').fill('浩子', { timeout: 15_000 })
    await v(man, '#sector-企业').click()
    await v(man, '#intro textarea').fill('喜欢爬山和看电影')
    await v(man, '#save-profile').click()
    await v(man, '#sign-statement').click({ timeout: 15_000 })
    await v(man, '#statement-signed').waitFor({ timeout: 15_000 })
    await man.goto(`${ui.url}${MM}/mixer/index?id=${QIXI_ID}`)
    await v(man, '#sign-up').click({ timeout: 15_000 })
    await v(man, '#subscribe-allow').click({ timeout: 15_000 })
    const officer = await phoneAt('demo-officer')
    await officer.goto(`${ui.url}${MM}/review/index?id=${QIXI_ID}`)
    await v(officer, '#approve-浩子').click({ timeout: 15_000 })
    await officer.locator('#approve-浩子').waitFor({ state: 'detached', timeout: 15_000 })
    const staff = await phoneAt('demo-event-staff')
    await staff.goto(`${ui.url}${MM}/station/index?id=${QIXI_ID}`)
    await man.goto(`${ui.url}${MM}/mine/index?id=${QIXI_ID}`)
    await v(man, '#mx-code img').waitFor({ timeout: 20_000 })
    await v(staff, '#station-input input').fill(decodePng(await v(man, '#mx-code img').screenshot()))
    await v(staff, '#station-submit').click()
    await v(staff, '#station-result').filter({ hasText: '签到成功' }).waitFor({ timeout: 15_000 })
    return man
  }

  it('the pick: 周浩, checked in at the 七夕 mixer, opens 心动选择 in the pick window', async () => {
    const man = await attendee()
    offset = 2 * HOUR + 5 * 60_000
    await hall(man)
    await tapText(man, '会聚良缘')
    await tap(man, `#open-${QIXI_ID}`)
    await check(man, '联谊会（已签到）', '#to-pick')
    await tap(man, '#to-pick')
    await check(man, '心动选择', '[id^=entry-]')
  }, 180_000)

  it('keeps every floor at 1.4× on every screen walked', () => {
    expect(failures).toEqual([])
    expect(pageErrors).toEqual([])
  })

  it('长辈版, turned on under 我的 by tapping, enlarges the type and survives a reload', async () => {
    const page = await phoneAt('demo-single-woman', null)
    const bodySize = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.page')!).fontSize))
    await tapText(page, '我的')
    await page.locator('#elder-switch').waitFor({ timeout: 15_000 })
    const before = await bodySize()
    expect(before).toBeLessThan(MIN_TEXT)
    await page.locator('#elder-switch').click()
    await page.locator('#elder-switch', { hasText: '已开启' }).waitFor()
    expect(await bodySize()).toBeGreaterThanOrEqual(before * FACTOR - 0.05)
    await page.reload()
    await page.locator('#elder-switch', { hasText: '已开启' }).waitFor({ timeout: 15_000 })
    expect(await bodySize()).toBeGreaterThanOrEqual(before * FACTOR - 0.05)
    const lines = await page.evaluate(() => {
      const s = getComputedStyle(document.querySelector('.page')!)
      return parseFloat(s.lineHeight) / parseFloat(s.fontSize)
    })
    expect(lines).toBeGreaterThanOrEqual(1.6)
    await check(page, '我的（长辈版）', '#elder-switch')
    // A confirmation is the one pop-up left, and it is as large as the page.
    await page.locator('#me-unbind >> visible=true').click()
    const dialog = page.locator('.taro-modal__content >> visible=true')
    await dialog.waitFor({ timeout: 15_000 })
    const dialogSizes = await dialog.evaluate((el) =>
      ['.taro-modal__title', '.taro-modal__text', '.taro-model__btn'].map((s) =>
        parseFloat(getComputedStyle(el.querySelector(s)!).fontSize),
      ),
    )
    for (const size of dialogSizes) expect(size).toBeGreaterThanOrEqual(MIN_TEXT)
    await dialog.getByText('取消', { exact: true }).click()
    // No pop-ups but confirmations: 报名成功 stays at the top of the page until she has read it, no toast.
    await hall(page)
    await tapText(page, '集章打卡')
    await page.locator('[id^=signup-] >> visible=true', { hasText: '立即报名' }).first().click({ timeout: 20_000 })
    const allow = page.locator('#subscribe-allow >> visible=true')
    const notice = page.locator('#elder-notice >> visible=true', { hasText: '报名成功' })
    await Promise.race([allow.waitFor({ timeout: 15_000 }), notice.waitFor({ timeout: 15_000 })])
    if (await allow.count()) await allow.click()
    await notice.waitFor({ timeout: 15_000 })
    expect(await page.locator('.taro__toast >> visible=true').count()).toBe(0)
    await page.waitForTimeout(3000) // a toast would be gone by now
    await check(page, '报名成功（长辈版）', '#elder-notice')
    await page.locator('#elder-notice-ok >> visible=true').click()
    await page.locator('#elder-notice >> visible=true').waitFor({ state: 'detached' })
    expect(failures).toEqual([])
  }, 120_000)
})
