/**
 * The pool document stays small whatever the campaign's size: its maps only
 * hold claims and returns in flight, never one entry per live voucher, so
 * every claim's update costs the same at the 500th voucher as at the first.
 */
import { EventEmitter } from 'node:events'
import { seedMembers, seedRole } from './screening.fixtures'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { budgetBooks, campaignInput, codeOf, merchant, setUpOfficer, staffScope, vouchersHarness } from './vouchers-fixtures'

EventEmitter.defaultMaxListeners = 200

let emu: TestEmulator
const h = vouchersHarness()
const MEMBERS = Array.from({ length: 500 }, (_x, i) => `bounded-${i}`)
const TILLS = Array.from({ length: 8 }, (_x, i) => `btill-${i}`)
const WAVE = 50
let shop: string

beforeAll(async () => {
  emu = await startTestEmulator()
  await setUpOfficer(emu.db)
  await seedMembers(
    emu.db,
    MEMBERS.map((openid) => ({ openid })),
  )
  shop = await merchant(h, '苏果超市（新街口店）')
  for (const t of TILLS) await seedRole(emu.db, t, staffScope(shop))
}, 120_000)
afterAll(() => emu.stop())

const entries = (pool: { holders: object; returns?: object }) => Object.keys(pool.holders).length + Object.keys(pool.returns ?? {}).length

/** Runs `f` over `xs` WAVE at a time, sampling the pool's map size meanwhile; answers the largest seen. */
async function inWaves<T>(campaignId: string, xs: T[], f: (x: T, i: number) => Promise<unknown>): Promise<number> {
  let most = 0
  let running = true
  const watcher = (async () => {
    while (running) {
      most = Math.max(most, entries((await budgetBooks(emu.db, campaignId)).pool))
      await new Promise((r) => setTimeout(r, 10))
    }
  })()
  for (let i = 0; i < xs.length; i += WAVE) await Promise.all(xs.slice(i, i + WAVE).map((x, j) => f(x, i + j)))
  running = false
  await watcher
  return most
}

it('500 claims and 500 redemptions at 8 tills: the pool keeps at most the steps in flight, and none once they are done', async () => {
  const c = await h.ok(
    'officer',
    'createCampaign',
    campaignInput([shop], { totalVouchers: 500, budgetFen: 500 * 2000, rule: { kind: 'discount', ratePercent: 95, capFen: 2000 } }),
  )
  const ids: string[] = []
  const duringClaims = await inWaves(
    c.id,
    MEMBERS,
    async (o, i) => (ids[i] = (await h.ok<{ id: string }>(o, 'claim', { campaignId: c.id })).id),
  )
  const afterClaims = await budgetBooks(emu.db, c.id)
  expect(afterClaims.pool).toMatchObject({ left: 0, claimed: 500, budgetLeft: 0 })
  expect(entries(afterClaims.pool)).toBe(0)

  const duringRedeems = await inWaves(c.id, MEMBERS, async (o, i) => {
    const code = await codeOf(h, o, ids[i])
    await h.ok(TILLS[i % TILLS.length], 'redeem', {
      merchantId: shop,
      code,
      billFen: 1000 + ((i * 7919) % 60_000),
      till: `${(i % 8) + 1}号收银台`,
    })
  })
  const b = await budgetBooks(emu.db, c.id)
  expect(entries(b.pool)).toBe(0)
  expect(b.vs.every((v) => v.status === 'redeemed' && !v.returning)).toBe(true)
  expect(b.takenFen).toBe(b.usedFen) // every unused part went back
  expect(b.pool).toMatchObject({ redeemed: 500, usedFen: b.usedFen })
  // At most one entry per request in flight, whatever the number of live vouchers.
  expect(duringClaims).toBeLessThanOrEqual(WAVE)
  expect(duringRedeems).toBeLessThanOrEqual(WAVE)
}, 300_000)
