/** Officers: create and edit events and their parts, exports, the sweeper; members and staff are kept out. */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createPlaceStore } from '../../cloudfunctions/common/place-store'
import { createEventsFunction } from '../../cloudfunctions/events'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { giveStamp, HOUR, seedMember, staffOf, T0 } from './events-fixtures'

jest.setTimeout(30_000)

let emu: TestEmulator
let now = T0
const main = createEventsFunction({ clock: () => now })

const walk = {
  kind: 'activity',
  title: '新年登高',
  description: '5公里健步走',
  organiser: '玄武区总工会',
  venue: { name: '紫金山景区', address: '玄武区', city: '南京市' },
  startsAt: T0,
  endsAt: T0 + 6 * HOUR,
  zones: [],
  signUp: { required: true, capacity: 600, closesAt: null },
  stampRules: { cooldownSeconds: 0 },
}
const fair = {
  ...walk,
  kind: 'fair',
  title: '跟着劳模赶大集',
  zones: [
    { id: 'A', name: '匠心特产集' },
    { id: 'B', name: '巧手工艺廊' },
  ],
  signUp: { required: false, capacity: null, closesAt: null },
}

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedMember(emu.db, 'officer', '孙丽', [{ role: 'officer' }])
  await seedMember(emu.db, 'member', '李明')
})
afterAll(() => emu.stop())

const count = async (c: string) => (await emu.db.collection(c).count()).total

test('malformed or unauthorised saves are refused and change nothing', async () => {
  expect(await invoke(main, 'officer', 'saveEvent', { ...walk, endsAt: T0 - 1 })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'endsAt',
  })
  expect(await invoke(main, 'officer', 'saveEvent', { ...walk, title: '' })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'title',
  })
  expect(await invoke(main, 'officer', 'saveEvent', { ...walk, kind: 'party' })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'kind',
  })
  expect(await invoke(main, 'member', 'saveEvent', walk)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await count(COLLECTIONS.events)).toBe(0)
})

test('an officer builds a fair: booths, tiers, checkpoints; edits are checked against what happened', async () => {
  const ev = okData(await invoke(main, 'officer', 'saveEvent', fair))
  expect(ev).toMatchObject({ title: '跟着劳模赶大集', phase: 'ongoing', booths: [], tiers: [] })
  await seedMember(emu.db, 'staff', '刘洋', staffOf(ev.id))
  const booth = okData(
    await invoke(main, 'officer', 'saveBooth', { eventId: ev.id, zoneId: 'A', name: '平陆猕猴桃', exhibitor: '平陆县总工会' }),
  )
  expect(booth).toMatchObject({ zoneId: 'A', codeVersion: 0 })
  expect(booth.id.length).toBeLessThanOrEqual(10)
  expect(await invoke(main, 'officer', 'saveBooth', { eventId: ev.id, zoneId: 'Z', name: 'x', exhibitor: '' })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'zoneId',
  })
  expect(await invoke(main, 'staff', 'saveBooth', { eventId: ev.id, zoneId: 'A', name: 'x', exhibitor: '' })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  })
  const tier = okData(
    await invoke(main, 'officer', 'saveTier', {
      eventId: ev.id,
      name: '集满1枚',
      gift: '关公贴',
      rule: { minTotal: 1, minPerZone: 0 },
      stock: 3,
    }),
  )
  expect(tier).toMatchObject({ stock: 3, left: 3, redeemed: 0 })
  const cp = okData(await invoke(main, 'officer', 'saveCheckpoint', { eventId: ev.id, name: '入口', opensAt: T0, closesAt: T0 + HOUR }))
  expect(cp).toMatchObject({ name: '入口', order: 0 })
  // one gift handed out, then the stock may not drop below it
  await giveStamp(emu.db, ev.id, booth.id, 'A', 'member')
  const token = okData(await invoke(main, 'member', 'giftCode', { eventId: ev.id, tierId: tier.id })).token
  okData(await invoke(main, 'staff', 'redeemGift', { eventId: ev.id, token, desk: '2号兑换台' }))
  expect(
    await invoke(main, 'officer', 'saveTier', {
      eventId: ev.id,
      id: tier.id,
      name: '集满1枚',
      gift: '关公贴',
      rule: { minTotal: 1, minPerZone: 0 },
      stock: 0,
    }),
  ).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field: 'stock' })
  const more = okData(
    await invoke(main, 'officer', 'saveTier', {
      eventId: ev.id,
      id: tier.id,
      name: '集满1枚',
      gift: '关公贴',
      rule: { minTotal: 1, minPerZone: 0 },
      stock: 10,
    }),
  )
  expect(more).toMatchObject({ stock: 10, left: 9, redeemed: 1 })
  const edited = okData(await invoke(main, 'officer', 'saveEvent', { ...fair, id: ev.id, title: '跟着劳模赶大集（第二天）' }))
  expect(edited).toMatchObject({ title: '跟着劳模赶大集（第二天）', booths: [{ id: booth.id, name: '平陆猕猴桃', codeVersion: 0 }] })
  expect(await invoke(main, 'officer', 'saveEvent', { ...fair, id: ev.id, zones: [{ id: 'B', name: '巧手工艺廊' }] })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'zones',
  })
  const csv = okData(await invoke(main, 'officer', 'exportRedemptions', { eventId: ev.id }))
  expect(csv.rows).toBe(1)
  expect(csv.csv.split('\r\n')[0]).toBe('\uFEFF礼品档位,礼品,兑换时间,兑换台,会员编号,姓名,会员证号,所属工会')
  expect(csv.csv).toMatch(/集满1枚,关公贴,2027-01-01 10:00:00,2号兑换台,M-[2-9A-Z]{10},李\*,/) // masked by default (events-privacy.test.ts)
  const staffView = okData(await invoke(main, 'staff', 'staffEvents', {})).events
  expect(staffView.map((e: { id: string }) => e.id)).toEqual([ev.id])
  expect(await invoke(main, 'member', 'staffEvents', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  const detail = okData(await invoke(main, 'member', 'eventDetail', { eventId: ev.id }))
  expect(detail).toMatchObject({ boothCount: 1, checkpointCount: 1, tiers: [{ left: 9 }] })
  expect(JSON.stringify(detail)).not.toContain('holders')
})

