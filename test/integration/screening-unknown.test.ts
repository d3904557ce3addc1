/**
 * Issue 7 §8 "a reminder for nothing": every screening action naming a target
 * that does not exist (programme, site, session, booking) answers NOT_FOUND and
 * writes nothing, whoever calls it.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke } from '../support/invoke'
import { programmeRequest, seedMembers, seedProgramme, seedRole, staffOf } from './screening.fixtures'

const T0 = Date.UTC(2027, 2, 8, 2, 0)
let emu: TestEmulator
const main = createScreeningFunction({ clock: () => T0 })

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedMembers(emu.db, [{ openid: 'her' }])
  await seedRole(emu.db, 'nurse', staffOf('site-a'))
  await seedRole(emu.db, 'officer', { role: 'officer' })
  await seedProgramme(emu.db, programmeRequest(T0, { id: 'real' }), T0)
})
afterAll(() => emu.stop())

const WRITTEN = [
  COLLECTIONS.screeningBookings,
  COLLECTIONS.screeningWaitlist,
  COLLECTIONS.screeningReminders,
  COLLECTIONS.screeningResults,
  COLLECTIONS.auditLog,
  COLLECTIONS.outbox,
  COLLECTIONS.screeningProgrammes,
  COLLECTIONS.screeningSessions,
]

test('unknown programme, site, session or booking: NOT_FOUND, nothing written', async () => {
  const counts = () => Promise.all(WRITTEN.map(async (c) => (await emu.db.collection(c).count()).total))
  const before = await counts()
  const nope = 'no-such-programme'
  const calls: [string, string, object][] = [
    ['her', 'remindRelease', { programmeId: nope }],
    ['her', 'getProgramme', { programmeId: nope }],
    ['her', 'listDays', { programmeId: nope, siteId: 'site-a' }],
    ['her', 'listDays', { programmeId: 'real', siteId: 'nope' }],
    ['her', 'listSessions', { programmeId: nope, siteId: 'site-a' }],
    ['her', 'book', { programmeId: nope, sessionId: 'x', consentVersion: 'v1' }],
    ['her', 'book', { programmeId: 'real', sessionId: 'nope', consentVersion: 'v1' }],
    ['her', 'book', { programmeId: nope, sessionId: 'x', consentVersion: 'v1', joinWaitlistIfFull: true }],
    ['her', 'cancel', { programmeId: nope }],
    ['her', 'reschedule', { programmeId: nope, sessionId: 'x' }],
    ['her', 'joinWaitlist', { programmeId: nope }],
    ['her', 'joinWaitlist', { programmeId: 'real', siteId: 'nope' }],
    ['her', 'leaveWaitlist', { programmeId: nope }],
    ['her', 'acceptOffer', { programmeId: nope, consentVersion: 'v1' }],
    ['her', 'declineOffer', { programmeId: nope }],
    ['her', 'checkinCode', { programmeId: nope }],
    ['her', 'myResult', { programmeId: nope }],
    ['nurse', 'staffBookings', { sessionId: 'nope' }],
    ['nurse', 'markNoShows', { sessionId: 'nope' }],
    ['nurse', 'markResult', { bookingId: 'AAAAAAAAAAAA', outcome: 'normal' }],
    ['nurse', 'readResult', { bookingId: 'AAAAAAAAAAAA' }],
    ['officer', 'dashboard', { programmeId: nope }],
    ['officer', 'exportBookings', { programmeId: nope }],
    ['officer', 'exportBookings', { programmeId: nope, full: true, reason: '核对' }],
    ['officer', 'sweep', { programmeId: nope }],
  ]
  const wrong: string[] = []
  for (const [who, action, data] of calls) {
    const r = await invoke(main, who, action, data)
    if (r.ok || r.code !== 'NOT_FOUND') wrong.push(`${action} ${JSON.stringify(data)} → ${r.ok ? 'OK' : r.code}`)
  }
  expect(wrong).toEqual([])
  expect(await counts()).toEqual(before)
})
