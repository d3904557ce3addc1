import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import type { BookingDTO, BookResponse, ProgrammeCardDTO, SessionDTO } from '~types/screening'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { HOUR, ledgers, programmeRequest, seedMembers, seedProgramme, seedRole, sessionDocs, staffOf } from './screening.fixtures'

const T0 = Date.UTC(2027, 2, 8, 2, 0) // 2027-03-08 10:00 Beijing
let now = T0
let emu: TestEmulator
const main = createScreeningFunction({ clock: () => now })
const PROG = 'prog-test'

async function sessions(): Promise<SessionDTO[]> {
  return okData(await invoke<SessionDTO[]>(main, 'w1', 'listSessions', { programmeId: PROG, siteId: 'site-a' }))
}

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedMembers(emu.db, [
    { openid: 'w1' },
    { openid: 'w2' },
    { openid: 'w3' },
    { openid: 'young', birthDate: '2001-01-01' },
    { openid: 'man', gender: 'M', name: '李明' },
    { openid: 'old-untagged', birthDate: '1950-01-01', tags: [] },
  ])
  await seedRole(emu.db, 'nurse', staffOf('site-a'))
  await seedRole(emu.db, 'officer', { role: 'officer' })
  await seedProgramme(emu.db, programmeRequest(T0, { sessions: 2, perSession: 2 }), T0)
})
afterAll(() => emu.stop())
beforeEach(() => {
  now = T0
})

describe('eligibility', () => {
  it('gives each member her own reasons, and an eligible woman none', async () => {
    const card = async (openid: string) =>
      okData(await invoke<ProgrammeCardDTO>(main, openid, 'getProgramme', { programmeId: PROG })).eligibility
    expect(await card('w1')).toMatchObject({ eligible: true, reasons: [], reason: null })
    expect((await card('young')).reasons).toEqual(['年龄不在 30–60 岁范围'])
    expect((await card('man')).reasons).toEqual(['仅限女职工参加'])
    expect((await card('old-untagged')).reasons).toEqual(['年龄不在 30–60 岁范围', '仅限新就业形态会员参加'])
    expect((await card('stranger')).reason).toBe('请先完成会员认证')
  })

  it('refuses an ineligible member with NOT_ELIGIBLE and her reason, taking no place', async () => {
    const [s] = await sessions()
    const res = await invoke(main, 'man', 'book', { programmeId: PROG, sessionId: s.id, consentVersion: 'v1' })
    expect(res).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', message: expect.stringContaining('仅限女职工参加') })
    expect((await sessions())[0].placesLeft).toBe(2)
  })
})

describe('time gates', () => {
  it('answers NOT_RELEASED before the release time and BOOKING_CLOSED after the window', async () => {
    const [s] = await sessions()
    const req = { programmeId: PROG, sessionId: s.id, consentVersion: 'v1' }
    now = T0 - 2 * HOUR
    expect(await invoke(main, 'w1', 'book', req)).toMatchObject({ ok: false, code: 'NOT_RELEASED' })
    now = T0 + 31 * 24 * HOUR
    expect(await invoke(main, 'w1', 'book', req)).toMatchObject({ ok: false, code: 'BOOKING_CLOSED' })
    expect(await ledgers(emu.db, PROG)).toEqual([])
  })
})

describe('book, cancel, reschedule', () => {
  it('books with consent recorded, refuses a second booking, and cancel returns the place', async () => {
    const [s] = await sessions()
    const noConsent = await invoke(main, 'w1', 'book', { programmeId: PROG, sessionId: s.id, consentVersion: 'v0' })
    expect(noConsent).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED' })
    const res = okData(await invoke<BookResponse>(main, 'w1', 'book', { programmeId: PROG, sessionId: s.id, consentVersion: 'v1' }))
    if (res.outcome !== 'booked') throw new Error('not booked')
    expect(res.booking).toMatchObject({ status: 'booked', consent: { version: 'v1', at: T0 }, session: { id: s.id, placesLeft: 1 } })
    expect(await invoke(main, 'w1', 'book', { programmeId: PROG, sessionId: s.id, consentVersion: 'v1' })).toMatchObject({
      ok: false,
      code: 'ALREADY_BOOKED',
    })
    const cancelled = okData(await invoke<BookingDTO>(main, 'w1', 'cancel', { programmeId: PROG }))
    expect(cancelled).toMatchObject({ status: 'cancelled', session: { placesLeft: 2 } })
    // the cancelled ledger is reused for a new booking
    okData(await invoke(main, 'w1', 'book', { programmeId: PROG, sessionId: s.id, consentVersion: 'v1' }))
    expect((await sessions())[0].placesLeft).toBe(1)
  })

  it('fills a session to SLOT_FULL and reschedules only into a free place, keeping the old one otherwise', async () => {
    const [a, b] = await sessions()
    okData(await invoke(main, 'w2', 'book', { programmeId: PROG, sessionId: a.id, consentVersion: 'v1' })) // a now full (w1 + w2)
    expect(await invoke(main, 'w3', 'book', { programmeId: PROG, sessionId: a.id, consentVersion: 'v1' })).toMatchObject({
      ok: false,
      code: 'SLOT_FULL',
    })
    okData(await invoke(main, 'w3', 'book', { programmeId: PROG, sessionId: b.id, consentVersion: 'v1' }))
    const moved = okData(await invoke<BookingDTO>(main, 'w2', 'reschedule', { programmeId: PROG, sessionId: b.id }))
    expect(moved.session.id).toBe(b.id)
    expect((await sessions()).map((x) => x.placesLeft)).toEqual([1, 0])
    // b is full now: w1's reschedule fails and her booking in a stands
    expect(await invoke(main, 'w1', 'reschedule', { programmeId: PROG, sessionId: b.id })).toMatchObject({ ok: false, code: 'SLOT_FULL' })
    const [mine] = okData(await invoke<BookingDTO[]>(main, 'w1', 'myBookings', {}))
    expect(mine).toMatchObject({ status: 'booked', session: { id: a.id } })
    for (const d of await sessionDocs(emu.db, PROG)) expect(d.left + Object.keys(d.holders).length).toBe(d.capacity)
  })

  it('refuses cancelling after the deadline', async () => {
    const [a] = await sessions()
    now = a.startAt - HOUR
    expect(await invoke(main, 'w1', 'cancel', { programmeId: PROG })).toMatchObject({ ok: false, code: 'CANCEL_DEADLINE_PASSED' })
  })

  it('answers INVALID_ARGUMENT with the field for malformed requests and changes nothing', async () => {
    const before = JSON.stringify(await ledgers(emu.db, PROG))
    expect(await invoke(main, 'w1', 'book', { programmeId: PROG, sessionId: 5, consentVersion: 'v1' })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      field: 'sessionId',
    })
    expect(await invoke(main, 'w1', 'listSessions', { programmeId: PROG, siteId: 'site-a', date: '2027-02-30' })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      field: 'date',
    })
    expect(await invoke(main, 'w1', 'reschedule', { programmeId: PROG })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      field: 'sessionId',
    })
    expect(await invoke(main, 'w1', 'book', { programmeId: PROG, sessionId: 'nope', consentVersion: 'v1' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(JSON.stringify(await ledgers(emu.db, PROG))).toBe(before)
  })
})

