/**
 * Database calls per claim as production pays them (one instance, warm; no request id, so no marker), and
 * the instance's memory of a sold-out pool (instance-cache.ts `fullness`, docs/capacity.md): a winning claim on
 * a pool this instance saw open is her roster record, the voucher written pending, the pool's take (which
 * answers whether the pool is now gone), the confirmation and the unlisting of the hold; a refusal from the
 * memory is her roster record and her own voucher (a retry of the request that took the last one gets it).
 */
import { getDb } from '../../cloudfunctions/common/db'
import { FULL_MEMORY_MS } from '../../cloudfunctions/common/instance-cache'
import { createPlaceStore } from '../../cloudfunctions/common/place-store'
import { seedMembers } from './screening.fixtures'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invokeFirstTry, okData } from '../support/invoke'
import { campaignInput, merchant, setUpOfficer, vouchersHarness } from './vouchers-fixtures'

let emu: TestEmulator
const h = vouchersHarness()
let shop: string

beforeAll(async () => {
  emu = await startTestEmulator()
  await setUpOfficer(emu.db)
  await seedMembers(
    emu.db,
    ['c1', 'c2', 'c3', 'c4', 'c5'].map((openid) => ({ openid })),
  )
  shop = await merchant(h, '苏果超市（中山路店）')
})
afterAll(() => emu.stop())

async function counted<T>(call: () => Promise<T>): Promise<{ result: T; calls: number }> {
  const before = emu.requests().total
  const result = await call()
  return { result, calls: emu.requests().total - before }
}

const code = (r: { ok: boolean; code?: string }) => (r.ok ? 'OK' : r.code)

test('a winning claim is 5 calls, a refusal from the memory 1 on a first try and 2 on a retry; a voucher given back through the instance is offered at once', async () => {
  const c = await h.ok<{ id: string }>('officer', 'createCampaign', campaignInput([shop], { totalVouchers: 2 }))
  const claim = (who: string, requestId: string | null = null) => h.call(who, 'claim', { campaignId: c.id }, requestId)
  okData(await claim('c1')) // this instance now saw the pool open
  const win = await counted(() => claim('c2', 'claim-the-last-voucher'))
  expect([code(win.result), win.calls]).toEqual(['OK', 5])
  // That take left the pool empty: the next tap is refused from the memory after reading only her own voucher.
  const lose = await counted(() => claim('c3', 'a-refused-claim'))
  expect([code(lose.result), lose.calls]).toEqual(['SOLD_OUT', 2])
  // The app's first try of a request (`attempt: 1`) has no earlier outcome: refused from the memory after her roster read alone.
  const firstTry = await counted(() => invokeFirstTry(h.main, 'c5', 'claim', { campaignId: c.id }))
  expect([code(firstTry.result), firstTry.calls]).toEqual(['SOLD_OUT', 1])
  // A retry of the request that took the last voucher gets it, never 已领完.
  const again = await claim('c2', 'claim-the-last-voucher')
  expect(again).toEqual(win.result)
  // A voucher given back through this instance (a claim given back: the place store's release) opens the pool here at once.
  const pools = await emu.db.collection('voucher_pools').where({ campaignId: c.id }).get()
  const pool = pools.data[0] as { _id: string }
  // The function's own database handle: what this instance does (the test emulator's `db` is another instance's).
  const store = createPlaceStore(getDb(), 'voucher_pools')
  expect(await store.take(pool._id, 'k-test', { v: 'x' })).toBe(false) // empty
  await emu.db
    .collection('voucher_pools')
    .doc(pool._id)
    .update({ left: 1, 'holders.k-back': { v: 'given-back', n: 1 } })
  expect(await store.release(pool._id, 'k-back', { bounded: false })).toBe(true)
  expect(code(await claim('c4'))).toBe('OK')
})

test('a voucher given back through another instance is offered here once the memory lapses', async () => {
  const c = await h.ok<{ id: string }>('officer', 'createCampaign', campaignInput([shop], { totalVouchers: 1 }))
  okData(await h.call('c1', 'claim', { campaignId: c.id }))
  expect(code(await h.call('c5', 'claim', { campaignId: c.id }))).toBe('SOLD_OUT') // remembered gone
  const pools = await emu.db.collection('voucher_pools').where({ campaignId: c.id }).get()
  const pool = pools.data[0] as { _id: string; budgetLeft: number }
  await emu.db.collection('voucher_pools').doc(pool._id).update({ left: 1 }) // another instance's give-back, behind this one's back
  expect(code(await h.call('c5', 'claim', { campaignId: c.id }))).toBe('SOLD_OUT')
  const ahead = jest.spyOn(Date, 'now').mockReturnValue(Date.now() + FULL_MEMORY_MS)
  try {
    expect(code(await h.call('c5', 'claim', { campaignId: c.id }))).toBe('OK')
  } finally {
    ahead.mockRestore()
  }
})
