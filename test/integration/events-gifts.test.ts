/** Gift desk: exact stock under contention, one gift per member per tier, distinct refusals, every scan logged. */
import { EventEmitter } from 'node:events'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { env } from '../../cloudfunctions/common/env'
import { createTokenService } from '../../cloudfunctions/common/qr-token.service'
import { createPlaceStore } from '../../cloudfunctions/common/place-store'
import { createEventsFunction } from '../../cloudfunctions/events'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { giveStamp, pool, seedFair, seedMember, staffOf, T0 } from './events-fixtures'

jest.setTimeout(60_000)
EventEmitter.defaultMaxListeners = 50 // the SDK adds a listener per request on shared sockets

let emu: TestEmulator
const main = createEventsFunction({ clock: () => T0 })
const later = createEventsFunction({ clock: () => T0 + 40_000 }) // a 30 s code is stale by then
const members = Array.from({ length: 300 }, (_, i) => `gm${String(i).padStart(3, '0')}`)

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedFair(emu.db, { id: 'gf', stock: 50, rule: { minTotal: 1, minPerZone: 0 } })
  await seedFair(emu.db, { id: 'g2', stock: 10, rule: { minTotal: 2, minPerZone: 1 } })
  await seedMember(emu.db, 'staff-gf', '刘洋', staffOf('gf'))
  await seedMember(emu.db, 'staff-g2', '王芳', staffOf('g2'))
  await seedMember(emu.db, 'officer', '孙丽', [{ role: 'officer' }])
  await seedMember(emu.db, 'nostamps', '赵六')
  await pool(members, 30, async (m) => {
    await seedMember(emu.db, m, '李明')
    await giveStamp(emu.db, 'gf', 'gfA0', 'A', m)
  })
  await giveStamp(emu.db, 'g2', 'g2A0', 'A', 'gm000')
  await giveStamp(emu.db, 'g2', 'g2B0', 'B', 'gm000')
})
afterAll(() => emu.stop())

const tier = async (id: string) => (await emu.db.collection(COLLECTIONS.eventTiers).doc(id).get()).data[0]
const code = async (m: string, eventId: string, tierId: string) =>
  okData(await invoke(main, m, 'giftCode', { eventId, tierId })).token as string

test('300 qualified members race for 50 gifts: exactly 50 granted, 250 OUT_OF_STOCK, stock 0', async () => {
  const tokens = await pool(members, 20, (m) => code(m, 'gf', 'gfT'))
  const results = await Promise.all(
    tokens.map((token, i) => invoke(main, 'staff-gf', 'redeemGift', { eventId: 'gf', token, desk: `${(i % 5) + 1}号兑换台` })),
  )
  const granted = results.filter((r) => r.ok && r.data.outcome === 'granted')
  const refused = results.filter((r) => !r.ok)
  expect(granted).toHaveLength(50)
  expect(refused).toHaveLength(250)
  expect(refused.every((r) => !r.ok && r.code === 'OUT_OF_STOCK')).toBe(true)
  const t = await tier('gfT')
  expect(t.left).toBe(0)
  expect(t.holders).toEqual({})
  expect((await emu.db.collection(COLLECTIONS.eventRedemptions).where({ tierId: 'gfT', state: 'confirmed' }).count()).total).toBe(50)
  expect((await emu.db.collection(COLLECTIONS.eventRedemptions).where({ tierId: 'gfT', state: 'pending' }).count()).total).toBe(0)
  const log = okData(await invoke(main, 'staff-gf', 'scanLog', { eventId: 'gf', refusedOnly: true, limit: 200 }))
  expect(log.entries.length).toBe(200)
  expect(log.entries.every((e: { code: string; kind: string }) => e.code === 'OUT_OF_STOCK' && e.kind === 'gift-redeem')).toBe(true)
  const dash = okData(await invoke(main, 'officer', 'dashboard', { eventId: 'gf' }))
  expect(dash.gifts[0]).toMatchObject({ tierId: 'gfT', stock: 50, left: 0, redeemed: 50 })
  expect(dash.refusals).toEqual([{ code: 'OUT_OF_STOCK', count: 250 }])
})

