/** Officers edit booths, gift tiers and checkpoints in place; the timer trigger sweeps every event. */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createPlaceStore } from '../../cloudfunctions/common/place-store'
import { createEventsFunction } from '../../cloudfunctions/events'
import { buildInvocation } from '../../tools/host/identity'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { giveStamp, HOUR, seedFair, seedMember, staffOf, T0 } from './events-fixtures'

jest.setTimeout(30_000)

let emu: TestEmulator
let now = T0
const main = createEventsFunction({ clock: () => now })
const tierDoc = async (id: string) => (await emu.db.collection(COLLECTIONS.eventTiers).doc(id).get()).data[0]

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedMember(emu.db, 'officer', '孙丽', [{ role: 'officer' }])
  await seedMember(emu.db, 'member', '李明')
  await seedFair(emu.db, { id: 'ed1' })
  await seedFair(emu.db, { id: 'ed2' })
})
afterAll(() => emu.stop())

test('booths, tiers and checkpoints are edited in place; the booth keeps its printed code', async () => {
  const code = okData(await invoke(main, 'officer', 'boothCodes', { eventId: 'ed1' })).codes[0].code
  const booth = okData(
    await invoke(main, 'officer', 'saveBooth', { eventId: 'ed1', id: 'ed1A0', zoneId: 'B', name: '绛州澄泥砚', exhibitor: '新绛县总工会' }),
  )
  expect(booth).toMatchObject({ id: 'ed1A0', zoneId: 'B', name: '绛州澄泥砚', exhibitor: '新绛县总工会', codeVersion: 0 })
  expect(okData(await invoke(main, 'member', 'stamp', { code })).stamp).toMatchObject({ boothId: 'ed1A0', boothName: '绛州澄泥砚' })
  const cp = okData(
    await invoke(main, 'officer', 'saveCheckpoint', {
      eventId: 'ed1',
      id: 'ed1M',
      name: '山顶观景台',
      opensAt: T0,
      closesAt: T0 + 3 * HOUR,
    }),
  )
  expect(cp).toEqual({ id: 'ed1M', eventId: 'ed1', name: '山顶观景台', opensAt: T0, closesAt: T0 + 3 * HOUR, order: 1 })
  const tier = okData(
    await invoke(main, 'officer', 'saveTier', {
      eventId: 'ed1',
      id: 'ed1T',
      name: '集满2枚',
      gift: '马年春节礼包',
      rule: { minTotal: 2, minPerZone: 1 },
      stock: 12,
    }),
  )
  expect(tier).toMatchObject({
    id: 'ed1T',
    name: '集满2枚',
    gift: '马年春节礼包',
    rule: { minTotal: 2, minPerZone: 1 },
    stock: 12,
    left: 12,
  })
  const view = okData(await invoke(main, 'officer', 'manageEvent', { eventId: 'ed1' }))
  expect(view.booths).toHaveLength(6)
  expect(view.booths[0]).toMatchObject({ id: 'ed1A0', name: '绛州澄泥砚' })
  expect(view.checkpoints.map((c: { name: string }) => c.name)).toEqual(['起点', '山顶观景台'])
  expect(view.tiers).toHaveLength(1)
})

test('bad edits are refused with the field and change nothing', async () => {
  const booths = async () => (await emu.db.collection(COLLECTIONS.eventBooths).doc('ed2A1').get()).data[0]
  const before = await booths()
  expect(
    await invoke(main, 'officer', 'saveBooth', { eventId: 'ed2', id: 'ed2A1', zoneId: 'Z', name: '新名', exhibitor: '' }),
  ).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field: 'zoneId' })
  expect(
    await invoke(main, 'officer', 'saveBooth', { eventId: 'ed1', id: 'ed2A1', zoneId: 'A', name: '新名', exhibitor: '' }),
  ).toMatchObject({ ok: false, code: 'NOT_FOUND', field: 'id' })
  expect(await invoke(main, 'officer', 'saveBooth', { eventId: 'ed2', id: 'ed2A1', zoneId: 'A', name: ' ', exhibitor: '' })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'name',
  })
  expect(await booths()).toEqual(before)
  expect(
    await invoke(main, 'officer', 'saveCheckpoint', { eventId: 'ed2', id: 'ed2S', name: '起点', opensAt: T0, closesAt: T0 }),
  ).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field: 'closesAt' })
  expect(
    await invoke(main, 'officer', 'saveTier', {
      eventId: 'ed2',
      id: 'ed2T',
      name: '档',
      gift: '礼',
      rule: { minTotal: 1, minPerZone: 0 },
      stock: -1,
    }),
  ).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field: 'stock' })
  expect(
    await invoke(main, 'member', 'saveTier', {
      eventId: 'ed2',
      id: 'ed2T',
      name: '档',
      gift: '礼',
      rule: { minTotal: 1, minPerZone: 0 },
      stock: 99,
    }),
  ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await tierDoc('ed2T')).toMatchObject({ name: '集满档', stock: 10, left: 10 })
})

