import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import type { BookingDTO, BookResponse, OutboxNoticeDTO, ProgrammeCardDTO, SessionDTO, WaitlistDTO } from '~types/screening'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { ledgers, programmeRequest, seedMembers, seedProgramme, seedRole, sessionDocs } from './screening.fixtures'

const T0 = Date.UTC(2027, 2, 8, 2, 0)
let now = T0
let emu: TestEmulator
const main = createScreeningFunction({ clock: () => now })
const PROG = 'prog-wait'
let session: SessionDTO
const book = (openid: string, extra: object = {}) =>
  invoke<BookResponse>(main, openid, 'book', { programmeId: PROG, sessionId: session.id, consentVersion: 'v1', ...extra })
const card = async (openid: string) => okData(await invoke<ProgrammeCardDTO>(main, openid, 'getProgramme', { programmeId: PROG }))

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedMembers(emu.db, [
    { openid: 'first' },
    { openid: 'older', birthDate: '1960-01-01' }, // eligible (30–70) but not priority (30–60)
    { openid: 'prio', birthDate: '1985-01-01' },
    { openid: 'late' },
  ])
  await seedRole(emu.db, 'officer', { role: 'officer' })
  const req = programmeRequest(T0, { id: PROG, sessions: 1, perSession: 1 })
  req.eligibility.ageMax = 70
  req.priority = { ageMin: 30, ageMax: 60, notScreenedWithinYears: 2, windowMinutes: 0 }
  req.offerHoldMinutes = 30
  await seedProgramme(emu.db, req, T0)
  ;[session] = okData(await invoke<SessionDTO[]>(main, 'first', 'listSessions', { programmeId: PROG, siteId: 'site-a' }))
})
afterAll(() => emu.stop())

it('joins the waiting list when full, priority women ahead of earlier non-priority ones', async () => {
  okData(await book('first'))
  expect(await book('late')).toMatchObject({ ok: false, code: 'SLOT_FULL' })
  const older = okData(await book('older', { joinWaitlistIfFull: true }))
  expect(older).toMatchObject({ outcome: 'waitlisted', waitlist: { status: 'waiting', position: 1, priority: false } })
  now += 60_000
  const prio = okData(await invoke<WaitlistDTO>(main, 'prio', 'joinWaitlist', { programmeId: PROG }))
  expect(prio).toMatchObject({ position: 1, priority: true })
  expect((await card('older')).myWaitlist).toMatchObject({ position: 2 })
  expect(await invoke(main, 'first', 'joinWaitlist', { programmeId: PROG })).toMatchObject({ ok: false, code: 'ALREADY_BOOKED' })
})

it('a cancelled place is offered to the first in line, held from everyone else, and she is notified', async () => {
  okData(await invoke<BookingDTO>(main, 'first', 'cancel', { programmeId: PROG }))
  expect((await card('prio')).myWaitlist).toMatchObject({
    status: 'offered',
    offer: { session: { id: session.id }, expiresAt: now + 30 * 60_000 },
  })
  expect(await book('late')).toMatchObject({ ok: false, code: 'SLOT_FULL' })
  const [s] = await sessionDocs(emu.db, PROG)
  expect(s.left).toBe(0)
  const notices = okData(await invoke<OutboxNoticeDTO[]>(main, 'prio', 'myNotices', {}))
  expect(notices.map((n) => n.kind)).toContain('waitlist_offer')
})

it('an unclaimed offer passes on after the hold time; the late claim is OFFER_EXPIRED', async () => {
  now += 31 * 60_000
  expect(okData(await invoke(main, 'officer', 'sweep', {}))).toMatchObject({ offersPassedOn: 1 })
  expect(await invoke(main, 'prio', 'acceptOffer', { programmeId: PROG, consentVersion: 'v1' })).toMatchObject({
    ok: false,
    code: 'OFFER_EXPIRED',
  })
  expect((await card('older')).myWaitlist).toMatchObject({ status: 'offered' })
})

it('the next woman accepts the offer and holds the place as a booking; counts stay exact', async () => {
  const b = okData(await invoke<BookingDTO>(main, 'older', 'acceptOffer', { programmeId: PROG, consentVersion: 'v1' }))
  expect(b).toMatchObject({ status: 'booked', session: { id: session.id, placesLeft: 0 } })
  const [s] = await sessionDocs(emu.db, PROG)
  expect(s.left + Object.keys(s.holders).length).toBe(1)
  expect((await ledgers(emu.db, PROG)).filter((l) => l.status === 'booked').map((l) => l.openid)).toEqual(['older'])
  expect((await card('older')).myWaitlist).toBeNull()
})

it('leaving the line while nobody frees a place changes no counts', async () => {
  okData(await invoke(main, 'late', 'joinWaitlist', { programmeId: PROG }))
  expect(okData(await invoke<WaitlistDTO>(main, 'late', 'leaveWaitlist', { programmeId: PROG }))).toMatchObject({ status: 'left' })
  okData(await invoke<BookingDTO>(main, 'older', 'cancel', { programmeId: PROG }))
  expect((await sessionDocs(emu.db, PROG))[0].left).toBe(1) // nobody waiting: the place is free again
})
