import type { PreviewDTO, RedemptionRowDTO, StaffMerchantDTO, VoucherDTO } from '~types/vouchers'
import { endTimersWithFile, openFreshPage, sleep, type FakeBackend } from './support/weapp-harness'

/** The compiled wallet (我的券) and till pages in miniprogram-simulate, against a fake back end. */
endTimersWithFile() // the centre's countdown ticks every second
const T = Date.UTC(2027, 2, 8, 2, 42) // 10:42 Beijing

async function until(check: () => boolean) {
  for (let waited = 0; waited < 3000 && !check(); waited += 20) await sleep(20)
}

function backend(answers: Record<string, unknown>): FakeBackend {
  return (_name, body) =>
    body.action in answers ? { ok: true, data: answers[body.action] } : { ok: false, code: 'UNKNOWN_ACTION', message: '' }
}

async function open(route: string, b: FakeBackend) {
  const wechat = openFreshPage(route, b)
  const loading = () => !wechat.page.dom.textContent || wechat.page.dom.textContent.includes('正在加载')
  await until(() => !loading())
  await sleep(20)
  return { wechat, page: wechat.page }
}

const voucher = (id: string, status: VoucherDTO['status'], redemption: VoucherDTO['redemption'] = null): VoucherDTO => ({
  id,
  campaignId: 'c1',
  campaignName: '工会福利消费券 · 消费帮扶 95折',
  rule: { kind: 'discount', ratePercent: 95, capFen: 2000 },
  ruleText: '95折（每次最多优惠¥20）',
  status,
  useStartsAt: T - 3600_000,
  useEndsAt: T + 30 * 86_400_000,
  merchants: [{ id: 'm1', name: '苏果超市（新街口店）', address: '南京市玄武区中山路18号' }],
  claimedAt: T - 60_000,
  redemption,
})

test('我的券 lists unused vouchers and, under 已使用, what was deducted where', async () => {
  const used = voucher('v2', 'redeemed', {
    id: 'r1',
    at: T,
    merchantName: '苏果超市（新街口店）',
    till: '2号收银台',
    billFen: 8600,
    deductionFen: 430,
    modelWorkerFen: 408,
    payableFen: 7762,
  })
  const { page } = await open('packages/vouchers/pages/mine/index', backend({ myVouchers: [voucher('v1', 'unused'), used] }))
  expect(page.querySelector('#voucher-v1').dom.textContent).toContain('95折')
  expect(page.querySelector('#tab-used').dom.textContent).toContain('1')
  page.querySelector('#tab-used').dispatchEvent('tap')
  await until(() => !!page.querySelector('#voucher-v2-used'))
  expect(page.querySelector('#voucher-v2-used').dom.textContent).toContain('券抵扣 ¥4.30，劳模折上折 ¥4.08，实付 ¥77.62')
})

test('till: bill, typed code → masked member with the 劳模 mark and the deduction → confirm → 核销成功', async () => {
  const merchant: StaffMerchantDTO = {
    merchant: { id: 'm1', name: '苏果超市（新街口店）', address: '', category: '超市', suspended: false, unionId: null, organiser: '' },
    manager: false,
  }
  const preview: PreviewDTO = {
    voucherId: 'v1',
    campaignName: '工会福利消费券',
    ruleText: '95折',
    memberMasked: '张**',
    modelWorker: true,
    billFen: 8600,
    voucherFen: 430,
    modelWorkerFen: 408,
    payableFen: 7762,
    steps: ['① 消费券 95折：减 ¥4.30', '② 劳模折上折：减 ¥4.08'],
  }
  const row: RedemptionRowDTO = {
    id: 'v1-1',
    type: 'redeem',
    voucherId: 'v1',
    campaignName: '工会福利消费券',
    at: T,
    till: '1号收银台',
    memberMasked: '张**',
    billFen: 8600,
    unionFen: 838,
    merchantFen: 0,
    reversible: true,
    reversed: false,
  }
  const { page, wechat } = await open('packages/vouchers/pages/till/index', backend({ myMerchants: [merchant], preview, redeem: row }))
  expect(page.dom.textContent).toContain('苏果超市（新街口店）')
  page.querySelector('#till-bill').dispatchEvent('input', { detail: { value: '86.00' } })
  page.querySelector('#till-input').dispatchEvent('input', { detail: { value: 'V1.abc' } })
  await sleep(20)
  page.querySelector('#till-submit').dispatchEvent('tap')
  await until(() => !!page.querySelector('#till-preview'))
  expect(page.querySelector('#till-preview').dom.textContent).toContain('张**')
  expect(page.querySelector('#till-model-worker').dom.textContent).toBe('劳模')
  expect(page.querySelector('#till-payable').dom.textContent).toContain('¥77.62')
  page.querySelector('#till-confirm').dispatchEvent('tap')
  await until(() => !!page.querySelector('#till-done'))
  expect(page.querySelector('#till-done').dom.textContent).toContain('核销成功 10:42 · 1号收银台')
  expect(page.querySelector('#till-input')).toBeTruthy() // ready for the next customer
  const calls = wechat.log.calls.map((c) => c.action)
  expect(calls).toEqual(['myMerchants', 'preview', 'redeem'])
})

test('消费券中心: claimable with the 劳模 extra, a countdown for what opens soon, the reason for what is not hers; one tap claims and opens the code', async () => {
  const campaign = (id: string, name: string) => ({
    id,
    name,
    funderName: '秦淮区总工会',
    rule: { kind: 'discount' as const, ratePercent: 95, capFen: 2000 },
    ruleText: '95折（每次最多优惠¥20）',
    mode: 'first_come' as const,
    claimStartsAt: Date.now() + 2 * 86_400_000,
    claimEndsAt: Date.now() + 9 * 86_400_000,
    useEndsAt: Date.now() + 30 * 86_400_000,
    drawAt: null,
    merchants: [{ id: 'm1', name: '苏果超市（新街口店）' }],
    organiser: '秦淮区总工会',
  })
  const item = (id: string, state: string, reason: string | null, extra: string | null = null) => ({
    campaign: campaign(id, `批次${id}`),
    state,
    reason,
    held: 0,
    perMember: 2,
    modelWorkerExtra: extra,
    draw: null,
    entryRef: null,
  })
  const centre = [
    item('c1', 'claimable', null, '劳模折上折 95折（最多¥10，工会补贴）'),
    item('c2', 'upcoming', '尚未开始领取'),
    item('c3', 'not_eligible', '仅限新就业形态会员参加'),
  ]
  const { page, wechat } = await open(
    'packages/vouchers/pages/index/index',
    backend({ centre, myMerchants: [], claim: voucher('v9', 'unused') }),
  )
  expect(page.querySelector('#campaign-c1').dom.textContent).toContain('劳模折上折')
  expect(page.querySelector('#campaign-c1-organiser').dom.textContent).toBe('主办：秦淮区总工会')
  expect(page.querySelector('#campaign-c2-countdown').dom.textContent).toContain('距开始领取')
  expect(page.querySelector('#campaign-c3-reason').dom.textContent).toBe('仅限新就业形态会员参加')
  expect(page.querySelector('#campaign-c3-act')).toBeFalsy()
  page.querySelector('#campaign-c1-act').dispatchEvent('tap')
  await until(() => wechat.log.navigations.length > 0)
  expect(wechat.log.calls.map((c) => c.action)).toContain('claim')
  expect(wechat.log.navigations[0]).toContain('packages/vouchers/pages/code/index?id=v9')
})