test('capacity cannot drop below sign-ups; the sweeper returns units held by dead claims', async () => {
  const ev = okData(await invoke(main, 'officer', 'saveEvent', walk))
  okData(await invoke(main, 'member', 'signUp', { eventId: ev.id }))
  expect(await invoke(main, 'officer', 'saveEvent', { ...walk, id: ev.id, signUp: { ...walk.signUp, capacity: 0 } })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
  })
  const tier = okData(
    await invoke(main, 'officer', 'saveTier', {
      eventId: ev.id,
      name: '完赛礼',
      gift: '马年春节礼包',
      rule: { minTotal: 0, minPerZone: 0 },
      stock: 5,
    }),
  )
  // a redemption that died after taking its unit, and one that died before
  for (const [who, took] of [
    ['dead1', true],
    ['dead2', false],
  ] as const) {
    const id = `${tier.id}:${who}`
    await emu.db.collection(COLLECTIONS.eventRedemptions).add({
      _id: id,
      claimId: `k-${who}`,
      eventId: ev.id,
      tierId: tier.id,
      openid: who,
      state: 'pending',
      pendingAt: now,
      redeemedAt: null,
      desk: '1',
      staff: 's',
    })
    if (took) expect(await createPlaceStore(emu.db, COLLECTIONS.eventTiers).take(tier.id, `k-${who}`, { c: id })).toBe(true)
  }
  // a sign-up that died holding a seat, and a confirmed one whose call died before unlisting itself
  const _ = emu.db.command
  const seats = createPlaceStore(emu.db, COLLECTIONS.events, { left: 'seatsLeft' })
  await emu.db
    .collection(COLLECTIONS.eventSignups)
    .add({ _id: `${ev.id}:dead3`, claimId: 'k-dead3', eventId: ev.id, openid: 'dead3', state: 'pending', pendingAt: now, signedUpAt: null })
  expect(await seats.take(ev.id, 'k-dead3', { c: `${ev.id}:dead3` }, { counters: { signedUp: 1 } })).toBe(true)
  const member = (await emu.db.collection(COLLECTIONS.eventSignups).doc(`${ev.id}:member`).get()).data[0]
  await emu.db
    .collection(COLLECTIONS.events)
    .doc(ev.id)
    .update({ [`holders.${member.claimId}`]: _.set({ c: `${ev.id}:member`, n: 1 }) })
  expect(okData(await invoke(main, 'officer', 'sweepPending', { eventId: ev.id }))).toEqual({ released: 0 }) // not stale yet
  now = T0 + 2 * 60_000
  expect(okData(await invoke(main, 'officer', 'sweepPending', { eventId: ev.id }))).toEqual({ released: 2 })
  const after = (await emu.db.collection(COLLECTIONS.eventTiers).doc(tier.id).get()).data[0]
  expect(after).toMatchObject({ left: 5 })
  expect(after.holders).toEqual({})
  const evDoc = (await emu.db.collection(COLLECTIONS.events).doc(ev.id).get()).data[0]
  expect(evDoc).toMatchObject({ signedUp: 1, seatsLeft: 599 })
  expect(evDoc.holders).toEqual({})
  expect((await emu.db.collection(COLLECTIONS.eventRedemptions).where({ eventId: ev.id }).count()).total).toBe(0)
  expect(await invoke(main, 'member', 'sweepPending', { eventId: ev.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  now = T0
})

test('50 members sign up at once for 20 places: exactly 20 seated, 30 told 已满', async () => {
  const ev = okData(
    await invoke(main, 'officer', 'saveEvent', {
      ...walk,
      title: '劳模工匠面对面',
      signUp: { required: true, capacity: 20, closesAt: null },
    }),
  )
  const people = Array.from({ length: 50 }, (_, i) => `su${i}`)
  await Promise.all(people.map((p) => seedMember(emu.db, p, '周强')))
  const results = await Promise.all(people.map((p) => invoke(main, p, 'signUp', { eventId: ev.id })))
  expect(results.filter((r) => r.ok)).toHaveLength(20)
  expect(results.filter((r) => !r.ok && r.code === 'SIGNUP_FULL')).toHaveLength(30)
  const doc = (await emu.db.collection(COLLECTIONS.events).doc(ev.id).get()).data[0]
  expect(doc).toMatchObject({ signedUp: 20, seatsLeft: 0 })
  expect(doc.holders).toEqual({})
  expect((await emu.db.collection(COLLECTIONS.eventSignups).where({ eventId: ev.id }).count()).total).toBe(20)
})
