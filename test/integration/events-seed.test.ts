/** The demo seed: the story's data, idempotent, and usable at once by the demo identities. */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createEventsFunction } from '../../cloudfunctions/events'
import { FAIR_ID, NANJING_ID, seedEvents, WALK_ID } from '../../tools/seed/events.seed'
import { pathOf } from '../../tools/seed/union-structure'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { seedMember, staffOf } from './events-fixtures'

jest.setTimeout(30_000)

let emu: TestEmulator
const NOW = Date.UTC(2026, 10, 23, 3, 15) // any day: 11:15 in Shanghai
const main = createEventsFunction({ clock: () => NOW })

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedEvents(emu.db, NOW)
  await seedEvents(emu.db, NOW + 60_000)
  await seedMember(emu.db, 'demo-model-worker', '张建国', [], pathOf('u-jn-auto'))
  await seedMember(emu.db, 'demo-event-staff', '刘洋', staffOf(FAIR_ID))
  await seedMember(emu.db, 'demo-officer', '孙丽', [{ role: 'officer' }])
})
afterAll(() => emu.stop())

const count = async (c: string, where: object = {}) => (await emu.db.collection(c).where(where).count()).total

test('the story: a running fair with 50 booths in two zones, gift tiers, the walk with start and summit', async () => {
  expect(await count(COLLECTIONS.events)).toBe(3)
  expect(await count(COLLECTIONS.eventBooths, { eventId: FAIR_ID, zoneId: 'A' })).toBe(25)
  expect(await count(COLLECTIONS.eventBooths, { eventId: FAIR_ID, zoneId: 'B' })).toBe(25)
  const fair = okData(await invoke(main, 'demo-model-worker', 'eventDetail', { eventId: FAIR_ID }))
  expect(fair).toMatchObject({ title: '跟着劳模赶大集', phase: 'ongoing', boothCount: 50 })
  expect(fair.booths.map((b: { name: string }) => b.name)).toEqual(
    expect.arrayContaining(['南京盐水鸭', '雨花茶', '南京云锦', '金陵刻经', '南京绒花']),
  )
  // one coherent city for the demo union (issue 8 defect 16)
  expect(fair).toMatchObject({ organiser: '南京市总工会', venue: { city: '南京市' } })
  expect(fair.tiers.map((t: { rule: object }) => t.rule)).toEqual([
    { minTotal: 10, minPerZone: 0 },
    { minTotal: 10, minPerZone: 5 },
  ])
  // 玄武区总工会's walk is for its own members (issue 20): 张建国 of 江宁 reads why he cannot sign up
  const walk = okData(await invoke(main, 'demo-model-worker', 'eventDetail', { eventId: WALK_ID }))
  expect(walk).toMatchObject({ phase: 'ongoing', signedUp: 0, signUp: { capacity: 600 }, mySignUp: null, organiser: '玄武区总工会' })
  expect(walk.within).toEqual({ unionId: 'u-xuanwu', name: '玄武区总工会' })
  expect(walk.notForYou).toContain('仅限玄武区总工会所属会员')
  expect(await invoke(main, 'demo-model-worker', 'signUp', { eventId: WALK_ID })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' })
  const craft = okData(await invoke(main, 'demo-model-worker', 'eventDetail', { eventId: NANJING_ID }))
  expect(craft).toMatchObject({ organiser: '秦淮区总工会', unionId: 'u-qinhuai' })
  expect(walk.checkpoints.map((c: { name: string }) => c.name)).toEqual(['起点', '山顶'])
})

test('the demo works at once: the model worker redeems a gift at the staff desk; stamping a printed code', async () => {
  const card = okData(await invoke(main, 'demo-model-worker', 'stampCard', { eventId: FAIR_ID }))
  expect(card).toMatchObject({ total: 10, tiers: [{ qualified: true }, { qualified: true }] })
  const token = okData(await invoke(main, 'demo-model-worker', 'giftCode', { eventId: FAIR_ID, tierId: 'fairT55' })).token
  expect(okData(await invoke(main, 'demo-event-staff', 'redeemGift', { eventId: FAIR_ID, token, desk: '2号兑换台' }))).toMatchObject({
    outcome: 'granted',
    tier: { left: 119 },
  })
  const codes = okData(await invoke(main, 'demo-officer', 'boothCodes', { eventId: FAIR_ID })).codes
  const fresh = codes.find((c: { boothId: string }) => c.boothId === 'fairB10')
  expect(okData(await invoke(main, 'demo-model-worker', 'stamp', { code: fresh.code, eventId: FAIR_ID })).card.total).toBe(11)
})