test('a stock edit racing eight redemptions keeps left exact: stock − left = gifts given', async () => {
  await seedFair(emu.db, { id: 'ed3', stock: 10 })
  await seedMember(emu.db, 'desk', '刘洋', staffOf('ed3'))
  const people = Array.from({ length: 8 }, (_, i) => `rd${i}`)
  for (const p of people) {
    await seedMember(emu.db, p, '周强')
    await giveStamp(emu.db, 'ed3', 'ed3A0', 'A', p)
  }
  const tokens = await Promise.all(
    people.map(async (p) => okData(await invoke(main, p, 'giftCode', { eventId: 'ed3', tierId: 'ed3T' })).token),
  )
  const edit = { eventId: 'ed3', id: 'ed3T', name: '集满档', gift: '关公贴', rule: { minTotal: 1, minPerZone: 0 }, stock: 5 }
  const [edited, ...redeemed] = await Promise.all([
    invoke(main, 'officer', 'saveTier', edit),
    ...tokens.map((token) => invoke(main, 'desk', 'redeemGift', { eventId: 'ed3', token, desk: '1号兑换台' })),
  ])
  const granted = redeemed.filter((r) => r.ok && r.data.outcome === 'granted').length
  const doc = await tierDoc('ed3T')
  const given = (await emu.db.collection(COLLECTIONS.eventRedemptions).where({ tierId: 'ed3T', state: 'confirmed' }).count()).total
  expect(given).toBe(granted)
  expect(doc.stock - doc.left).toBe(granted)
  expect(doc.holders).toEqual({})
  if (edited.ok) {
    expect(doc.stock).toBe(5)
    expect(granted).toBe(5)
    expect(redeemed.filter((r) => !r.ok && r.code === 'OUT_OF_STOCK')).toHaveLength(3)
  } else {
    expect(edited).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'stock' })
    expect(doc.stock).toBe(10)
    expect(granted).toBe(8)
  }
  // whichever won, the stock can be raised again and may never go below the gifts given
  expect(await invoke(main, 'officer', 'saveTier', { ...edit, stock: granted - 1 })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'stock',
  })
  expect(okData(await invoke(main, 'officer', 'saveTier', { ...edit, stock: 20 }))).toMatchObject({
    stock: 20,
    left: 20 - granted,
    redeemed: granted,
  })
})

test('the timer trigger (no caller) sweeps every event; a member cannot pose as the timer', async () => {
  await seedFair(emu.db, { id: 'ed4', stock: 3 })
  const claim = 'ed4T:crashed'
  await emu.db.collection(COLLECTIONS.eventRedemptions).add({
    _id: claim,
    claimId: 'k-crashed',
    eventId: 'ed4',
    tierId: 'ed4T',
    openid: 'crashed',
    state: 'pending',
    pendingAt: now,
    redeemedAt: null,
    desk: '1',
    staff: 's',
  })
  expect(await createPlaceStore(emu.db, COLLECTIONS.eventTiers).take('ed4T', 'k-crashed', { c: claim })).toBe(true)
  expect(await tierDoc('ed4T')).toMatchObject({ left: 2, holders: { 'k-crashed': { c: claim } } })
  // not stale yet
  expect(await main({ Type: 'Timer', TriggerName: 'sweep' } as never, {})).toMatchObject({ ok: true, data: { released: 0 } })
  now = T0 + 2 * 60_000
  const posed = buildInvocation('events', {}, 'member')
  expect(await main({ ...posed.event, Type: 'Timer', TriggerName: 'sweep' } as never, posed.context)).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'action',
  })
  expect(await invoke(main, 'member', 'sweepPending', { eventId: 'ed4' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await tierDoc('ed4T')).toMatchObject({ left: 2, holders: { 'k-crashed': { c: claim } } })
  const tick = await main({ Type: 'Timer', TriggerName: 'sweep', Time: '2027-01-01T02:02:00Z' } as never, {})
  expect(tick).toMatchObject({ ok: true, data: { released: 1 } })
  expect((tick as { data: { events: number } }).data.events).toBe(4) // ed1…ed4
  expect(await tierDoc('ed4T')).toMatchObject({ left: 3 })
  expect((await tierDoc('ed4T')).holders).toEqual({})
  expect((await emu.db.collection(COLLECTIONS.eventRedemptions).doc(claim).get()).data).toHaveLength(0)
  now = T0
})
