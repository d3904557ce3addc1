import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createCampaignRepository } from '../../cloudfunctions/vouchers/campaign.repository'
import { claimHoldKey, newClaimId, voucherIdOf } from '../../cloudfunctions/vouchers/voucher.repository'
import type { VoucherDoc } from '../../cloudfunctions/vouchers/vouchers.docs'
import { seedMembers, seedRole } from './screening.fixtures'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { budgetBooks, campaignInput, codeOf, merchant, setUpOfficer, staffScope, T0, vouchersHarness } from './vouchers-fixtures'

let emu: TestEmulator
const h = vouchersHarness()
let shop: string

beforeAll(async () => {
  emu = await startTestEmulator()
  await setUpOfficer(emu.db)
  await seedMembers(emu.db, [{ openid: 'dead' }, { openid: 'swept' }, { openid: 'paid' }])
  shop = await merchant(h, '苏果超市（新街口店）')
  await seedRole(emu.db, 'till', staffScope(shop))
}, 60_000)
afterAll(() => emu.stop())

/** What a claim leaves behind when its call dies after taking its hold (voucher + reservation) and before confirming. */
async function deadClaim(campaignId: string, openid: string): Promise<VoucherDoc> {
  const repo = createCampaignRepository(emu.db)
  const v: VoucherDoc = {
    _id: voucherIdOf(campaignId, openid, 1), claimId: newClaimId(), pendingAt: h.clock.now, requestId: null, campaignId, poolId: campaignId, openid, slot: 1, status: 'pending',
    reserveFen: 2000, modelWorker: false, memberMasked: '王**', branch: '', claimedAt: null, useStartsAt: T0, useEndsAt: T0 + 72 * 3_600_000, usedNonces: [], uses: 0, redemption: null, remindedAt: null,
  }
  await emu.db.collection(COLLECTIONS.vouchers).add({ ...v })
  expect(await repo.countStore.take(campaignId, claimHoldKey(v), { v: v._id }, { counters: { claimed: 1, budgetLeft: -2000 }, atLeast: { budgetLeft: 2000 } })).toBe(true)
  return v
}

it('a claim whose call died: her next tap finishes it at once (no lock-out, no second voucher)', async () => {
  h.clock.now = T0
  const c = (await h.ok('officer', 'createCampaign', campaignInput([shop], { totalVouchers: 2, budgetFen: 4000 }))).id
  const v = await deadClaim(c, 'dead')
  h.clock.now = T0 + 5_000 // past the in-flight wait, well inside the stale rule
  const again = await h.ok('dead', 'claim', { campaignId: c })
  expect(again.id).toBe(v._id)
  const b = await budgetBooks(emu.db, c)
  expect(b.vs.map((x) => x.status)).toEqual(['unused'])
  expect(b.pool).toMatchObject({ left: 1, budgetLeft: 2000, claimed: 1 })
  h.clock.now = T0
})

it('a claim nobody came back for: the timer gives its voucher and reservation back after the stale rule', async () => {
  h.clock.now = T0
  const c = (await h.ok('officer', 'createCampaign', campaignInput([shop], { totalVouchers: 1, budgetFen: 2000 }))).id
  await deadClaim(c, 'swept')
  expect((await h.call('paid', 'claim', { campaignId: c })).ok).toBe(false) // SOLD_OUT while it holds
  h.clock.now = T0 + 61_000
  await h.main({ Type: 'Timer' } as never)
  const b = await budgetBooks(emu.db, c)
  expect(b.vs).toHaveLength(0)
  expect(b.pool).toMatchObject({ left: 1, budgetLeft: 2000, claimed: 0 })
  expect((await h.call('paid', 'claim', { campaignId: c })).ok).toBe(true)
  h.clock.now = T0
})

const emptyMaps = (pool: { holders: object; returns?: object }) => Object.keys(pool.holders).length + Object.keys(pool.returns ?? {}).length

/**
 * A ¥86.00 redemption whose call died right after the voucher's update (step 1): the voucher names
 * its return (with its statement row), the pool not yet given the unused part, and (unless
 * `rowStored`, a call that died one step later) no row stored.
 */