test('one member code scanned at 5 desks at once → exactly one gift; a re-scan says when and where', async () => {
  const token = await code('gm000', 'g2', 'g2T')
  const results = await Promise.all(
    [1, 2, 3, 4, 5].map((n) => invoke(main, 'staff-g2', 'redeemGift', { eventId: 'g2', token, desk: `${n}号兑换台` })),
  )
  const granted = results.filter((r) => r.ok && r.data.outcome === 'granted')
  expect(granted).toHaveLength(1)
  for (const r of results) expect(r.ok ? r.data.outcome : r.code).toMatch(/granted|already-redeemed|REDEEM_IN_PROGRESS/)
  expect((await tier('g2T')).left).toBe(9)
  const winner = granted[0].ok ? granted[0].data : null
  const again = okData(await invoke(main, 'staff-g2', 'redeemGift', { eventId: 'g2', token, desk: '9号兑换台' }))
  expect(again).toMatchObject({ outcome: 'already-redeemed', desk: winner.desk, redeemedAt: T0, memberName: '李*' })
  const preview = okData(await invoke(main, 'staff-g2', 'previewGift', { eventId: 'g2', token }))
  expect(preview).toMatchObject({ status: 'redeemed', desk: winner.desk })
  expect((await tier('g2T')).left).toBe(9)
  const card = okData(await invoke(main, 'gm000', 'stampCard', { eventId: 'g2' }))
  expect(card.tiers[0].redeemed).toEqual({ redeemedAt: T0, desk: winner.desk })
  expect(await invoke(main, 'gm000', 'giftCode', { eventId: 'g2', tierId: 'g2T' })).toMatchObject({ ok: false, code: 'ALREADY_REDEEMED' })
})

test('a retry with the same request id returns the first outcome and takes no second unit', async () => {
  await giveStamp(emu.db, 'g2', 'g2A0', 'A', 'gm001')
  await giveStamp(emu.db, 'g2', 'g2B1', 'B', 'gm001')
  const token = await code('gm001', 'g2', 'g2T')
  const first = await invoke(main, 'staff-g2', 'redeemGift', { eventId: 'g2', token, desk: '1号兑换台' }, 'retry-req-0001')
  const second = await invoke(main, 'staff-g2', 'redeemGift', { eventId: 'g2', token, desk: '1号兑换台' }, 'retry-req-0001')
  expect(okData(first).outcome).toBe('granted')
  expect(second).toEqual(first)
  expect((await tier('g2T')).left).toBe(8)
})

