/**
 * Issue 15: a same-id retry of a screening mutation whose first call died after its decisive write
 * answers that call's outcome at once (never CONFLICT, never a second change), read back from what
 * it wrote. A call that died leaves its request marker pending: the test leaves it so by hand after
 * the first call (the crash tests kill real processes; here each recover is checked on its own).
 * Also: every desk attempt, accepted or refused, is one line of the desk log.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import type { BookResponse, CheckinCodeDTO, SessionDTO } from '~types/screening'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { HOUR, programmeRequest, seedMembers, seedProgramme, seedRole, staffOf } from './screening.fixtures'

const T0 = Date.UTC(2027, 2, 8, 2, 0)
let now = T0
let emu: TestEmulator
const main = createScreeningFunction({ clock: () => now })
const PROG = 'prog-recover'
let sessions: SessionDTO[] = []

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedMembers(emu.db, [{ openid: 'ann' }, { openid: 'bea' }, { openid: 'cat' }])
  await seedRole(emu.db, 'nurse', staffOf('site-a'))
  await seedRole(emu.db, 'nurse-b', staffOf('site-b'))
  await seedRole(emu.db, 'officer', { role: 'officer' })
  await seedProgramme(emu.db, programmeRequest(T0, { id: PROG, sites: ['site-a', 'site-b'], sessions: 2, perSession: 5 }), T0)
  sessions = okData(await invoke<SessionDTO[]>(main, 'ann', 'listSessions', { programmeId: PROG, siteId: 'site-a' }))
  for (const who of ['ann', 'bea', 'cat']) {
    okData(await invoke<BookResponse>(main, who, 'book', { programmeId: PROG, sessionId: sessions[0].id, consentVersion: 'v1' }))
  }
})
afterAll(() => emu.stop())

/** Her call died after it acted: its marker is still pending (what the router wrote before the work). */
async function died(openid: string, requestId: string): Promise<void> {
  const id = `screening:${openid}:${requestId}`
  const r = await emu.db.collection(COLLECTIONS.requests).where({ _id: id }).update({ state: 'pending', outcome: emu.db.command.remove() })
  expect(r.updated).toBe(1)
}

async function firstThenRetry(openid: string, action: string, data: object, requestId: string) {
  const first = okData(await invoke(main, openid, action, data, requestId))
  await died(openid, requestId)
  const retry = await invoke(main, openid, action, data, requestId)
  return { first, retry }
}

test('cancel and reschedule: the retry answers the booking as the first call left it', async () => {
  const moved = await firstThenRetry('bea', 'reschedule', { programmeId: PROG, sessionId: sessions[1].id }, 'recover-resched-1')
  expect(moved.retry).toEqual({ ok: true, data: moved.first })
  const cancelled = await firstThenRetry('cat', 'cancel', { programmeId: PROG }, 'recover-cancel-1')
  expect(cancelled.retry).toEqual({ ok: true, data: cancelled.first })
  expect(cancelled.first).toMatchObject({ status: 'cancelled' })
})

test('check-in, result and correction: the retry answers the first outcome; she is told once per change', async () => {
  now = sessions[0].startAt - HOUR / 6
  const token = okData(await invoke<CheckinCodeDTO>(main, 'ann', 'checkinCode', { programmeId: PROG })).token
  const checked = await firstThenRetry('nurse', 'checkIn', { token }, 'recover-checkin-1')
  expect(checked.retry).toEqual({ ok: true, data: checked.first })
  expect(checked.first).toMatchObject({ alreadyCheckedIn: false })
  const bookingId = (checked.first as { bookingId: string }).bookingId
  const marked = await firstThenRetry('nurse', 'markResult', { bookingId, outcome: 'normal' }, 'recover-mark-1')
  expect(marked.retry).toEqual({ ok: true, data: marked.first })
  const fixed = await firstThenRetry('nurse', 'correctResult', { bookingId, outcome: 'recheck', reason: '复核' }, 'recover-fix-1')
  expect(fixed.retry).toEqual({ ok: true, data: fixed.first })
  const told = okData(await invoke<{ kind: string }[]>(main, 'ann', 'myNotices', {})).filter((n) => n.kind === 'result_ready')
  expect(told).toHaveLength(2) // the mark and the correction, each once
  expect((await emu.db.collection(COLLECTIONS.auditLog).where({ action: 'screening.correctResult' }).count()).total).toBe(1)
})

test('no-shows: the retry answers how many the first call marked', async () => {
  now = sessions[0].endAt + 1
  const first = await firstThenRetry('nurse', 'markNoShows', { sessionId: sessions[0].id }, 'recover-noshow-1')
  expect(first.first).toEqual({ sessionId: sessions[0].id, marked: 0 }) // ann checked in, bea moved, cat cancelled
  now = sessions[1].endAt + 1
  const second = await firstThenRetry('nurse', 'markNoShows', { sessionId: sessions[1].id }, 'recover-noshow-2')
  expect(second.first).toEqual({ sessionId: sessions[1].id, marked: 1 })
  expect(second.retry).toEqual({ ok: true, data: second.first })
})

test('createProgramme: the retry answers the programme the first call created', async () => {
  const req = programmeRequest(now, { id: 'prog-recover-2', sessions: 1, perSession: 3 })
  const made = await firstThenRetry('officer', 'createProgramme', req, 'recover-create-1')
  expect(made.retry).toEqual({ ok: true, data: made.first })
})

test('the desk log holds every attempt, accepted or refused, by booking reference only', async () => {
  const log = (await emu.db.collection(COLLECTIONS.screeningDeskLog).limit(100).get()).data as Record<string, unknown>[]
  const lines = log.map((l) => [l.staff, l.action, l.ok, l.code]).sort()
  expect(lines).toEqual([
    ['nurse', 'checkIn', true, null],
    ['nurse', 'correctResult', true, null],
    ['nurse', 'markNoShows', true, null], // the first sweep's retry: it had marked nobody, so it ran again (and found nobody)
    ['nurse', 'markNoShows', true, null],
    ['nurse', 'markNoShows', true, null],
    ['nurse', 'markResult', true, null],
  ])
  expect(JSON.stringify(log)).not.toMatch(/"ann"|"openid"/)
  const token = okData(await invoke<CheckinCodeDTO>(main, 'ann', 'checkinCode', { programmeId: PROG })).token
  expect(okData(await invoke(main, 'nurse', 'checkIn', { token }))).toMatchObject({ alreadyCheckedIn: true })
  const bookingId = log.find((l) => l.action === 'markResult')!.bookingId as string
  const again = await invoke(main, 'nurse', 'markResult', { bookingId, outcome: 'normal' })
  expect(again).toMatchObject({ ok: false, code: 'RESULT_ALREADY_MARKED' })
  const after = (await emu.db.collection(COLLECTIONS.screeningDeskLog).limit(100).get()).data as Record<string, unknown>[]
  const added = after
    .filter((l) => !log.some((x) => x._id === l._id))
    .map((l) => [l.action, l.ok, l.code, l.bookingId])
    .sort()
  expect(added).toEqual([
    ['checkIn', true, 'ALREADY_CHECKED_IN', bookingId],
    ['markResult', false, 'RESULT_ALREADY_MARKED', bookingId],
  ])
})
