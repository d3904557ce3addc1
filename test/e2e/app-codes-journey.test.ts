/**
 * Codes that open the app from WeChat's own scanner (issue 16 §5), tapped through as people do: the
 * officer prints booth codes, a member's phone camera reads one off the sheet and WeChat opens the
 * stamp page with its `scene`, which stamps it; a member not yet verified is told so and the code
 * waits for her; a checkpoint poster checks her in. Locally each mini-program code is a QR carrying
 * `<app url>/#/<page>?scene=…` (docs/wechat.md, "Codes"): opening that URL is what WeChat's scanner does.
 */
import type { BrowserContext, Page } from 'playwright-core'
import type { EventAdminDTO } from '~types/events'
import { decodePng } from './support/qr'
import { browserAvailability, signInAs } from './support/browser'
import { browserSuite } from './support/suite'

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

const OFFICER = 'demo-officer'
const MEMBER = 'demo-model-worker'
const NEWCOMER = 'demo-member' // 李明: signed in, not yet verified
const BOOTHS = ['平陆猕猴桃', '闻喜煮饼', '绛州澄泥砚']
const STAMP_PAGE = 'packages/events/pages/stamp-card/index'

const sceneOf = (url: string) => decodeURIComponent(/[?&]scene=([^&#]*)/.exec(url)?.[1] ?? '')

suite(`codes that open the app in Chromium (H5 build)${availability.run ? '' : ` — skipped: ${availability.reason}`}`, () => {
  const ui = browserSuite()
  const pageErrors: string[] = []
  let event: EventAdminDTO
  let seq = 0

  async function api<T>(fn: string, openid: string, action: string, data: unknown): Promise<T> {
    const res = await fetch(`${ui.url}/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-openid': openid },
      body: JSON.stringify({ action, data, requestId: `e2e-codes-${++seq}` }),
    })
    const env = (await res.json()) as { ok: boolean; data: T; code?: string }
    if (!env.ok) throw new Error(`${action} → ${env.code}`)
    return env.data
  }
  const signedIn = (openid: string): Promise<{ context: BrowserContext; page: Page }> => signInAs(ui.browser, ui.url, openid, pageErrors)
  const progress = (page: Page, n: number) =>
    page.locator('#stamp-progress', { hasText: `${n} / ${BOOTHS.length}` }).waitFor({ timeout: 15_000 })

  beforeAll(async () => {
    const now = Date.now()
    event = await api<EventAdminDTO>('events', OFFICER, 'saveEvent', {
      kind: 'fair',
      title: '小程序码集市（测试）',
      description: '扫码集章',
      organiser: '南京市总工会',
      venue: { name: '新街口广场', address: '南京市秦淮区', city: '南京市' },
      startsAt: now - 3600_000,
      endsAt: now + 8 * 3600_000,
      zones: [{ id: 'A', name: '匠心特产集' }],
      signUp: { required: false, capacity: null, closesAt: null },
      stampRules: { cooldownSeconds: 0 },
    })
    for (const name of BOOTHS) await api('events', OFFICER, 'saveBooth', { eventId: event.id, zoneId: 'A', name, exhibitor: '县总工会' })
    await api('events', OFFICER, 'saveCheckpoint', {
      eventId: event.id,
      name: '集市入口',
      opensAt: now - 3600_000,
      closesAt: now + 3600_000,
    })
  }, 90_000)

  /** The officer taps her way to the print sheet and her camera reads each printed code. */
  async function printedCodes(): Promise<string[]> {
    const officer = await signedIn(OFFICER)
    await officer.page.getByText('集章打卡', { exact: false }).first().click()
    await officer.page.locator('#go-events-officer').click({ timeout: 15_000 })
    await officer.page.locator(`#codes-${event.id}`).click({ timeout: 15_000 })
    const images = officer.page.locator('.booth-qr img')
    await images.nth(BOOTHS.length - 1).waitFor({ timeout: 20_000 })
    expect(await images.count()).toBe(BOOTHS.length)
    const urls = [] as string[]
    for (let i = 0; i < BOOTHS.length; i++) urls.push(decodePng(await images.nth(i).screenshot()))
    await officer.context.close()
    return urls
  }

  it('a printed booth code opens the stamp page and stamps; not verified yet, the code waits for her', async () => {
    const urls = await printedCodes()
    for (const url of urls) {
      expect(url.startsWith(`${ui.url}/#/${STAMP_PAGE}?scene=`)).toBe(true)
      expect(sceneOf(url)).toMatch(/^[A-Za-z0-9_.~-]{1,32}$/) // WeChat's scene: ≤ 32 characters
    }

    // Her phone's camera reads the sheet; WeChat opens the stamp page with the scene, which stamps it.
    const member = await signedIn(MEMBER)
    await member.page.goto(urls[0])
    await member.page.locator('#stamp-result', { hasText: `盖章成功：${BOOTHS[0]}` }).waitFor({ timeout: 15_000 })
    await progress(member.page, 1)
    await member.page.goto(urls[1])
    await progress(member.page, 2)
    // The in-app scan box reads the same code off a picture of the sheet.
    await member.page.goto(`${ui.url}/#/${STAMP_PAGE}?id=${event.id}`)
    await progress(member.page, 2)
    await member.page.locator('#stamp-input input').fill(urls[2])
    await member.page.locator('#stamp-submit').click()
    await progress(member.page, 3)
    await member.context.close()

    // 李明 has not verified: the page says so and keeps the code; he taps 去认证, verifies, and is brought back
    // to the stamp page, which stamps the kept code.
    const newcomer = await signedIn(NEWCOMER)
    await newcomer.page.goto(urls[0])
    const need = newcomer.page.locator('#sign-in-needed', { hasText: '请先完成会员认证' })
    await need.waitFor({ timeout: 15_000 })
    await need.getByText('去认证').click()
    await newcomer.page.locator('#verify-name input').fill('李明')
    await newcomer.page.locator('#verify-card input').fill('GH3201000123')
    await newcomer.page.locator('#verify-submit').click()
    await newcomer.page.locator('#stamp-result', { hasText: `盖章成功：${BOOTHS[0]}` }).waitFor({ timeout: 15_000 })
    await progress(newcomer.page, 1)
    await newcomer.context.close()
  }, 180_000)

  it('a checkpoint poster from the station opens the check-in page and checks her in', async () => {
    const officer = await signedIn(OFFICER)
    await officer.page.goto(`${ui.url}/#/packages/events/pages/station/index?id=${event.id}`)
    await officer.page.locator('#station-poster').click({ timeout: 15_000 })
    const poster = officer.page.locator('#checkpoint-poster img')
    await poster.waitFor({ timeout: 15_000 })
    const url = decodePng(await poster.screenshot())
    expect(url.startsWith(`${ui.url}/#/packages/events/pages/checkin/index?scene=`)).toBe(true)
    expect(sceneOf(url).length).toBeLessThanOrEqual(32)
    await officer.context.close()

    const member = await signedIn(MEMBER)
    await member.page.goto(url)
    await member.page.locator('#self-checkin-result', { hasText: '签到成功：集市入口' }).waitFor({ timeout: 15_000 })
    await member.page.locator('#checkin-history', { hasText: '集市入口' }).waitFor({ timeout: 15_000 })
    await member.context.close()
    expect(pageErrors).toEqual([])
  }, 120_000)
})