test('codes are refused with distinct reasons and change nothing', async () => {
  await giveStamp(emu.db, 'g2', 'g2A0', 'A', 'gm002')
  await giveStamp(emu.db, 'g2', 'g2B0', 'B', 'gm002')
  const token = await code('gm002', 'g2', 'g2T')
  const redeem = (m: typeof main, who: string, data: object) => invoke(m, who, 'redeemGift', { eventId: 'g2', desk: '1号兑换台', ...data })
  const forged = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA')
  expect(await redeem(main, 'staff-g2', { token: forged })).toMatchObject({ ok: false, code: 'TOKEN_INVALID' })
  expect(await redeem(main, 'staff-g2', { token: 'hello' })).toMatchObject({ ok: false, code: 'TOKEN_INVALID' })
  expect(await redeem(later, 'staff-g2', { token })).toMatchObject({ ok: false, code: 'TOKEN_EXPIRED' })
  const checkinCode = okData(await invoke(main, 'gm002', 'myCheckInCode', { eventId: 'g2' })).token
  expect(await redeem(main, 'staff-g2', { token: checkinCode })).toMatchObject({ ok: false, code: 'TOKEN_WRONG_PURPOSE' })
  expect(await invoke(main, 'officer', 'redeemGift', { eventId: 'gf', token, desk: '1号' })).toMatchObject({
    ok: false,
    code: 'TOKEN_OTHER_EVENT',
  })
  expect(await redeem(main, 'staff-gf', { token })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await redeem(main, 'gm002', { token })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await invoke(main, 'staff-g2', 'previewGift', { eventId: 'g2', token: forged })).toMatchObject({
    ok: false,
    code: 'TOKEN_INVALID',
  })
  expect(await redeem(main, 'staff-g2', { token, desk: '' })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field: 'desk' })
  expect(await redeem(main, 'staff-g2', { token: 42 })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field: 'token' })
  expect((await tier('g2T')).left).toBe(8)
  expect(okData(await invoke(main, 'staff-g2', 'previewGift', { eventId: 'g2', token }))).toMatchObject({
    status: 'ready',
    memberName: '李*',
  })
  expect(okData(await redeem(main, 'staff-g2', { token })).outcome).toBe('granted')
  // Every desk attempt is logged; callers the router turned away (FORBIDDEN, INVALID_ARGUMENT) never reached a desk.
  const refused = okData(await invoke(main, 'staff-g2', 'scanLog', { eventId: 'g2', refusedOnly: true })).entries.map(
    (e: { code: string }) => e.code,
  )
  expect(refused.sort()).toEqual(['TOKEN_EXPIRED', 'TOKEN_INVALID', 'TOKEN_INVALID', 'TOKEN_INVALID', 'TOKEN_WRONG_PURPOSE'])
})

test('a member short of stamps gets NOT_QUALIFIED with what is missing on the card', async () => {
  expect(await invoke(main, 'nostamps', 'giftCode', { eventId: 'g2', tierId: 'g2T' })).toMatchObject({ ok: false, code: 'NOT_QUALIFIED' })
  const card = okData(await invoke(main, 'nostamps', 'stampCard', { eventId: 'g2' }))
  expect(card.tiers[0]).toMatchObject({ qualified: false, missing: '还差2枚；匠心特产集还差1枚；巧手工艺廊还差1枚' })
  expect(await invoke(main, 'nostamps', 'giftCode', { eventId: 'g2', tierId: 'nope' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

test('sold out only because a desk died holding the last unit: the unit is won back and granted', async () => {
  await seedFair(emu.db, { id: 'g3', stock: 1, rule: { minTotal: 1, minPerZone: 0 } })
  await seedMember(emu.db, 'staff-g3', '刘洋', staffOf('g3'))
  const dead = 'g3T:gm010'
  await emu.db.collection(COLLECTIONS.eventRedemptions).add({
    _id: dead,
    claimId: 'k-dead',
    eventId: 'g3',
    tierId: 'g3T',
    openid: 'gm010',
    state: 'pending',
    pendingAt: T0 - 120_000,
    redeemedAt: null,
    desk: '1',
    staff: 'x',
  })
  expect(await createPlaceStore(emu.db, COLLECTIONS.eventTiers).take('g3T', 'k-dead', { c: dead })).toBe(true)
  await giveStamp(emu.db, 'g3', 'g3A0', 'A', 'gm011')
  // the card shows it sold out
  expect(await invoke(main, 'gm011', 'giftCode', { eventId: 'g3', tierId: 'g3T' })).toMatchObject({ ok: false, code: 'OUT_OF_STOCK' })
  const direct = createTokenService(env().qrKeys, () => T0).issueRotating('gift', 'g3T.gm011').token
  expect(okData(await invoke(main, 'staff-g3', 'redeemGift', { eventId: 'g3', token: direct, desk: '3号兑换台' }))).toMatchObject({
    outcome: 'granted',
    tier: { left: 0 },
  })
  expect(await tier('g3T')).toMatchObject({ left: 0 })
  expect((await tier('g3T')).holders).toEqual({})
  expect((await emu.db.collection(COLLECTIONS.eventRedemptions).doc(dead).get()).data).toHaveLength(0)
})
