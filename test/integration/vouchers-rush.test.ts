import { EventEmitter } from 'node:events'
import { seedMembers } from './screening.fixtures'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { budgetBooks, campaignInput, codeOf, merchant, setUpOfficer, staffScope, vouchersHarness, vouchersOf } from './vouchers-fixtures'
import { seedRole } from './screening.fixtures'

EventEmitter.defaultMaxListeners = 200

let emu: TestEmulator
const h = vouchersHarness()
const RUSH = Array.from({ length: 3000 }, (_x, i) => `rush-${i}`)
const BUDGET = Array.from({ length: 1000 }, (_x, i) => `budget-${i}`)
const LATE = Array.from({ length: 200 }, (_x, i) => `late-${i}`)
const FOUR = Array.from({ length: 40 }, (_x, i) => `four-${i}`)
const TILLS = Array.from({ length: 8 }, (_x, i) => `till-${i}`)
let shop: string

beforeAll(async () => {
  emu = await startTestEmulator()
  await setUpOfficer(emu.db)
  await seedMembers(
    emu.db,
    [...RUSH, ...BUDGET, ...LATE, ...FOUR].map((openid) => ({ openid })),
  )
  shop = await merchant(h, '东西部协作消费帮扶农产品展销馆')
  for (const t of TILLS) await seedRole(emu.db, t, staffScope(shop))
}, 120_000)
afterAll(() => emu.stop())

const codeOfResult = (r: { ok: boolean; code?: string }) => (r.ok ? 'OK' : r.code!)

it('claim rush: 3,000 members at the release instant for 500 vouchers → exactly 500, the rest SOLD_OUT, nobody with two', async () => {
  const c = await h.ok('officer', 'createCampaign', campaignInput([shop], { totalVouchers: 500 }))
  const results = await Promise.all(RUSH.map((o) => h.call(o, 'claim', { campaignId: c.id })))
  const codes = results.map(codeOfResult)
  expect(codes.filter((x) => x === 'OK')).toHaveLength(500)
  expect(codes.filter((x) => x !== 'OK').every((x) => x === 'SOLD_OUT')).toBe(true)
  const vs = await vouchersOf(emu.db, c.id)
  expect(vs.filter((v) => v.status === 'unused')).toHaveLength(500)
  expect(new Set(vs.map((v) => v.openid)).size).toBe(vs.length)
  const { pool } = await budgetBooks(emu.db, c.id)
  expect(pool.left).toBe(0)
  expect(pool.claimed).toBe(500)
}, 300_000)

it('4 per member: members tapping 6 times at once each end with exactly 4', async () => {
  const c = await h.ok(
    'officer',
    'createCampaign',
    campaignInput([shop], { perMember: 4, totalVouchers: 1000, rule: { kind: 'threshold', thresholdFen: 5000, amountFen: 4000 } }),
  )
  const held = async () => {
    const per = new Map<string, number>()
    for (const v of await vouchersOf(emu.db, c.id)) per.set(v.openid, (per.get(v.openid) ?? 0) + 1)
    return per
  }
  const results = await Promise.all(FOUR.flatMap((o) => Array.from({ length: 6 }, () => h.call(o, 'claim', { campaignId: c.id }))))
  // A tap may be answered with the voucher her other tap was claiming (one claim, two answers); never a fifth.
  expect(results.map(codeOfResult).filter((x) => x !== 'OK' && x !== 'CLAIM_LIMIT_REACHED')).toEqual([])
  expect(Math.max(...(await held()).values())).toBeLessThanOrEqual(4)
  for (const o of FOUR) {
    for (let i = 0; i < 5 && (await h.call(o, 'claim', { campaignId: c.id })).ok; i++);
  }
  const per = await held()
  expect([...FOUR].map((o) => per.get(o))).toEqual(FOUR.map(() => 4))
}, 300_000)

it('budget: 95折 with budget B and cap C → ⌊B/C⌋ claimed; 8 tills redeem while others claim; deductions + reservations ≤ B at every moment', async () => {
  const B = 101_999
  const C = 2000
  const c = await h.ok(
    'officer',
    'createCampaign',
    campaignInput([shop], { totalVouchers: 10_000, budgetFen: B, rule: { kind: 'discount', ratePercent: 95, capFen: C } }),
  )
  const first = await Promise.all(BUDGET.map((o) => h.call(o, 'claim', { campaignId: c.id })))
  expect(first.filter((r) => r.ok)).toHaveLength(Math.floor(B / C))
  expect(first.filter((r) => !r.ok).every((r) => codeOfResult(r) === 'SOLD_OUT')).toBe(true)

  const holders = BUDGET.filter((_o, i) => first[i].ok)
  const problems: string[] = []
  let running = true
  const watcher = (async () => {
    while (running) {
      const b = await budgetBooks(emu.db, c.id)
      if (b.pool.budgetLeft < 0 || b.takenFen !== B - b.pool.budgetLeft || b.takenFen > B)
        problems.push(JSON.stringify({ left: b.pool.budgetLeft, held: b.takenFen }))
      await new Promise((r) => setTimeout(r, 20))
    }
  })()
  const redeems = holders.map(async (o, i) => {
    const v = first[BUDGET.indexOf(o)] as { ok: true; data: { id: string } }
    const token = await codeOf(h, o, v.data.id)
    const bill = 1000 + ((i * 7919) % 60_000) // ¥10–¥610: deductions ¥0.50–¥20
    return h.call(TILLS[i % TILLS.length], 'redeem', { merchantId: shop, code: token, billFen: bill, till: `${(i % 8) + 1}号收银台` })
  })
  const lateClaims = LATE.map((o) => h.call(o, 'claim', { campaignId: c.id }))
  const [redeemed, late] = await Promise.all([Promise.all(redeems), Promise.all(lateClaims)])
  running = false
  await watcher
  expect(redeemed.map(codeOfResult).filter((x) => x !== 'OK')).toEqual([]) // no till refused a valid voucher
  expect(late.map(codeOfResult).every((x) => x === 'OK' || x === 'SOLD_OUT')).toBe(true)
  expect(problems).toEqual([])
  const b = await budgetBooks(emu.db, c.id)
  expect(b.usedFen + b.reservedFen).toBe(B - b.pool.budgetLeft)
  expect(b.usedFen + b.reservedFen).toBeLessThanOrEqual(B)
  expect(b.takenFen).toBe(b.usedFen + b.reservedFen)
}, 300_000)

it('the same code at 5 tills at once → exactly one redemption; the others see when and where', async () => {
  const c = await h.ok('officer', 'createCampaign', campaignInput([shop], { totalVouchers: 10 }))
  const v = await h.ok(LATE[0], 'claim', { campaignId: c.id })
  const token = await codeOf(h, LATE[0], v.id)
  const results = await Promise.all(
    TILLS.slice(0, 5).map((t, i) => h.call(t, 'redeem', { merchantId: shop, code: token, billFen: 8600, till: `${i + 1}号收银台` })),
  )
  expect(results.filter((r) => r.ok)).toHaveLength(1)
  const losers = results.filter((r) => !r.ok) as { code: string; message: string }[]
  expect(losers.map((r) => r.code)).toEqual(Array(4).fill('VOUCHER_ALREADY_REDEEMED'))
  for (const r of losers) expect(r.message).toMatch(/^已核销 \d\d:\d\d · \d号收银台$/)
  const rows = (await emu.db.collection('voucher_redemptions').where({ campaignId: c.id }).get()).data
  expect(rows).toHaveLength(1)
}, 60_000)
