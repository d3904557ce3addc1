/**
 * Every mutation's `recover`: a same-id retry whose first call's marker is still pending (the call died
 * after its decisive write: vouchers-crash.test.ts kills the database for the till and the statements)
 * answers what that call wrote, at once. Here the marker is put back to pending after the first call,
 * which is exactly what a call that died before recording its outcome leaves; the retry must answer the
 * first outcome and change nothing.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { seedMembers, seedRole } from './screening.fixtures'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { campaignInput, codeOf, HOUR, merchant, setUpOfficer, staffScope, T0, vouchersHarness } from './vouchers-fixtures'

let emu: TestEmulator
const h = vouchersHarness()
let shop: string
let rid = 0

beforeAll(async () => {
  emu = await startTestEmulator()
  await setUpOfficer(emu.db)
  await seedMembers(emu.db, [{ openid: 'e1' }, { openid: 'e2' }, { openid: 'p1' }])
  shop = await merchant(h, '紫峰购物广场')
  await seedRole(emu.db, 'boss', staffScope(shop, true))
}, 60_000)
afterAll(() => emu.stop())

/** Calls once, then makes its marker look like a dead call's and retries with the same id: both answers, and the time the retry took. */
async function firstAndRetry(openid: string, action: string, data: unknown) {
  const requestId = `recover-${++rid}-${Date.now()}`
  const first = await h.call(openid, action, data, requestId)
  const marker = emu.db.collection(COLLECTIONS.requests).doc(`vouchers:${openid}:${requestId}`)
  expect((await marker.update({ state: 'pending', outcome: emu.db.command.remove() })).updated).toBe(1)
  const started = Date.now()
  const retry = await h.call(openid, action, data, requestId)
  return { first, retry, ms: Date.now() - started }
}

async function expectFirstOutcome(openid: string, action: string, data: unknown) {
  const { first, retry, ms } = await firstAndRetry(openid, action, data)
  expect(first.ok).toBe(true)
  expect(retry).toEqual(first)
  expect(ms).toBeLessThan(5_000) // a marker wait would take 8 s, then answer CONFLICT
  return (first as { data: any }).data
}

it('createCampaign, saveMerchant, setMerchantSuspended: the retry answers the first outcome; no second campaign or merchant', async () => {
  h.clock.now = T0
  const before = (await h.ok('officer', 'listCampaigns')).length
  await expectFirstOutcome('officer', 'createCampaign', campaignInput([shop], { name: '恢复测试' }))
  expect(await h.ok('officer', 'listCampaigns')).toHaveLength(before + 1)
  const merchants = (await h.ok('officer', 'listMerchants')).length
  const m = await expectFirstOutcome('officer', 'saveMerchant', { name: '新商户', address: '南京市鼓楼区', category: '商场' })
  await expectFirstOutcome('officer', 'saveMerchant', { id: m.id, name: '新商户（改名）', address: '南京市鼓楼区', category: '商场' })
  expect(await h.ok('officer', 'listMerchants')).toHaveLength(merchants + 1)
  await expectFirstOutcome('officer', 'setMerchantSuspended', { merchantId: m.id, suspended: true })
})

it('enterDraw and draw: the retry answers the entry and the draw its first call made', async () => {
  h.clock.now = T0
  const c = await h.ok(
    'officer',
    'createCampaign',
    campaignInput([shop], {
      mode: 'lottery',
      drawAt: T0 + 2 * HOUR,
      totalVouchers: 1,
      rule: { kind: 'fixed', amountFen: 2000 },
      budgetFen: 2000,
    }),
  )
  await expectFirstOutcome('e1', 'enterDraw', { campaignId: c.id })
  await h.ok('e2', 'enterDraw', { campaignId: c.id })
  h.clock.now = T0 + 2 * HOUR
  const drawn = await expectFirstOutcome('officer', 'draw', { campaignId: c.id, seed: 'recover-seed' })
  expect(drawn).toMatchObject({ seed: 'recover-seed', entrants: 2, winners: 1 })
  const results = await Promise.all(['e1', 'e2'].map((o) => h.call(o, 'claim', { campaignId: c.id })))
  expect(results.map((r) => (r.ok ? 'OK' : r.code)).sort()).toEqual(['NOT_DRAWN', 'OK']) // winners marked once, exactly one
  h.clock.now = T0
})

it('redeem, reverse, confirmStatement, disputeStatement: the retry answers the first outcome; nothing twice', async () => {
  h.clock.now = T0
  const c = await h.ok('officer', 'createCampaign', campaignInput([shop], { totalVouchers: 5, budgetFen: 10_000 }))
  const v = await h.ok('p1', 'claim', { campaignId: c.id })
  const row = await expectFirstOutcome('boss', 'redeem', {
    merchantId: shop,
    code: await codeOf(h, 'p1', v.id),
    billFen: 8600,
    till: '1号收银台',
  })
  await expectFirstOutcome('boss', 'reverse', { merchantId: shop, redemptionId: row.id })
  const date = '2027-03-08'
  const s = await h.ok('boss', 'statement', { merchantId: shop, period: 'day', date })
  expect(s.rows.map((r: { id: string }) => r.id)).toEqual([row.id, `${row.id}-x`])
  h.clock.now = s.closesAt
  await expectFirstOutcome('boss', 'confirmStatement', { merchantId: shop, period: 'day', date, digest: s.digest })
  await expectFirstOutcome('boss', 'disputeStatement', { merchantId: shop, period: 'day', date, rowId: row.id, note: '金额不符' })
  expect((await h.ok('boss', 'statement', { merchantId: shop, period: 'day', date })).rows).toHaveLength(2)
})
