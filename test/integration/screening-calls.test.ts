/**
 * Database calls per request on the booking and desk hot paths, counted by the emulator as production
 * pays them (one instance, warm: the programme and the session's dates are cached a few seconds; no request id,
 * so no marker). The router reads her roster record (`auth: 'member'`: one call), the booking her history; the
 * session's places are read only when this instance saw nothing of them lately (instance-cache.ts `fullness`),
 * her history only when the tap cannot go straight to the claim (booking.service.ts `atOnce`).
 */
import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import type { BookResponse, CheckinCodeDTO, SessionDTO } from '~types/screening'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, invokeFirstTry, okData } from '../support/invoke'
import { FULL_MEMORY_MS } from '../../cloudfunctions/common/instance-cache'
import { HOUR, programmeRequest, seedMembers, seedProgramme, seedRole, staffOf } from './screening.fixtures'

const T0 = Date.UTC(2027, 2, 8, 2, 0)
let now = T0
let emu: TestEmulator
const main = createScreeningFunction({ clock: () => now })
const PROG = 'prog-calls'

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedMembers(emu.db, [{ openid: 'first' }, { openid: 'winner' }, { openid: 'loser' }])
  await seedRole(emu.db, 'nurse', staffOf('site-a'))
  await seedProgramme(emu.db, programmeRequest(T0, { id: PROG, sessions: 1, perSession: 2 }), T0)
})
afterAll(() => emu.stop())

async function counted<T>(call: () => Promise<T>): Promise<{ result: T; calls: number }> {
  const before = emu.requests().total
  const result = await call()
  return { result, calls: emu.requests().total - before }
}

test('a winning booking is 4 calls, a losing one 2 (no write); a check-in scan 5', async () => {
  const [s] = okData(await invoke<SessionDTO[]>(main, 'first', 'listSessions', { programmeId: PROG, siteId: 'site-a' }))
  const book = (who: string) => invoke(main, who, 'book', { programmeId: PROG, sessionId: s.id, consentVersion: 'v1' }, null)
  okData(await book('first')) // warms the instance's catalogue cache
  const win = await counted(() => book('winner'))
  // her roster record; the claim, the place (answering places left), the confirmation: this instance saw the
  // session open a moment ago and the tap is past the priority window, so neither the places nor her history are read
  expect([win.result.ok, win.calls]).toEqual([true, 4])
  const lose = await counted(() => book('loser'))
  // her roster record and her history (a retry of her own winning request must get its booking, never 已满)
  expect([lose.result.ok ? 'OK' : lose.result.code, lose.calls]).toEqual(['SLOT_FULL', 2])
  now = s.startAt - HOUR / 4
  const code = okData(await invoke<CheckinCodeDTO>(main, 'winner', 'checkinCode', { programmeId: PROG }))
  // Her account; the booking the code names (the scope: is it this nurse's site?), read again by the scan itself;
  // the check-in; its desk log line (the session's dates are cached since the bookings read it).
  const scan = await counted(() => invoke(main, 'nurse', 'checkIn', { token: code.token }, null))
  expect([scan.result.ok, scan.calls]).toEqual([true, 5])
})

test('a full session remembered by the instance never refuses a place given back through it; one given back elsewhere is offered once the memory lapses', async () => {
  await seedMembers(emu.db, [{ openid: 'm1' }, { openid: 'm2' }, { openid: 'm3' }, { openid: 'm4' }])
  const P = 'prog-memory'
  await seedProgramme(emu.db, programmeRequest(T0, { id: P, sessions: 1, perSession: 1 }), T0)
  now = T0
  const [s] = okData(await invoke<SessionDTO[]>(main, 'm1', 'listSessions', { programmeId: P, siteId: 'site-a' }))
  const book = (who: string) => invoke(main, who, 'book', { programmeId: P, sessionId: s.id, consentVersion: 'v1' }, null)
  okData(await book('m1')) // the last place: this instance now remembers the session full
  const full = await counted(() => book('m2'))
  expect([full.result.ok ? 'OK' : full.result.code, full.calls]).toEqual(['SLOT_FULL', 2])
  // Given back through this instance (her cancel): the memory goes at once.
  okData(await invoke(main, 'm1', 'cancel', { programmeId: P }, null))
  okData(await book('m2'))
  // Given back behind this instance's back (another instance's cancel, played here on the database itself).
  expect((await book('m3')).ok).toBe(false)
  await emu.db.collection('screening_bookings').where({ programmeId: P, openid: 'm2' }).update({ status: 'cancelled' })
  const doc = (await emu.db.collection('screening_sessions').doc(s.id).get()).data[0] as { holders: Record<string, unknown> }
  const [key] = Object.keys(doc.holders)
  await emu.db
    .collection('screening_sessions')
    .doc(s.id)
    .update({ left: 1, [`holders.${key}`]: emu.db.command.remove() })
  const later = Date.now() + FULL_MEMORY_MS
  const clockAhead = jest.spyOn(Date, 'now').mockReturnValue(later)
  try {
    okData(await book('m4'))
  } finally {
    clockAhead.mockRestore()
  }
})

test('a retry of the request that took the last place gets its booking from an instance that remembers the session full', async () => {
  await seedMembers(emu.db, [{ openid: 'r1' }, { openid: 'r2' }])
  const P = 'prog-retry'
  await seedProgramme(emu.db, programmeRequest(T0, { id: P, sessions: 1, perSession: 1 }), T0)
  now = T0
  const [s] = okData(await invoke<SessionDTO[]>(main, 'r1', 'listSessions', { programmeId: P, siteId: 'site-a' }))
  const req = { programmeId: P, sessionId: s.id, consentVersion: 'v1' }
  const first = okData(await invoke<BookResponse>(main, 'r1', 'book', req, 'retry-of-the-last-place'))
  expect(await invoke(main, 'r2', 'book', req, null)).toMatchObject({ ok: false, code: 'SLOT_FULL' }) // remembered full now
  // A first try (the app's `attempt: 1`) has no earlier outcome: the remembered 已满 answers it from her roster read alone.
  await seedMembers(emu.db, [{ openid: 'r3' }])
  const firstTry = await counted(() => invokeFirstTry(main, 'r3', 'book', req))
  expect([firstTry.result.ok ? 'OK' : firstTry.result.code, firstTry.calls]).toEqual(['SLOT_FULL', 1])
  // Her retry (attempt 2, or none said) of the request that won is read for: it gets its booking.
  const again = okData(await invoke<BookResponse>(main, 'r1', 'book', req, 'retry-of-the-last-place'))
  expect(again).toEqual(first)
  // Her other tap (another request id) is told she has booked, not that the session is full.
  expect(await invoke(main, 'r1', 'book', req)).toMatchObject({ ok: false, code: 'ALREADY_BOOKED' })
})
