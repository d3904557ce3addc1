import fc from 'fast-check'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { seedMembers, seedRole } from './screening.fixtures'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { budgetBooks, campaignInput, codeOf, HOUR, merchant, setUpOfficer, staffScope, T0, vouchersHarness } from './vouchers-fixtures'

let emu: TestEmulator
const h = vouchersHarness()
let shopA: string
let shopB: string
let mw: string // 95折 with 劳模 折上折 at A

beforeAll(async () => {
  emu = await startTestEmulator()
  await setUpOfficer(emu.db)
  await seedMembers(emu.db, [
    { openid: 'zhang', name: '张建国', tags: ['劳模'], branch: '南京市总工会' },
    { openid: 'wang', name: '王秀英' },
    { openid: 'selfie', name: '陈静' },
    ...Array.from({ length: 6 }, (_x, i) => ({ openid: `p${i}` })),
  ])
  shopA = await merchant(h, '东西部协作消费帮扶农产品展销馆')
  shopB = await merchant(h, '南京中央商场（新街口店）')
  await seedRole(emu.db, 'cashier-a', staffScope(shopA))
  await seedRole(emu.db, 'manager-a', staffScope(shopA, true))
  await seedRole(emu.db, 'cashier-b', staffScope(shopB))
  await emu.db
    .collection(COLLECTIONS.users)
    .doc('selfie')
    .update({ roles: [staffScope(shopA)] })
  mw = (
    await h.ok(
      'officer',
      'createCampaign',
      campaignInput([shopA], { totalVouchers: 100, modelWorkerBonus: { ratePercent: 95, capFen: 1000, funder: 'union' } }),
    )
  ).id
}, 60_000)
afterAll(() => emu.stop())

const redeem = (till: string, merchantId: string, code: string, billFen = 8600, requestId?: string) =>
  h.call(till, 'redeem', { merchantId, code, billFen, till: '1号收银台' }, requestId)
const fail = (r: { ok: boolean }) => (r.ok ? 'OK' : (r as unknown as { code: string }).code)

it('preview shows the masked member, the 劳模 mark and both deductions in their fixed order', async () => {
  const v = await h.ok('zhang', 'claim', { campaignId: mw })
  const p = await h.ok('cashier-a', 'preview', { merchantId: shopA, code: await codeOf(h, 'zhang', v.id), billFen: 8600 })
  expect(p).toMatchObject({ memberMasked: '张**', modelWorker: true, voucherFen: 430, modelWorkerFen: 408, payableFen: 7762 })
  expect(p.steps).toHaveLength(2)
  expect(p.steps.join(' ')).toMatch(/减 ¥\d+\.\d{2}.*减 ¥\d+\.\d{2}/) // sums as the till shows them
})

it('authorisation: merchant A vs B, own vouchers only, no self-redemption', async () => {
  const v = await h.ok('wang', 'claim', { campaignId: mw })
  const code = await codeOf(h, 'wang', v.id)
  expect(fail(await redeem('cashier-b', shopA, code))).toBe('FORBIDDEN')
  expect(fail(await redeem('cashier-b', shopB, code))).toBe('VOUCHER_OTHER_MERCHANT')
  expect(fail(await h.call('zhang', 'voucherCode', { voucherId: v.id }))).toBe('NOT_FOUND')
  expect(fail(await h.call('cashier-b', 'todayRedemptions', { merchantId: shopA }))).toBe('FORBIDDEN')
  expect(fail(await h.call('wang', 'preview', { merchantId: shopA, code, billFen: 100 }))).toBe('FORBIDDEN')
  const own = await h.ok('selfie', 'claim', { campaignId: mw })
  expect(fail(await redeem('selfie', shopA, await codeOf(h, 'selfie', own.id)))).toBe('VOUCHER_SELF_REDEEM')
  const row = await h.ok('cashier-a', 'redeem', { merchantId: shopA, code, billFen: 8600, till: '2号收银台' })
  expect(fail(await h.call('cashier-b', 'reverse', { merchantId: shopB, redemptionId: row.id }))).toBe('FORBIDDEN')
  expect(fail(await h.call('cashier-b', 'statement', { merchantId: shopA, period: 'day', date: '2027-03-08' }))).toBe('FORBIDDEN')
  expect((await h.ok('wang', 'myVouchers')).every((x: { id: string }) => x.id === v.id)).toBe(true)
})