async function deadRedemption(campaignId: string, openid: string, { rowStored = false } = {}) {
  const v = await h.ok(openid, 'claim', { campaignId })
  const live = await h.ok('till', 'redeem', { merchantId: shop, code: await codeOf(h, openid, v.id), billFen: 8600, till: '1号收银台' })
  const rows = emu.db.collection(COLLECTIONS.voucherRedemptions)
  const [row] = (await rows.doc(live.id).get()).data as Record<string, unknown>[]
  if (!rowStored) await rows.doc(live.id).remove()
  await emu.db.collection(COLLECTIONS.voucherPools).doc(campaignId).update({ budgetLeft: emu.db.command.inc(-(2000 - 430)), redeemed: emu.db.command.inc(-1), usedFen: emu.db.command.inc(-430) })
  const returning = { key: `${v.id}:r1`, fen: 2000 - 430, counters: { redeemed: 1, usedFen: 430 }, at: h.clock.now, reissue: false, rows: [row] }
  await emu.db.collection(COLLECTIONS.vouchers).doc(v.id).update({ returning: emu.db.command.set(returning) })
  return { v, live, row }
}

/** The ¥86.00 redemption of a 2000-fen reservation on a 10,000-fen budget, fully booked: 430 used, the rest back, no note left. */
async function expectRedemptionBooked(campaignId: string): Promise<void> {
  const b = await budgetBooks(emu.db, campaignId)
  expect(b.takenFen).toBe(430)
  expect(b.pool).toMatchObject({ budgetLeft: 10_000 - 430, redeemed: 1, usedFen: 430 })
  expect(emptyMaps(b.pool)).toBe(0)
  expect(b.vs[0].returning).toBeNull()
}

it('a redemption whose call died right after the voucher named its return: the timer returns the unused part once', async () => {
  h.clock.now = T0
  const c = (await h.ok('officer', 'createCampaign', campaignInput([shop], { totalVouchers: 5, budgetFen: 10_000 }))).id
  const v = await h.ok('paid', 'claim', { campaignId: c })
  await h.ok('till', 'redeem', { merchantId: shop, code: await codeOf(h, 'paid', v.id), billFen: 8600, till: '1号收银台' })
  // Put the voucher and pool back to just after the voucher's update (step 1): return named, pool untouched.
  const pools = emu.db.collection(COLLECTIONS.voucherPools)
  await pools.doc(c).update({ budgetLeft: emu.db.command.inc(-(2000 - 430)), redeemed: emu.db.command.inc(-1), usedFen: emu.db.command.inc(-430) })
  const returning = { key: `${v.id}:r1`, fen: 2000 - 430, counters: { redeemed: 1, usedFen: 430 }, at: T0, reissue: false }
  await emu.db.collection(COLLECTIONS.vouchers).doc(v.id).update({ returning: emu.db.command.set(returning) })
  expect((await budgetBooks(emu.db, c)).takenFen).toBe(2000)
  await h.main({ Type: 'Timer' } as never) // not stale yet: left to its own call
  expect((await budgetBooks(emu.db, c)).takenFen).toBe(2000)
  h.clock.now = T0 + 61_000
  await h.main({ Type: 'Timer' } as never)
  await h.main({ Type: 'Timer' } as never) // a second tick changes nothing
  await expectRedemptionBooked(c)
  h.clock.now = T0
})

it('a redemption whose call died right after the voucher update still reaches the statement: the timer writes its row from the return in flight', async () => {
  h.clock.now = T0
  const c = (await h.ok('officer', 'createCampaign', campaignInput([shop], { totalVouchers: 5, budgetFen: 10_000 }))).id
  const { live, row } = await deadRedemption(c, 'paid')
  const rows = emu.db.collection(COLLECTIONS.voucherRedemptions)
  h.clock.now = T0 + 61_000
  await h.main({ Type: 'Timer' } as never)
  expect((await rows.doc(live.id).get()).data).toEqual([row])
  const date = new Date(T0 + 8 * 3_600_000).toISOString().slice(0, 10)
  const s = await h.ok('officer', 'statement', { merchantId: shop, period: 'day', date })
  expect(s.rows.map((r: { id: string }) => r.id)).toContain(live.id)
  expect((await budgetBooks(emu.db, c)).takenFen).toBe(430)
  h.clock.now = T0
})

it('a redemption whose call died after the pool had the return: the timer records it and drops the note, returning nothing twice', async () => {
  h.clock.now = T0
  const c = (await h.ok('officer', 'createCampaign', campaignInput([shop], { totalVouchers: 5, budgetFen: 10_000 }))).id
  const v = await h.ok('paid', 'claim', { campaignId: c })
  await h.ok('till', 'redeem', { merchantId: shop, code: await codeOf(h, 'paid', v.id), billFen: 8600, till: '1号收银台' })
  // Steps 1 and 2 done, 3 and 4 not: the voucher still names the return, the pool still notes it.
  const returning = { key: `${v.id}:r1`, fen: 2000 - 430, counters: { redeemed: 1, usedFen: 430 }, at: T0, reissue: false }
  await emu.db.collection(COLLECTIONS.vouchers).doc(v.id).update({ returning: emu.db.command.set(returning) })
  await emu.db.collection(COLLECTIONS.voucherPools).doc(c).update({ [`returns.${returning.key}`]: returning.fen })
  h.clock.now = T0 + 61_000
  await h.main({ Type: 'Timer' } as never)
  await expectRedemptionBooked(c)
  h.clock.now = T0
})

