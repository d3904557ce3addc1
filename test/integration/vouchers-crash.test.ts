import { EventEmitter } from 'node:events'
import { randomUUID } from 'node:crypto'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { readAll } from '../../cloudfunctions/common/paginate'
import type { RedemptionRowDoc, StatementDoc } from '../../cloudfunctions/vouchers/vouchers.docs'
import type { Envelope } from '~types/envelope'
import type { RedemptionRowDTO, StatementDTO } from '~types/vouchers'
import { crashableEmulator } from '../support/crash'
import { seedMembers, seedRole } from './screening.fixtures'
import { budgetBooks, campaignInput, codeOf, merchant, setUpOfficer, staffScope, T0, vouchersHarness } from './vouchers-fixtures'

/**
 * Issue 15: the emulator is SIGKILLed in the middle of a burst of claims, redemptions, refunds or
 * statement confirmations, so calls die at every step (before the decisive write, after it, after the
 * statement row, after the money went back…). After a restart on the same data, every same-id retry
 * answers the first call's outcome at once (never CONFLICT, never the 8 s wait for a dead marker),
 * nothing is done twice, and once the timer has finished what the dead calls left, the books are exact.
 */
jest.setTimeout(180_000)
EventEmitter.defaultMaxListeners = 200

const TILLS = ['till-1', 'till-2', 'till-3', 'till-4']
/**
 * A retry that waited for its dead call's marker would answer CONFLICT after the kit's 8 s wait (the marker never
 * turns stale on this fixed clock); answered sooner and ok, it was answered from what the dead call wrote. On a
 * quiet machine each retry takes well under a second; the bound leaves room for a loaded test machine.
 */
const AT_ONCE_MS = 8_000

/** The function's database is observed: the kill comes right after a chosen write (emu.killedDuring). */
const emu = crashableEmulator('vouchers-crash')
const h = vouchersHarness({ db: emu.observed })

beforeEach(() => {
  h.clock.now = T0
})

/** Every same-id retry, each timed. */
async function retried<T>(calls: (() => Promise<Envelope<T>>)[]): Promise<{ res: Envelope<T>; ms: number }[]> {
  return Promise.all(
    calls.map(async (call) => {
      const t = Date.now()
      const res = await call()
      return { res, ms: Date.now() - t }
    }),
  )
}

/** Each retry answers ok at once, and what its first call answered when that call lived to answer. */
function expectFirstOutcomes<T>(first: Envelope<T>[], retry: { res: Envelope<T>; ms: number }[]): T[] {
  retry.forEach(({ res, ms }, i) => {
    expect([i, res.ok ? 'OK' : res.code]).toEqual([i, 'OK'])
    expect([i, ms < AT_ONCE_MS ? 'at once' : `${ms} ms`]).toEqual([i, 'at once'])
    if (first[i].ok) expect([i, res]).toEqual([i, first[i]])
  })
  return retry.map(({ res }) => (res as { data: T }).data)
}

/**
 * `shops` merchants (four tills at the first, a manager at each), `n` verified members, and a 95折 campaign
 * (2000 fen cap) at every shop with `vouchers` vouchers (default: one per member) and their reservations' budget.
 */
async function setUp(n: number, o: { shops?: number; vouchers?: number } = {}) {
  await emu.start()
  await setUpOfficer(emu.db)
  const members = Array.from({ length: n }, (_x, i) => `m-${i}`)
  await seedMembers(
    emu.db,
    members.map((openid) => ({ openid })),
  )
  const shops: string[] = []
  for (let s = 0; s < (o.shops ?? 1); s++) shops.push(await merchant(h, `商户${s}`))
  for (const t of TILLS) await seedRole(emu.db, t, staffScope(shops[0]))
  for (const [s, id] of shops.entries()) await seedRole(emu.db, `manager-${s}`, staffScope(id, true))
  const vouchers = o.vouchers ?? n
  const campaign = (await h.ok('officer', 'createCampaign', campaignInput(shops, { totalVouchers: vouchers, budgetFen: vouchers * 2000 })))
    .id as string
  return { shops, members, campaign }
}

async function claimAll(campaign: string, members: string[]): Promise<string[]> {
  return Promise.all(members.map(async (o) => (await h.ok<{ id: string }>(o, 'claim', { campaignId: campaign })).id))
}

const rowsOf = (campaignId: string) => readAll<RedemptionRowDoc>(emu.db.collection(COLLECTIONS.voucherRedemptions).where({ campaignId }))

