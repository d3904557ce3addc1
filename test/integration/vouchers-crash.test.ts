import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createCampaignRepository } from '../../cloudfunctions/vouchers/campaign.repository'
import { budgetKey, newClaimId, voucherIdOf } from '../../cloudfunctions/vouchers/voucher.repository'
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

/** What a claim leaves behind when its call dies after taking both holds and before confirming. */
async function deadClaim(campaignId: string, openid: string): Promise<VoucherDoc> {
  const repo = createCampaignRepository(emu.db)
  const v: VoucherDoc = {
    _id: voucherIdOf(campaignId, openid, 1), claimId: newClaimId(), pendingAt: h.clock.now, requestId: null, campaignId, poolId: campaignId, openid, slot: 1, status: 'pending',
    reserveFen: 2000, modelWorker: false, memberMasked: '王**', branch: '', claimedAt: null, useStartsAt: T0, useEndsAt: T0 + 72 * 3_600_000, usedNonces: [], uses: 0, redemption: null, remindedAt: null,
  }
  await emu.db.collection(COLLECTIONS.vouchers).add({ ...v })
  expect(await repo.countStore.take(campaignId, `c${v.claimId}`, { v: v._id }, { counters: { claimed: 1 } })).toBe(true)
  expect(await repo.budgetStore.take(campaignId, budgetKey(v), { v: v._id }, { amount: 2000 })).toBe(true)
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

it('a redemption whose call died before returning the unused part: the timer returns it', async () => {
  h.clock.now = T0
  const c = (await h.ok('officer', 'createCampaign', campaignInput([shop], { totalVouchers: 5, budgetFen: 10_000 }))).id
  const v = await h.ok('paid', 'claim', { campaignId: c })
  await h.ok('till', 'redeem', { merchantId: shop, code: await codeOf(h, 'paid', v.id), billFen: 8600, till: '1号收银台' })
  // Put back the part the redemption returned, as if its call had died right after the voucher's update.
  const doc = (await emu.db.collection(COLLECTIONS.vouchers).doc(v.id).get()).data[0] as VoucherDoc
  await emu.db.collection(COLLECTIONS.voucherPools).doc(c).update({ budgetLeft: emu.db.command.inc(-(2000 - 430)), [`holders.${budgetKey(doc)}.n`]: 2000 })
  expect((await budgetBooks(emu.db, c)).holdersFen).toBe(2000)
  await h.main({ Type: 'Timer' } as never)
  const b = await budgetBooks(emu.db, c)
  expect(b.holdersFen).toBe(430)
  expect(b.pool.budgetLeft).toBe(10_000 - 430)
})
