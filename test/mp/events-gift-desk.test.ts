import type { EventDetailDTO, EventSummaryDTO, GiftPreviewDTO, GiftTierDTO, RedemptionDTO } from '~types/events'
import { openFreshPage, sleep, type FakeBackend, type SimulatedComponent } from './support/weapp-harness'

/**
 * The compiled gift-desk page in miniprogram-simulate. The harness opens pages without a
 * query, as a bookmark would: the page then works for the one fair this person staffs.
 * A code typed in (the camera's fallback) → tier and masked name → confirm → stock drops.
 */
const ROUTE = 'packages/events/pages/gift-desk/index'
const T = Date.UTC(2027, 0, 1, 2, 42) // 10:42 Beijing
const tier: GiftTierDTO = {
  id: 't10',
  eventId: 'fair27',
  name: '集满10枚',
  gift: '关公贴文创礼包',
  rule: { minTotal: 10, minPerZone: 0 },
  stock: 50,
  left: 7,
  redeemed: 43,
}
const summary = { id: 'fair27', kind: 'fair', title: '跟着劳模赶大集', phase: 'ongoing' } as EventSummaryDTO
const detail = { ...summary, tiers: [tier], booths: [], zones: [], checkpoints: [] } as unknown as EventDetailDTO

async function open(backend: FakeBackend) {
  const wechat = openFreshPage(ROUTE, backend)
  const loading = () => !wechat.page.dom.textContent || wechat.page.dom.textContent.includes('正在加载')
  for (let waited = 0; waited < 3000 && loading(); waited += 20) await sleep(20)
  await sleep(20)
  return { wechat, page: wechat.page }
}

async function until(check: () => boolean) {
  for (let waited = 0; waited < 3000 && !check(); waited += 20) await sleep(20)
}

function desk(preview: GiftPreviewDTO, result: RedemptionDTO): FakeBackend {
  return (_name, body) => {
    const data = { staffEvents: { events: [summary] }, eventDetail: detail, previewGift: preview, redeemGift: result }[body.action]
    return data ? { ok: true, data } : { ok: false, code: 'UNKNOWN_ACTION', message: '' }
  }
}

async function submitCode(page: SimulatedComponent, code: string) {
  page.querySelector('#gift-desk-input').dispatchEvent('input', { detail: { value: code } })
  await sleep(20)
  page.querySelector('#gift-desk-submit').dispatchEvent('tap')
}

test('typed code → masked name and tier → confirm → hand over, and the stock shown drops by one', async () => {
  const preview: GiftPreviewDTO = { status: 'ready', tier, memberName: '李*', redeemedAt: null, desk: null }
  const granted: RedemptionDTO = {
    outcome: 'granted',
    tier: { ...tier, left: 6, redeemed: 44 },
    memberName: '李*',
    redeemedAt: T,
    desk: '1号兑换台',
  }
  const { page, wechat } = await open(desk(preview, granted))
  expect(page.querySelector('#gift-stock-t10').dom.textContent).toBe('7 / 50')

  await submitCode(page, ' G1.abcDEF ')
  await until(() => !!page.querySelector('#gift-desk-preview'))
  expect(page.querySelector('#gift-desk-preview').dom.textContent).toContain('李* · 集满10枚')

  page.querySelector('#gift-desk-confirm').dispatchEvent('tap')
  await until(() => !!page.querySelector('#gift-desk-result'))
  expect(page.querySelector('#gift-desk-result').dom.textContent).toContain('请发放：关公贴文创礼包')
  expect(page.querySelector('#gift-stock-t10').dom.textContent).toBe('6 / 50')
  expect(wechat.log.calls.map((c) => c.action)).toEqual(['staffEvents', 'eventDetail', 'previewGift', 'redeemGift'])
})

test('a re-scan of a member who already has the gift says in Chinese when and at which desk, offers no confirm, and the desk is ready for the next code', async () => {
  const preview: GiftPreviewDTO = { status: 'redeemed', tier, memberName: '李*', redeemedAt: T, desk: '2号兑换台' }
  const { page, wechat } = await open(desk(preview, {} as RedemptionDTO))
  await submitCode(page, 'G1.abcDEF')
  await until(() => !!page.querySelector('#gift-desk-result'))
  const warning = page.querySelector('#gift-desk-result').dom.textContent ?? ''
  expect(warning).toContain('请勿重复发放：李* 已于 10:42 在2号兑换台领取「集满10枚 · 关公贴文创礼包」')
  expect(warning).not.toMatch(/\bby\b/)
  expect(page.querySelector('#gift-desk-confirm')).toBeFalsy()
  expect(wechat.log.calls.map((c) => c.action)).not.toContain('redeemGift')
  // Ready for the next person without a reload: the code box and its submit button are back, and empty.
  expect(page.querySelector('#gift-desk-input')).toBeTruthy()
  expect(page.querySelector('#gift-desk-submit')).toBeTruthy()
  await submitCode(page, 'G1.nextOne')
  await until(() => wechat.log.calls.filter((c) => c.action === 'previewGift').length === 2)
  expect(wechat.log.calls.filter((c) => c.action === 'previewGift')).toHaveLength(2)
})

test('after a gift is handed over the scan box is back for the next member', async () => {
  const preview: GiftPreviewDTO = { status: 'ready', tier, memberName: '李*', redeemedAt: null, desk: null }
  const granted: RedemptionDTO = {
    outcome: 'granted',
    tier: { ...tier, left: 6, redeemed: 44 },
    memberName: '李*',
    redeemedAt: T,
    desk: '1号兑换台',
  }
  const { page } = await open(desk(preview, granted))
  await submitCode(page, 'G1.abcDEF')
  await until(() => !!page.querySelector('#gift-desk-confirm'))
  expect(page.querySelector('#gift-desk-input')).toBeFalsy()
  page.querySelector('#gift-desk-confirm').dispatchEvent('tap')
  await until(() => !!page.querySelector('#gift-desk-result'))
  expect(page.querySelector('#gift-desk-input')).toBeTruthy()
})

test('staffing no fair (or several) without a chosen event: a prompt, not a guess', async () => {
  const backend: FakeBackend = () => ({ ok: true, data: { events: [] } })
  const { page, wechat } = await open(backend)
  expect(page.dom.textContent).toContain('请从活动工作台选择活动')
  expect(wechat.log.calls.map((c) => c.action)).toEqual(['staffEvents'])
})
