/**
 * Every events action's schema is strict at every depth: an unknown key (top-level, nested, or
 * `__proto__`) is INVALID_ARGUMENT naming it, and nothing is written. The samples below pass each
 * schema; the table must cover every action the function declares.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createEventsFunction } from '../../cloudfunctions/events'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke } from '../support/invoke'
import { HOUR, seedFair, seedMember, T0 } from './events-fixtures'

let emu: TestEmulator
const main = createEventsFunction({ clock: () => T0 })
const eventId = 'in'

const event = {
  kind: 'fair',
  title: '跟着劳模赶大集',
  description: '',
  organiser: '南京市总工会',
  venue: { name: '中庭', address: '', city: '南京市' },
  startsAt: T0,
  endsAt: T0 + HOUR,
  zones: [{ id: 'A', name: '匠心特产集' }],
  signUp: { required: false, capacity: null, closesAt: null },
  stampRules: { cooldownSeconds: 0 },
}
const tier = { eventId, name: '集满档', gift: '关公贴', rule: { minTotal: 1, minPerZone: 0 }, stock: 5 }

/** A request each action's schema accepts. */
const SAMPLES: Record<string, object> = {
  listEvents: {},
  eventDetail: { eventId },
  signUp: { eventId },
  stampCard: { eventId },
  stamp: { code: 'x' },
  giftCode: { eventId, tierId: 'inT' },
  myCheckInCode: { eventId },
  codeStatus: { eventId },
  selfCheckIn: { token: 'x' },
  myCheckIns: {},
  staffEvents: {},
  previewGift: { eventId, token: 'x' },
  redeemGift: { eventId, token: 'x', desk: '1号兑换台' },
  checkIn: { eventId, checkpointId: 'inS', token: 'x' },
  checkpointCode: { eventId, checkpointId: 'inS' },
  checkpointPoster: { eventId, checkpointId: 'inS' },
  checkInCounts: { eventId },
  dashboard: { eventId },
  scanLog: { eventId },
  manageEvent: { eventId },
  saveEvent: event,
  saveBooth: { eventId, zoneId: 'A', name: '展位', exhibitor: '' },
  saveTier: tier,
  saveCheckpoint: { eventId, name: '起点', opensAt: T0, closesAt: T0 + HOUR },
  boothCodes: { eventId },
  boothCodeImage: { eventId, boothId: 'inA0' },
  reissueBoothCode: { eventId, boothId: 'inA0' },
  exportCheckIns: { eventId },
  exportRedemptions: { eventId },
  sweepPending: { eventId },
}

const WRITTEN = [
  COLLECTIONS.events,
  COLLECTIONS.eventBooths,
  COLLECTIONS.eventTiers,
  COLLECTIONS.eventCheckpoints,
  COLLECTIONS.eventSignups,
  COLLECTIONS.eventStamps,
  COLLECTIONS.eventRedemptions,
  COLLECTIONS.eventCheckins,
  COLLECTIONS.eventScans,
  COLLECTIONS.auditLog,
]
const counts = () => Promise.all(WRITTEN.map(async (c) => (await emu.db.collection(c).count()).total))

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedFair(emu.db, { id: eventId })
  await seedMember(emu.db, 'officer', '孙丽', [{ role: 'officer' }]) // a verified member too: passes every action's auth
})
afterAll(() => emu.stop())

test('the table covers every action', () => {
  expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(main.actions).sort())
})

test('an unknown top-level key or __proto__ is INVALID_ARGUMENT naming it, in every action, and writes nothing', async () => {
  const before = await counts()
  for (const [action, sample] of Object.entries(SAMPLES)) {
    expect([action, await invoke(main, 'officer', action, { ...sample, openid: 'alice' })]).toMatchObject([
      action,
      { ok: false, code: 'INVALID_ARGUMENT', field: 'openid' },
    ])
    const proto = JSON.parse(JSON.stringify(sample).replace(/^\{/, '{"__proto__":{"isOfficer":true},').replace(',}', '}'))
    expect([action, await invoke(main, 'officer', action, proto)]).toMatchObject([
      action,
      { ok: false, code: 'INVALID_ARGUMENT', field: '__proto__' },
    ])
  }
  expect(await counts()).toEqual(before)
})

test('unknown keys inside nested objects are refused by their path', async () => {
  const before = await counts()
  const nested: [string, object, string][] = [
    ['saveEvent', { ...event, venue: { ...event.venue, floor: 1 } }, 'venue.floor'],
    ['saveEvent', { ...event, zones: [{ id: 'A', name: '匠心特产集', colour: 'red' }] }, 'zones.0.colour'],
    ['saveEvent', { ...event, signUp: { ...event.signUp, waitlist: true } }, 'signUp.waitlist'],
    ['saveEvent', { ...event, stampRules: { cooldownSeconds: 0, perBooth: 2 } }, 'stampRules.perBooth'],
    ['saveEvent', { ...event, stampRules: JSON.parse('{"cooldownSeconds":0,"__proto__":{"x":1}}') }, 'stampRules.__proto__'],
    ['saveTier', { ...tier, rule: { ...tier.rule, minBooths: 3 } }, 'rule.minBooths'],
    ['saveCheckpoint', { eventId, name: '起点', opensAt: T0, closesAt: T0 + HOUR, gate: '东门' }, 'gate'],
    ['stampCard', { eventId, booth: 'inA0' }, 'booth'],
  ]
  for (const [action, data, field] of nested) {
    expect([field, await invoke(main, 'officer', action, data)]).toMatchObject([field, { ok: false, code: 'INVALID_ARGUMENT', field }])
  }
  expect(await counts()).toEqual(before)
})
