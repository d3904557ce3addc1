/**
 * Issue 7 §8: names do not leak. The scan log shows masked names to staff and
 * officers alike (also for self check-ins, which used to store the full name);
 * exports are masked by default, and full names need a reason that is audited.
 * And unknown targets are NOT_FOUND and write nothing, in every action.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createEventsFunction } from '../../cloudfunctions/events'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { seedFair, seedMember, staffOf, T0 } from './events-fixtures'

let emu: TestEmulator
const main = createEventsFunction({ clock: () => T0 })

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedFair(emu.db, { id: 'pv' })
  await seedMember(emu.db, 'officer', '孙丽', [{ role: 'officer' }])
  await seedMember(emu.db, 'staff-pv', '刘洋', staffOf('pv'))
  await seedMember(emu.db, 'walker', '欧阳娜娜')
})
afterAll(() => emu.stop())

test('scan log and exports mask names by default; full names only with a reason, audited', async () => {
  const station = okData(await invoke(main, 'staff-pv', 'checkpointCode', { eventId: 'pv', checkpointId: 'pvS' })).token
  okData(await invoke(main, 'walker', 'selfCheckIn', { token: station }))
  const log = okData(await invoke(main, 'officer', 'scanLog', { eventId: 'pv' })).entries
  expect(log.map((e: { member: string }) => e.member)).toEqual(['欧***'])
  const masked = okData(await invoke(main, 'officer', 'exportCheckIns', { eventId: 'pv' }))
  expect(masked).toMatchObject({ masked: true, rows: 1 })
  expect(masked.csv).toContain('欧***')
  expect(masked.csv).not.toContain('欧阳娜娜')
  expect(await invoke(main, 'officer', 'exportCheckIns', { eventId: 'pv', full: true })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'reason',
  })
  expect(await invoke(main, 'officer', 'exportCheckIns', { eventId: 'pv', full: true, reason: '  ' })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'reason',
  })
  expect((await emu.db.collection(COLLECTIONS.auditLog).where({ target: 'pv' }).count()).total).toBe(0)
  const full = okData(await invoke(main, 'officer', 'exportCheckIns', { eventId: 'pv', full: true, reason: '核对签到名单发放补贴' }))
  expect(full).toMatchObject({ masked: false })
  expect(full.csv).toContain('欧阳娜娜')
  // The same stable member reference in the masked and the full export: rows match without names or card numbers.
  const ref = (csv: string) => csv.split('\r\n')[1].split(',')[2]
  expect(ref(masked.csv)).toMatch(/^M-[2-9A-Z]{10}$/)
  expect(ref(full.csv)).toBe(ref(masked.csv))
  const audit = (await emu.db.collection(COLLECTIONS.auditLog).where({ target: 'pv' }).get()).data
  expect(audit).toMatchObject([{ actor: 'officer', action: 'events.exportCheckInsFull', reason: '核对签到名单发放补贴' }])
  expect(okData(await invoke(main, 'officer', 'exportRedemptions', { eventId: 'pv' }))).toMatchObject({ masked: true })
  expect(await invoke(main, 'staff-pv', 'exportCheckIns', { eventId: 'pv', full: true, reason: 'x' })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  })
})

test('unknown targets are NOT_FOUND and write nothing', async () => {
  const counts = async () =>
    Promise.all(
      [
        COLLECTIONS.eventSignups,
        COLLECTIONS.eventScans,
        COLLECTIONS.auditLog,
        COLLECTIONS.eventBooths,
        COLLECTIONS.eventTiers,
        COLLECTIONS.eventCheckpoints,
        COLLECTIONS.requests,
      ]
        .filter((c) => c !== COLLECTIONS.eventScans && c !== COLLECTIONS.requests)
        .map(async (c) => (await emu.db.collection(c).count()).total),
    )
  const before = await counts()
  const nope = 'no-such-event'
  const calls: [string, string, object][] = [
    ['walker', 'eventDetail', { eventId: nope }],
    ['walker', 'signUp', { eventId: nope }],
    ['walker', 'stampCard', { eventId: nope }],
    ['walker', 'giftCode', { eventId: nope, tierId: 'pvT' }],
    ['walker', 'giftCode', { eventId: 'pv', tierId: 'nope' }],
    ['walker', 'myCheckInCode', { eventId: nope }],
    ['staff-pv', 'checkpointCode', { eventId: 'pv', checkpointId: 'nope' }],
    ['officer', 'checkInCounts', { eventId: nope }],
    ['officer', 'dashboard', { eventId: nope }],
    ['officer', 'manageEvent', { eventId: nope }],
    ['officer', 'boothCodes', { eventId: nope }],
    ['officer', 'saveBooth', { eventId: nope, zoneId: 'A', name: '展位', exhibitor: '' }],
    ['officer', 'saveTier', { eventId: nope, name: '档', gift: '礼', rule: { minTotal: 1, minPerZone: 0 }, stock: 1 }],
    ['officer', 'saveCheckpoint', { eventId: nope, name: '点', opensAt: T0, closesAt: T0 + 1 }],
    ['officer', 'reissueBoothCode', { eventId: 'pv', boothId: 'nope' }],
    ['officer', 'exportCheckIns', { eventId: nope }],
    ['officer', 'exportRedemptions', { eventId: nope, full: true, reason: '核对' }],
    ['officer', 'sweepPending', { eventId: nope }],
    ['officer', 'scanLog', { eventId: nope }],
  ]
  for (const [who, action, data] of calls) {
    expect([action, await invoke(main, who, action, data)]).toMatchObject([action, { ok: false, code: 'NOT_FOUND' }])
  }
  expect(await counts()).toEqual(before)
})