describe('retries and junk', () => {
  it('a retried book with the same request id returns the first outcome and books once', async () => {
    const [, b] = await sessions()
    const data = { programmeId: PROG, sessionId: b.id, consentVersion: 'v1' }
    okData(await invoke(main, 'w3', 'cancel', { programmeId: PROG }))
    const first = await invoke<BookResponse>(main, 'w3', 'book', data, 'retry-book-0001')
    const again = await invoke<BookResponse>(main, 'w3', 'book', data, 'retry-book-0001')
    expect(again).toEqual(first)
    expect((await ledgers(emu.db, PROG)).filter((l) => l.openid === 'w3' && l.status === 'booked')).toHaveLength(1)
  })

  it('every mutation refuses malformed data with INVALID_ARGUMENT and changes nothing', async () => {
    const before = JSON.stringify([await ledgers(emu.db, PROG), await sessionDocs(emu.db, PROG)])
    // Each as a caller the action allows (a caller it does not allow is refused before her input is read).
    const junk: [string, string, unknown][] = [
      ['w1', 'book', { programmeId: PROG }],
      ['w1', 'book', { programmeId: PROG, sessionId: 'x', consentVersion: 'v1', extra: 1 }],
      ['w1', 'book', { programmeId: PROG, sessionId: 'x', consentVersion: 'v1', notice: 'sms' }],
      ['w1', 'cancel', { programmeId: '' }],
      ['w1', 'reschedule', { programmeId: PROG, sessionId: ['a'] }],
      ['w1', 'joinWaitlist', { programmeId: 7 }],
      ['w1', 'acceptOffer', { programmeId: PROG }],
      ['nurse', 'checkIn', { token: '' }],
      ['nurse', 'markNoShows', {}],
      ['nurse', 'markResult', { bookingId: 'abc', outcome: 'normal' }],
      ['w1', 'subscribe', { topics: ['spam'] }],
      ['officer', 'createProgramme', { id: 'X' }],
      ['officer', 'exportBookings', { programmeId: PROG, full: 'yes' }],
      ['w1', 'remindRelease', null],
      ['officer', 'sweep', { programmeId: 1 }],
      ['w1', 'leaveWaitlist', 'x'],
      ['nurse', 'correctResult', JSON.parse('{"bookingId": "abcdefgh", "outcome": "normal", "reason": "核对", "__proto__": {"x": 1}}')],
    ]
    for (const [who, action, data] of junk) {
      expect([action, await invoke(main, who, action, data)]).toMatchObject([action, { ok: false, code: 'INVALID_ARGUMENT' }])
    }
    expect(JSON.stringify([await ledgers(emu.db, PROG), await sessionDocs(emu.db, PROG)])).toBe(before)
  })
})

describe('priority window at release', () => {
  it('lets only priority women book in the first minutes, then everyone eligible', async () => {
    const id = 'prog-priority'
    const req = programmeRequest(T0, { id, sessions: 1, perSession: 5 })
    await seedProgramme(
      emu.db,
      {
        ...req,
        releaseAt: T0,
        eligibility: { ...req.eligibility, ageMin: 20 },
        priority: { ageMin: 30, ageMax: 60, notScreenedWithinYears: 2, windowMinutes: 30 },
      },
      T0,
    )
    const [s] = okData(await invoke<SessionDTO[]>(main, 'w2', 'listSessions', { programmeId: id, siteId: 'site-a' }))
    const book = (openid: string) => invoke<BookResponse>(main, openid, 'book', { programmeId: id, sessionId: s.id, consentVersion: 'v1' })
    now = T0 + 5 * 60_000
    expect(await book('young')).toMatchObject({ ok: false, code: 'PRIORITY_ONLY' })
    expect((await book('w2')).ok).toBe(true)
    now = T0 + 31 * 60_000
    expect((await book('young')).ok).toBe(true)
    expect((await ledgers(emu.db, id)).map((l) => l.openid).sort()).toEqual(['w2', 'young'])
  })
})