async function timerAfterStaleRule(): Promise<void> {
  h.clock.now = T0 + 61_000
  await h.main({ Type: 'Timer' } as never)
  await h.main({ Type: 'Timer' } as never) // a second tick finds nothing left to do
}

/** The budget's books: the pool agrees with its vouchers, and only steps in flight were ever noted. */
async function expectBooks(campaign: string, o: { redeemed: number; reversed: number; usedFen: number }) {
  const b = await budgetBooks(emu.db, campaign)
  expect(b.takenFen).toBe(b.usedFen + b.reservedFen)
  expect(b.usedFen).toBe(o.usedFen)
  expect(b.pool).toMatchObject({ redeemed: o.redeemed, reversed: o.reversed, usedFen: o.usedFen })
  expect(Object.keys(b.pool.holders).length + Object.keys(b.pool.returns ?? {}).length).toBe(0)
  expect(b.vs.filter((v) => v.returning)).toEqual([])
  return b
}

test('claim: killed mid-rush; a same-id retry gets her voucher back, her next tap finishes her own dead claim at once, the timer gives back the rest', async () => {
  const { members, campaign } = await setUp(60, { vouchers: 30 })
  const ids = members.map(() => randomUUID())
  const claim = (o: string, requestId: string, call = h.callDuringCrash) =>
    call<{ id: string }>(o, 'claim', { campaignId: campaign }, requestId)
  const first = await emu.killedDuring(() => Promise.all(members.map((o, i) => claim(o, ids[i]))), {
    collection: COLLECTIONS.vouchers,
    op: 'add',
    after: 15,
  })
  const died = members.flatMap((_o, i) => (!first[i].ok && (first[i] as { code: string }).code === 'INTERNAL' ? [i] : []))
  // A third of those whose call died retry it, a third tap again (a new request); nobody comes back for the others' claims.
  const same = died.filter((_x, k) => k % 3 === 0)
  const anew = died.filter((_x, k) => k % 3 === 1)
  const answers = await retried([
    ...same.map((i) => () => claim(members[i], ids[i], h.call)),
    ...anew.map((i) => () => claim(members[i], randomUUID(), h.call)),
  ])
  const held = new Map((await budgetBooks(emu.db, campaign)).vs.map((v) => [v.openid, v._id]))
  answers.forEach(({ res, ms }, k) => {
    const who = members[[...same, ...anew][k]]
    const code = res.ok ? 'OK' : res.code
    expect([who, ms < AT_ONCE_MS ? 'at once' : `${ms} ms`]).toEqual([who, 'at once'])
    // OK with her one voucher; CLAIM_LIMIT_REACHED only when her dead call had claimed it (a new request); SOLD_OUT only without one.
    if (code === 'OK') expect([who, (res as { data: { id: string } }).data.id]).toEqual([who, held.get(who)])
    else expect([who, code]).toEqual([who, held.has(who) ? 'CLAIM_LIMIT_REACHED' : 'SOLD_OUT'])
    if (k < same.length && held.has(who)) expect([who, code]).toEqual([who, 'OK'])
  })
  await timerAfterStaleRule()
  const b = await budgetBooks(emu.db, campaign)
  expect(b.vs.length + b.pool.left).toBe(30)
  expect(b.pool.claimed).toBe(b.vs.length)
  expect(b.takenFen).toBe(b.reservedFen)
  expect(
    (await readAll<{ status: string }>(emu.db.collection(COLLECTIONS.vouchers).where({ campaignId: campaign }))).filter(
      (v) => v.status === 'pending',
    ),
  ).toEqual([])
  // What the dead claims held is back in the pool: the rest of the rush gets exactly what is left.
  const late = members.filter((o) => !b.vs.some((v) => v.openid === o))
  const more = await Promise.all(late.map((o) => h.call(o, 'claim', { campaignId: campaign })))
  expect(more.filter((r) => r.ok)).toHaveLength(Math.min(late.length, b.pool.left))
  expect((await budgetBooks(emu.db, campaign)).pool.left).toBe(Math.max(0, b.pool.left - late.length))
})

