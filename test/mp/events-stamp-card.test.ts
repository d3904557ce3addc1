import { ERROR_MESSAGES } from '~types/errors'
import type { EventSummaryDTO, GiftTierDTO, StampCardDTO } from '~types/events'
import { openFreshPage, sleep, type FakeBackend, type SimulatedComponent } from './support/weapp-harness'

/**
 * The compiled weapp stamp-card page (production build) in miniprogram-simulate,
 * WeChat's own wxml compiler, with wx.cloud.callFunction answered by fixtures.
 * Opened without a query (the harness passes none), the page finds the current fair.
 */
const ROUTE = 'packages/events/pages/stamp-card/index'
const T0 = Date.UTC(2027, 0, 1, 2, 42) // 10:42 Beijing

const fair: EventSummaryDTO = {
  id: 'fair27',
  kind: 'fair',
  title: '跟着劳模赶大集',
  organiser: '南京市总工会',
  unionId: 'u-nanjing',
  within: null,
  notForYou: null,
  venue: { name: '万达广场一层中庭', address: '', city: '南京市' },
  startsAt: T0 - 3600_000,
  endsAt: T0 + 8 * 3600_000,
  phase: 'ongoing',
  signUp: { required: false, capacity: null, closesAt: null },
  signedUp: 0,
  full: false,
  mySignUp: null,
  boothCount: 50,
  checkpointCount: 0,
}
const tier = (id: string, name: string, left: number): GiftTierDTO => ({
  id,
  eventId: 'fair27',
  name,
  gift: '关公贴文创礼包',
  rule: { minTotal: 10, minPerZone: 0 },
  stock: 50,
  left,
  redeemed: 50 - left,
})
const card: StampCardDTO = {
  eventId: 'fair27',
  eventTitle: '跟着劳模赶大集',
  total: 12,
  boothCount: 50,
  zones: [
    { zoneId: 'A', name: '匠心特产集', stamped: 9, boothCount: 25 },
    { zoneId: 'B', name: '巧手工艺廊', stamped: 3, boothCount: 25 },
  ],
  stamps: [
    { boothId: 'b07', boothName: '绛州澄泥砚', zoneId: 'B', stampedAt: T0 },
    { boothId: 'b01', boothName: '平陆猕猴桃', zoneId: 'A', stampedAt: T0 - 600_000 },
  ],
  cooldownSeconds: 30,
  nextStampAt: null,
  tiers: [
    { tier: tier('t10', '集满10枚', 12), qualified: true, missing: '', redeemed: null },
    { tier: tier('t5x2', '每区各5枚', 7), qualified: false, missing: '巧手工艺廊还差2枚', redeemed: null },
  ],
}

let answer: FakeBackend

/** Opens the page and waits (up to 3 s, for a busy machine) until it has left its loading state. */
async function openCard(): Promise<{ page: SimulatedComponent; wechat: ReturnType<typeof openFreshPage> }> {
  const wechat = openFreshPage(ROUTE, (name, body) => answer(name, body))
  const loading = () => !wechat.page.dom.textContent || wechat.page.dom.textContent.includes('正在加载')
  for (let waited = 0; waited < 3000 && loading(); waited += 20) await sleep(20)
  await sleep(20)
  return { page: wechat.page, wechat }
}

test("a member's progress renders: total, per zone, stamped booths with times, and tiers", async () => {
  answer = (_name, body) => ({ ok: true, data: body.action === 'listEvents' ? { events: [fair] } : card })
  const { page, wechat } = await openCard()
  expect(wechat.log.calls).toEqual([
    { name: 'events', action: 'listEvents' },
    { name: 'events', action: 'stampCard' },
  ])
  expect(page.querySelector('#stamp-progress').dom.textContent).toBe('12 / 50')
  expect(page.querySelector('#zone-A').dom.textContent).toContain('匠心特产集9 / 25')
  expect(page.querySelector('#zone-B').dom.textContent).toContain('巧手工艺廊3 / 25')
  const text = page.dom.textContent
  expect(text).toContain('绛州澄泥砚1月1日 10:42')
  expect(text).toContain('平陆猕猴桃1月1日 10:32')
  expect(page.querySelector('#tier-t10').dom.textContent).toContain('出示兑换码')
  expect(page.querySelector('#tier-t5x2').dom.textContent).toContain('巧手工艺廊还差2枚')
})

test('tapping a qualifying tier opens its redemption code page', async () => {
  answer = (_name, body) => ({ ok: true, data: body.action === 'listEvents' ? { events: [fair] } : card })
  const { page, wechat } = await openCard()
  page.querySelector('#open-tier-t10').dispatchEvent('tap')
  await sleep(20)
  expect(wechat.log.navigations).toEqual(['/packages/events/pages/gift-code/index?id=fair27&tier=t10'])
})

test('no fair going on: an empty state, not a blank page', async () => {
  answer = () => ({ ok: true, data: { events: [] } })
  const { page, wechat } = await openCard()
  expect(page.dom.textContent).toContain('目前没有进行中的集章活动')
  expect(wechat.log.calls).toHaveLength(1)
})

test('a failed load shows the Chinese message for its code, never the server text', async () => {
  answer = (_name, body) =>
    body.action === 'listEvents' ? { ok: true, data: { events: [fair] } } : { ok: false, code: 'NOT_SIGNED_UP', message: 'raw server text' }
  const { page } = await openCard()
  expect(page.dom.textContent).toContain(ERROR_MESSAGES.NOT_SIGNED_UP)
  expect(page.dom.textContent).not.toContain('raw server text')
  expect(page.dom.textContent).not.toContain('12 / 50')
})