it('a reversal whose voucher cannot be reissued any more (its reservation no longer fits) returns only the deduction, and the voucher stays reversed', async () => {
  h.clock.now = T0
  const c = (await h.ok('officer', 'createCampaign', campaignInput([shop], { totalVouchers: 3, budgetFen: 3999 }))).id
  const a = await h.ok('dead', 'claim', { campaignId: c })
  const row = await h.ok('till', 'redeem', { merchantId: shop, code: await codeOf(h, 'dead', a.id), billFen: 8600, till: '1号收银台' })
  expect(row.unionFen).toBe(430)
  await h.ok('swept', 'claim', { campaignId: c }) // 3999 − 430 − 2000 = 1569 left: a reissue needs 2000 − 430 = 1570
  await h.ok('till', 'reverse', { merchantId: shop, redemptionId: row.id })
  const b = await budgetBooks(emu.db, c)
  expect(b.vs.find((v) => v._id === a.id)).toMatchObject({ status: 'reversed', returning: null })
  expect(b.pool).toMatchObject({ budgetLeft: 1999, redeemed: 0, reversed: 1, usedFen: 0 })
  expect(b.takenFen).toBe(b.usedFen + b.reservedFen)
  expect(emptyMaps(b.pool)).toBe(0)
})

it('a refund right after a crashed redemption (row stored, money not yet back): refused only while its own call could still run, then the till finishes the return itself; two tills at once refund once, the books match a refund without a crash', async () => {
  h.clock.now = T0
  const crashed = (await h.ok('officer', 'createCampaign', campaignInput([shop], { totalVouchers: 5, budgetFen: 10_000 }))).id
  const normal = (await h.ok('officer', 'createCampaign', campaignInput([shop], { totalVouchers: 5, budgetFen: 10_000 }))).id
  const { live } = await deadRedemption(crashed, 'dead', { rowStored: true }) // its row on the till's 今日核销, its money not yet back
  h.clock.now = T0 + 5_000 // its own call may still be finishing: nothing is touched
  expect(await h.call('till', 'reverse', { merchantId: shop, redemptionId: live.id })).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect((await budgetBooks(emu.db, crashed)).vs[0].returning).not.toBeNull()
  h.clock.now = T0 + 20_000 // longer ago than any call lives: the cashier is not kept waiting for the timer
  const tills = await Promise.all([1, 2].map(() => h.call('till', 'reverse', { merchantId: shop, redemptionId: live.id })))
  expect(tills.filter((r) => r.ok)).toHaveLength(1)
  expect(tills.filter((r) => !r.ok).map((r) => (r as { code: string }).code)).toEqual([expect.stringMatching(/^(CONFLICT|ALREADY_REVERSED)$/)])
  await h.main({ Type: 'Timer' } as never)
  h.clock.now = T0 + 120_000
  await h.main({ Type: 'Timer' } as never) // the timer finds nothing left to do
  // The same redemption and refund with no crash.
  h.clock.now = T0
  const w = await h.ok('swept', 'claim', { campaignId: normal })
  const ok = await h.ok('till', 'redeem', { merchantId: shop, code: await codeOf(h, 'swept', w.id), billFen: 8600, till: '1号收银台' })
  await h.ok('till', 'reverse', { merchantId: shop, redemptionId: ok.id })
  const [a, b] = [await budgetBooks(emu.db, crashed), await budgetBooks(emu.db, normal)]
  const books = (x: typeof a) => ({ takenFen: x.takenFen, reservedFen: x.reservedFen, usedFen: x.usedFen, status: x.vs.map((v) => v.status), returning: x.vs.map((v) => v.returning), maps: emptyMaps(x.pool),
    counters: { left: x.pool.left, claimed: x.pool.claimed, redeemed: x.pool.redeemed, reversed: x.pool.reversed, usedFen: x.pool.usedFen } })
  expect(books(a)).toEqual(books(b))
  const date = new Date(T0 + 8 * 3_600_000).toISOString().slice(0, 10)
  const s = await h.ok('officer', 'statement', { merchantId: shop, period: 'day', date })
  expect(s.rows.filter((r: { id: string }) => r.id === live.id || r.id === `${live.id}-x`)).toHaveLength(2)
  h.clock.now = T0
})
