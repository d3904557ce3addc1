import { seed } from '../../tools/seed/seed'
import { seedVouchers } from '../../tools/seed/vouchers.seed'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { createMemberFunction } from '../../cloudfunctions/member/index'
import { invoke, okData } from '../support/invoke'
import { codeOf, T0, vouchersHarness } from './vouchers-fixtures'

let emu: TestEmulator
const h = vouchersHarness()

beforeAll(async () => {
  emu = await startTestEmulator()
  await seed(emu.db, T0)
}, 120_000)
afterAll(() => emu.stop())

it('holds the story: 95折 for 张建国 at 苏果 with the 劳模 extra, 南京市总工会 4 × 满50减40 for ¥2,000,000, a draw, a countdown, 秦淮’s own; idempotent', async () => {
  expect(await seedVouchers(emu.db, T0)).toBe(0)
  const centre = await h.ok('demo-model-worker', 'centre')
  const byId = new Map(centre.map((c: { campaign: { id: string } }) => [c.campaign.id, c]))
  expect(byId.get('campaign-fupin-95')).toMatchObject({ state: 'claimable', modelWorkerExtra: expect.stringContaining('劳模') })
  expect(byId.get('campaign-4x40')).toMatchObject({ state: 'claimable', perMember: 4, campaign: { ruleText: '满50减40' } })
  // 鼓楼区总工会's 抽签 is for 鼓楼's members (issue 20): 张建国 (江宁) reads why
  expect(byId.get('campaign-draw')).toMatchObject({ state: 'not_eligible', reason: expect.stringContaining('仅限鼓楼区总工会所属会员') })
  expect(byId.get('campaign-qh-rider')).toMatchObject({ state: 'not_eligible', campaign: { organiser: '秦淮区总工会' } })
  expect(byId.get('campaign-countdown')).toMatchObject({ state: 'upcoming' })
  const dash = await h.ok('demo-officer', 'dashboard', { campaignId: 'campaign-4x40' })
  expect(dash).toMatchObject({ budgetFen: 200_000_000, vouchersLeft: 50_000 })
  const v = await h.ok('demo-model-worker', 'claim', { campaignId: 'campaign-fupin-95' })
  const p = await h.ok('demo-cashier', 'preview', {
    merchantId: 'merchant-suguo-xjk',
    code: await codeOf(h, 'demo-model-worker', v.id),
    billFen: 8600,
  })
  expect(p).toMatchObject({ memberMasked: '张**', modelWorker: true, voucherFen: 430, modelWorkerFen: 408, payableFen: 7762 })
  const mine = okData(
    await invoke<{ services: { vouchers: { vouchers: { campaignName: string; status: string }[] } } }>(
      createMemberFunction(),
      'demo-model-worker',
      'exportMyData',
    ),
  )
  expect(mine.services.vouchers.vouchers).toEqual([
    expect.objectContaining({ campaignName: '工会福利消费券 · 消费帮扶 95折', status: 'unused' }),
  ])
  // 王秀英 (美团外卖秦淮站点工会) claims 秦淮's own campaign, from her station's share of it
  const rider = await h.ok('demo-rider', 'claim', { campaignId: 'campaign-qh-rider' })
  expect(rider).toMatchObject({ campaignName: '骑手暖心券 无门槛10元', status: 'unused' })
  expect(((await emu.db.collection('vouchers').doc(rider.id).get()).data as { poolId: string }[])[0].poolId).toBe('campaign-qh-rider~0')
  expect(await h.ok('demo-cashier', 'myMerchants')).toEqual([
    expect.objectContaining({ manager: true, merchant: expect.objectContaining({ id: 'merchant-suguo-xjk' }) }),
  ])
}, 60_000)