test('redeem: killed mid-burst; every same-id retry answers its first outcome at once; a refund right after a crashed redemption waits only while its call could live; each voucher redeemed once, the books exact', async () => {
  const {
    shops: [shop],
    members,
    campaign,
  } = await setUp(60)
  const vouchers = await claimAll(campaign, members)
  const codes = await Promise.all(members.map((o, i) => codeOf(h, o, vouchers[i])))
  const reqs = members.map((_o, i) => ({ merchantId: shop, code: codes[i], billFen: 1000 + i * 37, till: `${(i % 4) + 1}号收银台` }))
  const ids = members.map(() => randomUUID())
  const redeem = (i: number) => h.callDuringCrash<RedemptionRowDTO>(TILLS[i % 4], 'redeem', reqs[i], ids[i])
  const first = await emu.killedDuring(() => Promise.all(reqs.map((_r, i) => redeem(i))), {
    collection: COLLECTIONS.voucherRedemptions,
    op: 'add',
    after: 20,
  })
  const rows = expectFirstOutcomes(
    first,
    await retried(reqs.map((_r, i) => () => h.call<RedemptionRowDTO>(TILLS[i % 4], 'redeem', reqs[i], ids[i]))),
  )
  expect(rows.map((r) => r.id)).toEqual(vouchers.map((v) => `${v}-1`))
  expect(rows.every((r) => r.type === 'redeem' && r.reversible && !r.reversed)).toBe(true)

  // A redemption whose call died after the voucher's update still returns its unused part: its refund
  // is refused while that call could still be finishing, then the till finishes the return itself, once.
  const inFlight = (await budgetBooks(emu.db, campaign)).vs.filter((v) => v.returning)
  expect(inFlight.length).toBeGreaterThan(0) // at least the call whose row write tripped the kill
  // Where the kill fell decides which in-flight calls had written their statement row: prefer one that had.
  const written = new Set((await rowsOf(campaign)).map((r) => r.voucherId))
  const withRow = inFlight.find((v) => written.has(v._id))
  const dead = rows.find((r) => r.voucherId === (withRow ?? inFlight[0])._id)!
  h.clock.now = T0 + 5_000
  const early = await h.call('till-1', 'reverse', { merchantId: shop, redemptionId: dead.id })
  if (withRow) expect(early).toMatchObject({ ok: false, code: 'CONFLICT' })
  else {
    // Its row is not written yet: there is nothing to refund until the timer writes it (README, "Left").
    expect(early).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    h.clock.now = T0 + 61_000
    await h.main({ Type: 'Timer' } as never)
  }
  h.clock.now = Math.max(h.clock.now, T0 + 20_000)
  const tills = await Promise.all(
    ['till-1', 'till-2'].map((t) => h.call<RedemptionRowDTO>(t, 'reverse', { merchantId: shop, redemptionId: dead.id })),
  )
  expect(tills.filter((r) => r.ok)).toHaveLength(1)
  expect(tills.filter((r) => !r.ok).map((r) => (r as { code: string }).code)).toEqual([
    expect.stringMatching(/^(CONFLICT|ALREADY_REVERSED)$/),
  ])

  await timerAfterStaleRule()
  const usedFen = rows.reduce((a, r) => a + r.unionFen, 0) - dead.unionFen
  const b = await expectBooks(campaign, { redeemed: 59, reversed: 1, usedFen })
  expect(b.vs.map((v) => v.uses)).toEqual(vouchers.map(() => 1)) // nobody's voucher redeemed twice
  const stored = await rowsOf(campaign)
  expect(
    stored
      .filter((r) => r.type === 'redeem')
      .map((r) => r._id)
      .sort(),
  ).toEqual(rows.map((r) => r.id).sort())
  expect(stored.filter((r) => r.type === 'reverse').map((r) => r._id)).toEqual([`${dead.id}-x`])
})

test('reverse: killed mid-burst of refunds; every same-id retry answers its first outcome at once; each refunded once, the books exact', async () => {
  const {
    shops: [shop],
    members,
    campaign,
  } = await setUp(60)
  const vouchers = await claimAll(campaign, members)
  const redeemed = await Promise.all(
    members.map(async (o, i) =>
      h.ok<RedemptionRowDTO>(TILLS[i % 4], 'redeem', {
        merchantId: shop,
        code: await codeOf(h, o, vouchers[i]),
        billFen: 2000 + i * 53,
        till: '1号收银台',
      }),
    ),
  )
  const ids = members.map(() => randomUUID())
  const reverse = (i: number, call = h.callDuringCrash) =>
    call<RedemptionRowDTO>(TILLS[(i + 1) % 4], 'reverse', { merchantId: shop, redemptionId: redeemed[i].id }, ids[i])
  const first = await emu.killedDuring(() => Promise.all(members.map((_o, i) => reverse(i))), {
    collection: COLLECTIONS.voucherRedemptions,
    op: 'add',
    after: 20,
  })
  const rows = expectFirstOutcomes(first, await retried(members.map((_o, i) => () => reverse(i, h.call))))
  expect(rows.map((r) => r.id)).toEqual(redeemed.map((r) => `${r.id}-x`))
  expect(rows.every((r) => r.type === 'reverse' && !r.reversible)).toBe(true)

  await timerAfterStaleRule()
  const b = await expectBooks(campaign, { redeemed: 0, reversed: 60, usedFen: 0 })
  expect(b.vs.map((v) => v.status)).toEqual(vouchers.map(() => 'unused')) // each back to its member, its reservation taken again
  expect(b.reservedFen).toBe(60 * 2000)
  const stored = await rowsOf(campaign)
  expect(stored.filter((r) => r.type === 'reverse')).toHaveLength(60)
  expect(
    stored
      .filter((r) => r.type === 'redeem')
      .map((r) => r.reversedBy)
      .sort(),
  ).toEqual(rows.map((r) => r.id).sort())
})