it('codes: forged, altered, expired, replayed and suspended each have their own code; every attempt is logged', async () => {
  const c = (await h.ok('officer', 'createCampaign', campaignInput([shopA, shopB], { perMember: 3, totalVouchers: 100 }))).id
  const v = await h.ok('p0', 'claim', { campaignId: c })
  const code = await codeOf(h, 'p0', v.id)
  expect(fail(await redeem('cashier-a', shopA, 'not-a-code'))).toBe('VOUCHER_CODE_FORGED')
  const i = code.length - 3
  expect(fail(await redeem('cashier-a', shopA, code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1)))).toBe(
    'VOUCHER_CODE_ALTERED',
  )
  h.clock.now += 40_000
  expect(fail(await redeem('cashier-a', shopA, code))).toBe('VOUCHER_CODE_EXPIRED')
  h.clock.now -= 40_000
  const rid = 'redeem-once-0001'
  const first = await redeem('cashier-a', shopA, code, 5000, rid)
  const retry = await redeem('cashier-a', shopA, code, 5000, rid)
  expect(retry).toEqual(first) // same request id: the first outcome, nothing twice
  await h.ok('cashier-a', 'reverse', { merchantId: shopA, redemptionId: (first as { data: { id: string } }).data.id })
  expect((await h.ok('p0', 'voucherCode', { voucherId: v.id })).voucher.status).toBe('unused') // back to the member
  expect(fail(await redeem('cashier-a', shopA, code))).toBe('VOUCHER_CODE_REPLAYED')
  await h.ok('officer', 'setMerchantSuspended', { merchantId: shopB, suspended: true })
  expect(fail(await redeem('cashier-b', shopB, await codeOf(h, 'p0', v.id)))).toBe('MERCHANT_SUSPENDED')
  await h.ok('officer', 'setMerchantSuspended', { merchantId: shopB, suspended: false })
  const attempts = (await emu.db.collection(COLLECTIONS.voucherAttempts).where({ voucherId: v.id }).limit(100).get()).data as {
    action: string
    ok: boolean
    code: string | null
  }[]
  // The retry with the same request id was answered from the first outcome: it is not a second attempt.
  expect(attempts.map((a) => `${a.action}:${a.ok ? 'OK' : a.code}`).sort()).toEqual([
    'redeem:MERCHANT_SUSPENDED',
    'redeem:OK',
    'redeem:VOUCHER_CODE_REPLAYED',
    'reverse:OK',
  ])
  // An expired or forged code names no voucher we can trust; the attempt is logged all the same.
  for (const code of ['VOUCHER_CODE_FORGED', 'VOUCHER_CODE_ALTERED', 'VOUCHER_CODE_EXPIRED']) {
    const logged = (await emu.db.collection(COLLECTIONS.voucherAttempts).where({ code, merchantId: shopA }).limit(100).get()).data
    expect([code, logged.length]).toEqual([code, 1])
  }
})

it('claim: a retry with the same request id gets the first voucher back, also once the pool is gone; never a second', async () => {
  const c = (await h.ok('officer', 'createCampaign', campaignInput([shopA], { perMember: 3, totalVouchers: 1, budgetFen: 5000 }))).id
  const first = await h.call('p4', 'claim', { campaignId: c }, 'claim-retry-0001')
  const retry = await h.call('p4', 'claim', { campaignId: c }, 'claim-retry-0001')
  expect(first.ok && retry).toEqual(first)
  expect(fail(await h.call('p4', 'claim', { campaignId: c }, 'claim-other-0002'))).toBe('SOLD_OUT')
  expect((await h.ok('p4', 'myVouchers')).filter((v: { campaignId: string }) => v.campaignId === c)).toHaveLength(1)
})

