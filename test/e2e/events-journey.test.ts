import type { BrowserContext, Page } from 'playwright-core'
import { ERROR_MESSAGES } from '~types/errors'
import type { EventAdminDTO, GiftTierDTO } from '~types/events'
import { decodePng } from './support/qr'
import { browserAvailability, signInAs } from './support/browser'
import { browserSuite } from './support/suite'

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

const OFFICER = 'demo-officer'
const MEMBER = 'demo-model-worker'
const BOOTHS = [
  { zoneId: 'A', name: '平陆猕猴桃', exhibitor: '平陆县总工会 · 张村果业合作社' },
  { zoneId: 'A', name: '闻喜煮饼', exhibitor: '闻喜县总工会' },
  { zoneId: 'B', name: '绛州澄泥砚', exhibitor: '新绛县总工会' },
]

suite(`events journey in Chromium (H5 build)${availability.run ? '' : ` — skipped: ${availability.reason}`}`, () => {
  const ui = browserSuite()
  let event: EventAdminDTO
  let tier: GiftTierDTO
  const pageErrors: string[] = []
  let seq = 0

  /** Setup through the same public API the officer's pages use. */
  async function api<T>(openid: string, action: string, data: unknown): Promise<T> {
    const res = await fetch(`${ui.url}/fn/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-openid': openid },
      body: JSON.stringify({ action, data, requestId: `e2e-events-${++seq}` }),
    })
    const env = (await res.json()) as { ok: boolean; data: T; code?: string }
    if (!env.ok) throw new Error(`${action} → ${env.code}`)
    return env.data
  }

  /** Each person on their own phone: a browser context signed in as a demo identity. */
  async function signedIn(openid: string): Promise<{ context: BrowserContext; page: Page }> {
    return signInAs(ui.browser, ui.url, openid, pageErrors)
  }
  const open = (page: Page, path: string) => page.goto(`${ui.url}/#/packages/events/pages/${path}`)

  beforeAll(async () => {
    const now = Date.now()
    event = await api<EventAdminDTO>(OFFICER, 'saveEvent', {
      kind: 'fair',
      title: '跟着劳模赶大集（测试）',
      description: '集章换文创',
      organiser: '南京市总工会',
      venue: { name: '万达广场一层中庭', address: '南京市玄武区', city: '南京市' },
      startsAt: now - 3600_000,
      endsAt: now + 8 * 3600_000,
      zones: [
        { id: 'A', name: '匠心特产集' },
        { id: 'B', name: '巧手工艺廊' },
      ],
      signUp: { required: false, capacity: null, closesAt: null },
      stampRules: { cooldownSeconds: 0 },
    })
    for (const b of BOOTHS) await api(OFFICER, 'saveBooth', { eventId: event.id, ...b })
    tier = await api<GiftTierDTO>(OFFICER, 'saveTier', {
      eventId: event.id,
      name: '集满3枚',
      gift: '关公贴文创礼包',
      rule: { minTotal: 3, minPerZone: 0 },
      stock: 5,
    })
  }, 90_000)

  it('booth codes printed by the officer give a member three stamps; the redemption QR is honoured once at the gift desk', async () => {
    // Officer: the printable booth page, each booth's code read from a screenshot (locally a QR of the page and its scene).
    const officer = await signedIn(OFFICER)
    await open(officer.page, `booth-codes/index?id=${event.id}`)
    const qrs = officer.page.locator('.booth-qr img')
    await qrs.nth(BOOTHS.length - 1).waitFor({ timeout: 15_000 })
    expect(await qrs.count()).toBe(BOOTHS.length)
    const shots = [] as Buffer[]
    for (let i = 0; i < BOOTHS.length; i++) shots.push(await qrs.nth(i).screenshot())
    const links = shots.map(decodePng)
    for (const l of links) expect(l).toMatch(/#\/packages\/events\/pages\/stamp-card\/index\?scene=/)
    const codes = links.map((l) => decodeURIComponent(/scene=([^&#]*)/.exec(l)![1]))
    for (const c of codes) expect(c.length).toBeLessThanOrEqual(32)

    // Member: two codes typed in, the third picked as a picture and decoded by the page itself.
    const member = await signedIn(MEMBER)
    await open(member.page, `stamp-card/index?id=${event.id}`)
    await member.page.locator('#stamp-progress', { hasText: `0 / ${BOOTHS.length}` }).waitFor({ timeout: 15_000 })
    for (const [i, code] of codes.slice(0, 2).entries()) {
      await member.page.locator('#stamp-input input').fill(code)
      await member.page.locator('#stamp-submit').click()
      await member.page.locator('#stamp-progress', { hasText: `${i + 1} / ${BOOTHS.length}` }).waitFor({ timeout: 15_000 })
    }
    await member.page.locator('#stamp-file').setInputFiles({ name: 'booth.png', mimeType: 'image/png', buffer: shots[2] })
    await member.page.locator('#stamp-progress', { hasText: `3 / ${BOOTHS.length}` }).waitFor({ timeout: 15_000 })
    for (const b of BOOTHS) await member.page.locator('.stamp-card', { hasText: b.name }).waitFor()

    // WeChat's own camera opens the page with ?scene=<code>: a booth already stamped is refused with its reason.
    await open(member.page, `stamp-card/index?scene=${encodeURIComponent(codes[0])}`)
    await member.page.locator('#stamp-result', { hasText: ERROR_MESSAGES.ALREADY_STAMPED }).waitFor({ timeout: 15_000 })
    await member.page.locator('#stamp-progress', { hasText: `3 / ${BOOTHS.length}` }).waitFor({ timeout: 15_000 })

    // Member opens the redemption code; the desk (an officer may staff it) reads it off the screen.
    await member.page.locator(`#open-tier-${tier.id}`).click()
    const redeemQr = member.page.locator('#redeem-qr img')
    await redeemQr.waitFor({ timeout: 15_000 })
    const token = decodePng(await redeemQr.screenshot())

    await open(officer.page, `gift-desk/index?id=${event.id}`)
    const stock = officer.page.locator(`#gift-stock-${tier.id}`)
    await stock.filter({ hasText: '5 / 5' }).waitFor({ timeout: 15_000 })
    await officer.page.locator('#gift-desk-name input').fill('2号兑换台')
    await officer.page.locator('#gift-desk-input input').fill(token)
    await officer.page.locator('#gift-desk-submit').click()
    await officer.page.locator('#gift-desk-preview', { hasText: '集满3枚' }).waitFor({ timeout: 15_000 })
    await officer.page.locator('#gift-desk-confirm').click()
    await officer.page.locator('#gift-desk-result', { hasText: '请发放' }).waitFor({ timeout: 15_000 })
    await stock.filter({ hasText: '4 / 5' }).waitFor({ timeout: 15_000 })

    // Her phone, still open on the code, notices the redemption: no live QR any more, 已领取 instead.
    await member.page.locator('#redeem-qr-outcome', { hasText: '已领取' }).waitFor({ timeout: 15_000 })
    expect(await member.page.locator('#redeem-qr img').count()).toBe(0)

    // A re-scan of the same member's code says in Chinese when and where, grants nothing, and the desk stays ready.
    await officer.page.locator('#gift-desk-input input').fill(token)
    await officer.page.locator('#gift-desk-submit').click()
    await officer.page
      .locator('#gift-desk-result', { hasText: /请勿重复发放：.+ 已于 \d\d:\d\d 在2号兑换台领取/ })
      .waitFor({ timeout: 15_000 })
    await expect(officer.page.locator('#gift-desk-confirm').count()).resolves.toBe(0)
    await officer.page.locator('#gift-desk-input input').waitFor({ state: 'visible' })
    expect(await officer.page.locator('#gift-desk-input input').inputValue()).toBe('')

    // The server agrees: exactly one gift left the stock.
    const detail = await api<{ tiers: GiftTierDTO[] }>(MEMBER, 'eventDetail', { eventId: event.id })
    expect(detail.tiers.find((t) => t.id === tier.id)?.left).toBe(4)
    expect(pageErrors).toEqual([])
  }, 120_000)
})