test('confirmStatement: killed mid-burst of managers confirming; every same-id retry answers its first outcome at once; one confirmation each', async () => {
  const n = 24
  const { shops, members, campaign } = await setUp(n, { shops: n })
  const vouchers = await claimAll(campaign, members)
  const rows = await Promise.all(
    members.map(async (o, i) =>
      h.ok<RedemptionRowDTO>(`manager-${i}`, 'redeem', {
        merchantId: shops[i],
        code: await codeOf(h, o, vouchers[i]),
        billFen: 3000 + i,
        till: '1号收银台',
      }),
    ),
  )
  const date = new Date(T0 + 8 * 3_600_000).toISOString().slice(0, 10)
  const open = await Promise.all(
    shops.map((merchantId, i) => h.ok<StatementDTO>(`manager-${i}`, 'statement', { merchantId, period: 'day', date })),
  )
  h.clock.now = Math.max(...open.map((s) => s.closesAt)) // the day is over: its statements can be confirmed
  const ids = shops.map(() => randomUUID())
  const confirm = (i: number, call = h.callDuringCrash) =>
    call<StatementDTO>(`manager-${i}`, 'confirmStatement', { merchantId: shops[i], period: 'day', date, digest: open[i].digest }, ids[i])
  const first = await emu.killedDuring(() => Promise.all(shops.map((_s, i) => confirm(i))), {
    collection: COLLECTIONS.voucherStatements,
    op: 'set',
    after: 8,
  })
  const confirmed = expectFirstOutcomes(first, await retried(shops.map((_s, i) => () => confirm(i, h.call))))
  confirmed.forEach((s, i) =>
    expect([i, s.state, s.confirmedDigest, s.rows.map((r) => r.id)]).toEqual([i, 'confirmed', open[i].digest, [rows[i].id]]),
  )
  const saved = await readAll<StatementDoc>(emu.db.collection(COLLECTIONS.voucherStatements).where({ period: 'day' }))
  expect(saved.map((s) => [s.merchantId, s.state, s.by]).sort()).toEqual(shops.map((m, i) => [m, 'confirmed', `manager-${i}`]).sort())
  await timerAfterStaleRule()
  await expectBooks(campaign, { redeemed: n, reversed: 0, usedFen: rows.reduce((a, r) => a + r.unionFen, 0) })
})

test('a reversal whose voucher cannot be reissued any more (its reservation no longer fits) returns only the deduction, and the voucher stays reversed', async () => {
  const {
    shops: [shop],
  } = await setUp(3)
  const c = (await h.ok('officer', 'createCampaign', campaignInput([shop], { totalVouchers: 3, budgetFen: 3999 }))).id
  const a = await h.ok('m-0', 'claim', { campaignId: c })
  const row = await h.ok('till-1', 'redeem', { merchantId: shop, code: await codeOf(h, 'm-0', a.id), billFen: 8600, till: '1号收银台' })
  expect(row.unionFen).toBe(430)
  await h.ok('m-1', 'claim', { campaignId: c }) // 3999 − 430 − 2000 = 1569 left: a reissue needs 2000 − 430 = 1570
  await h.ok('till-1', 'reverse', { merchantId: shop, redemptionId: row.id })
  const b = await expectBooks(c, { redeemed: 0, reversed: 1, usedFen: 0 })
  expect(b.vs.find((v) => v._id === a.id)).toMatchObject({ status: 'reversed', returning: null })
  expect(b.pool.budgetLeft).toBe(1999)
})