it('reverse within the window; a second reversal changes nothing; after the window it is refused', async () => {
  const v = await h.ok('p1', 'claim', { campaignId: mw })
  const row = await h.ok('cashier-a', 'redeem', { merchantId: shopA, code: await codeOf(h, 'p1', v.id), billFen: 3000, till: '1号收银台' })
  const before = await budgetBooks(emu.db, mw)
  await h.ok('cashier-a', 'reverse', { merchantId: shopA, redemptionId: row.id })
  expect(fail(await h.call('cashier-a', 'reverse', { merchantId: shopA, redemptionId: row.id }))).toBe('ALREADY_REVERSED')
  const after = await budgetBooks(emu.db, mw)
  expect(after.usedFen).toBe(before.usedFen - row.unionFen)
  expect(after.takenFen).toBe(after.usedFen + after.reservedFen)
  // The officer's export: the reversal's amounts are negative numbers a spreadsheet sums, not text.
  const { csv } = await h.ok('officer', 'exportCampaign', { campaignId: mw })
  const reversal = (csv as string).split('\r\n').find((l) => l.startsWith(`${row.id}-x,`))!
  const money = (fen: number) => (-fen / 100).toFixed(2)
  expect(reversal.split(',').slice(-3)).toEqual([money(3000), money(row.unionFen), money(row.merchantFen)])
  const row2 = await h.ok('cashier-a', 'redeem', { merchantId: shopA, code: await codeOf(h, 'p1', v.id), billFen: 3000, till: '1号收银台' })
  h.clock.now += 2 * HOUR
  expect(fail(await h.call('cashier-a', 'reverse', { merchantId: shopA, redemptionId: row2.id }))).toBe('REVERSE_WINDOW_PASSED')
  h.clock.now -= 2 * HOUR
})

it('settlement: totals equal redemptions minus reversals; the manager confirms a closed day; a late row reopens it and says so', async () => {
  const date = '2027-03-08'
  const s = await h.ok('manager-a', 'statement', { merchantId: shopA, period: 'day', date })
  // The day is still open (10:00 Beijing): a confirmation now would be made void by the afternoon's sales.
  expect(fail(await h.call('manager-a', 'confirmStatement', { merchantId: shopA, period: 'day', date, digest: s.digest }))).toBe(
    'PERIOD_NOT_CLOSED',
  )
  expect((await h.ok('manager-a', 'statement', { merchantId: shopA, period: 'day', date })).state).toBe('open')
  const today = h.clock.now
  h.clock.now = s.closesAt
  const redeems = s.rows.filter((r: { type: string }) => r.type === 'redeem')
  const reverses = s.rows.filter((r: { type: string }) => r.type === 'reverse')
  const sum = (rs: { unionFen: number }[]) => rs.reduce((a, r) => a + r.unionFen, 0)
  expect(s.totals.unionFen).toBe(sum(redeems) - sum(reverses))
  expect(s.totals.redemptions).toBe(redeems.length)
  expect(s.digest).toMatch(/^[0-9a-f]{64}$/)
  expect(fail(await h.call('cashier-a', 'confirmStatement', { merchantId: shopA, period: 'day', date, digest: s.digest }))).toBe(
    'FORBIDDEN',
  )
  expect(fail(await h.call('manager-a', 'confirmStatement', { merchantId: shopA, period: 'day', date, digest: '0'.repeat(64) }))).toBe(
    'STATEMENT_CHANGED',
  )
  expect((await h.ok('manager-a', 'confirmStatement', { merchantId: shopA, period: 'day', date, digest: s.digest })).state).toBe(
    'confirmed',
  )
  // A row landing in the confirmed day afterwards (as the timer's backfill of a call that died would).
  h.clock.now = today
  const v = await h.ok('p2', 'claim', { campaignId: mw })
  await h.ok('cashier-a', 'redeem', { merchantId: shopA, code: await codeOf(h, 'p2', v.id), billFen: 1000, till: '1号收银台' })
  const again = await h.ok('manager-a', 'statement', { merchantId: shopA, period: 'day', date })
  expect(again.digest).not.toBe(s.digest)
  expect(again.state).toBe('open')
  expect(again.dropped?.at).toBe(s.closesAt)
  const week = await h.ok('officer', 'statement', { merchantId: shopA, period: 'week', date })
  expect(week.totals).toEqual(again.totals)
  const disputed = await h.ok('manager-a', 'disputeStatement', {
    merchantId: shopA,
    period: 'day',
    date,
    rowId: again.rows[0].id,
    note: '金额不符',
  })
  expect(disputed.state).toBe('disputed')
})

it('expiry: the timer expires unused vouchers and returns their reservations, and reminds before', async () => {
  const c = (
    await h.ok('officer', 'createCampaign', campaignInput([shopA], { totalVouchers: 10, budgetFen: 20_000, useEndsAt: T0 + 3 * 24 * HOUR }))
  ).id
  const v = await h.ok('p3', 'claim', { campaignId: c })
  h.clock.now = T0 + 2 * 24 * HOUR + HOUR
  await h.main({ Type: 'Timer' } as never)
  const outbox = (await emu.db.collection(COLLECTIONS.outbox).where({ openid: 'p3' }).get()).data as { kind: string }[]
  expect(outbox.map((n) => n.kind)).toContain('voucher_expiry')
  h.clock.now = T0 + 3 * 24 * HOUR
  await h.main({ Type: 'Timer' } as never)
  expect((await h.ok('p3', 'voucherCode', { voucherId: v.id })).voucher.status).toBe('expired')
  const b = await budgetBooks(emu.db, c)
  expect(b.pool.budgetLeft).toBe(20_000)
  h.clock.now = T0
})

it('property: random claim / redeem / reverse / expire sequences keep the books exact', async () => {
  const people = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5']
  const step = fc.record({
    who: fc.integer({ min: 0, max: 5 }),
    op: fc.constantFrom('claim', 'redeem', 'reverse', 'expire'),
    bill: fc.integer({ min: 0, max: 50_000 }),
  })
  let n = 0
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(step, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), async (rounds) => {
      h.clock.now = T0
      const c = (
        await h.ok(
          'officer',
          'createCampaign',
          campaignInput([shopA], { name: `p${n++}`, perMember: 2, totalVouchers: 5, budgetFen: 7_000, useEndsAt: T0 + 10 * HOUR }),
        )
      ).id
      for (const round of rounds) {
        await Promise.all(
          round.map(async (s) => {
            const o = people[s.who]
            if (s.op === 'claim') return void (await h.call(o, 'claim', { campaignId: c }))
            const mine = (
              (await h.ok(o, 'myVouchers')) as { id: string; campaignId: string; status: string; redemption: { id: string } | null }[]
            ).filter((v) => v.campaignId === c)
            const unused = mine.find((v) => v.status === 'unused')
            const code = unused && (await h.ok(o, 'voucherCode', { voucherId: unused.id })).code // null once the use window is over
            if (s.op === 'redeem' && code) {
              const r = await h.call('cashier-a', 'redeem', { merchantId: shopA, code: code.token, billFen: s.bill, till: '1号收银台' })
              if (!r.ok) expect(['VOUCHER_ALREADY_REDEEMED', 'VOUCHER_CODE_REPLAYED']).toContain(r.code)
            }
            const used = mine.find((v) => v.status === 'redeemed')
            if (s.op === 'reverse' && used?.redemption)
              await h.call('cashier-a', 'reverse', { merchantId: shopA, redemptionId: used.redemption.id })
          }),
        )
        if (round.some((s) => s.op === 'expire')) {
          h.clock.now = T0 + 10 * HOUR
          await h.main({ Type: 'Timer' } as never)
        }
        const b = await budgetBooks(emu.db, c)
        expect(b.takenFen).toBe(b.usedFen + b.reservedFen) // budget used = live deductions, reserved = live reservations
        expect(b.usedFen + b.reservedFen + b.pool.budgetLeft).toBe(7_000)
        expect(b.pool.left + b.vs.length).toBe(5)
        expect(b.pool.claimed).toBe(b.vs.length)
        expect(b.pool.usedFen).toBe(b.usedFen)
        const perMember = new Map<string, number>()
        for (const v of b.vs) perMember.set(v.openid, (perMember.get(v.openid) ?? 0) + 1)
        expect(Math.max(0, ...perMember.values())).toBeLessThanOrEqual(2)
      }
    }),
    { numRuns: 12 },
  )
  h.clock.now = T0
}, 240_000)
