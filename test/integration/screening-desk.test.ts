import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import type {
  BookResponse,
  CheckinCodeDTO,
  CheckInResultDTO,
  OutboxNoticeDTO,
  ResultDTO,
  SessionDTO,
  StaffBookingRowDTO,
} from '~types/screening'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { programmeRequest, seedMembers, seedProgramme, seedRole, staffOf } from './screening.fixtures'

const T0 = Date.UTC(2027, 2, 8, 2, 0)
let now = T0
let emu: TestEmulator
const main = createScreeningFunction({ clock: () => now })
const PROG = 'prog-desk'
let sessions: SessionDTO[]
let herBooking = ''

async function codeOf(openid: string): Promise<string> {
  return okData(await invoke<CheckinCodeDTO>(main, openid, 'checkinCode', { programmeId: PROG })).token
}

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedMembers(emu.db, [{ openid: 'her', name: '王秀英' }, { openid: 'other' }, { openid: 'absent' }])
  await seedRole(emu.db, 'nurse-a', staffOf('site-a'))
  await seedRole(emu.db, 'nurse-b', staffOf('site-b'))
  await seedRole(emu.db, 'officer', { role: 'officer' })
  await seedProgramme(emu.db, programmeRequest(T0, { id: PROG, sites: ['site-a', 'site-b'], sessions: 1, perSession: 5 }), T0)
  sessions = okData(await invoke<SessionDTO[]>(main, 'her', 'listSessions', { programmeId: PROG, siteId: 'site-a' }))
  for (const w of ['her', 'other', 'absent']) {
    const r = okData(await invoke<BookResponse>(main, w, 'book', { programmeId: PROG, sessionId: sessions[0].id, consentVersion: 'v1' }))
    if (w === 'her' && r.outcome === 'booked') herBooking = r.booking.bookingId
  }
})
afterAll(() => emu.stop())

describe('check-in', () => {
  it('refuses outside the session window and staff of another site', async () => {
    now = sessions[0].startAt - 3 * 3600_000
    expect(await invoke(main, 'nurse-a', 'checkIn', { token: await codeOf('her') })).toMatchObject({
      ok: false,
      code: 'CHECKIN_OUTSIDE_WINDOW',
    })
    now = sessions[0].startAt - 10 * 60_000
    expect(await invoke(main, 'nurse-b', 'checkIn', { token: await codeOf('her') })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await invoke(main, 'other', 'checkIn', { token: await codeOf('her') })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await invoke(main, 'nurse-a', 'checkIn', { token: 'garbage' })).toMatchObject({ ok: false, code: 'TOKEN_INVALID' })
  })

  it('checks her in once; a re-scan answers 已签到 with the first time', async () => {
    now = sessions[0].startAt - 10 * 60_000
    const first = okData(await invoke<CheckInResultDTO>(main, 'nurse-a', 'checkIn', { token: await codeOf('her') }))
    expect(first).toMatchObject({ alreadyCheckedIn: false, name: '王**', message: '签到成功 06:50' })
    now += 5 * 60_000
    const again = okData(await invoke<CheckInResultDTO>(main, 'nurse-a', 'checkIn', { token: await codeOf('her') }))
    expect(again).toMatchObject({ alreadyCheckedIn: true, checkedInAt: first.checkedInAt, message: '已签到 06:50' })
    now = sessions[0].startAt
    okData(await invoke(main, 'nurse-a', 'checkIn', { token: await codeOf('other') }))
  })

  it('rejects an expired code', async () => {
    const token = await codeOf('absent')
    now += 60_000
    expect(await invoke(main, 'nurse-a', 'checkIn', { token })).toMatchObject({ ok: false, code: 'TOKEN_EXPIRED' })
  })

  it('marks no-shows in one step only after the session ended', async () => {
    now = sessions[0].startAt + 10 * 60_000
    expect(await invoke(main, 'nurse-a', 'markNoShows', { sessionId: sessions[0].id })).toMatchObject({
      ok: false,
      code: 'SESSION_NOT_OVER',
    })
    expect(await invoke(main, 'nurse-b', 'markNoShows', { sessionId: sessions[0].id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    now = sessions[0].endAt + 60_000
    expect(okData(await invoke(main, 'nurse-a', 'markNoShows', { sessionId: sessions[0].id }))).toEqual({
      sessionId: sessions[0].id,
      marked: 1,
    })
    const rows = okData(await invoke<StaffBookingRowDTO[]>(main, 'nurse-a', 'staffBookings', { sessionId: sessions[0].id }))
    expect(rows.map((r) => r.status).sort()).toEqual(['checked_in', 'checked_in', 'no_show'])
    expect(rows.every((r) => r.phone.includes('****'))).toBe(true)
  })
})

describe('results', () => {
  it('marks a result ready only after check-in, by staff of her site', async () => {
    const absentRef = (await emu.db.collection(COLLECTIONS.screeningBookings).where({ openid: 'absent' }).get()).data[0].ref
    expect(await invoke(main, 'nurse-a', 'markResult', { bookingId: absentRef, outcome: 'normal' })).toMatchObject({
      ok: false,
      code: 'NOT_CHECKED_IN',
    })
    expect(await invoke(main, 'nurse-b', 'markResult', { bookingId: herBooking, outcome: 'recheck' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await invoke(main, 'nurse-a', 'markResult', { bookingId: herBooking, outcome: 'bad' })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      field: 'outcome',
    })
    const r = okData(
      await invoke<ResultDTO>(main, 'nurse-a', 'markResult', {
        bookingId: herBooking,
        outcome: 'recheck',
        note: '建议三个月后复查乳腺彩超',
      }),
    )
    expect(r).toMatchObject({ outcome: 'recheck', outcomeLabel: '需复查' })
  })

  it('sends her a generic notice with no health information', async () => {
    const notices = okData(await invoke<OutboxNoticeDTO[]>(main, 'her', 'myNotices', {}))
    const ready = notices.filter((n) => n.kind === 'result_ready')
    expect(ready).toHaveLength(1)
    const text = JSON.stringify(ready[0])
    for (const health of ['需复查', '正常', 'recheck', 'normal', '乳腺', '复查']) expect(text).not.toContain(health)
    expect(okData(await invoke<OutboxNoticeDTO[]>(main, 'other', 'myNotices', {})).some((n) => n.kind === 'result_ready')).toBe(false)
    expect(await invoke(main, 'her', 'allNotices', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it("lets her read her own result (readResult is the desk's: she is refused there)", async () => {
    expect(okData(await invoke<ResultDTO>(main, 'her', 'myResult', { programmeId: PROG }))).toMatchObject({
      note: '建议三个月后复查乳腺彩超',
    })
    expect(await invoke(main, 'her', 'readResult', { bookingId: herBooking })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(okData(await invoke(main, 'other', 'myResult', { programmeId: PROG }))).toBeNull()
  })

  it('refuses another member and other-site staff; staff and officer reads are audit-logged', async () => {
    const audit = async () => (await emu.db.collection(COLLECTIONS.auditLog).where({ action: 'screening.readResult' }).get()).data
    expect(await invoke(main, 'other', 'readResult', { bookingId: herBooking })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await invoke(main, 'nurse-b', 'readResult', { bookingId: herBooking })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await audit()).toHaveLength(0)
    okData(await invoke(main, 'nurse-a', 'readResult', { bookingId: herBooking }))
    okData(await invoke(main, 'officer', 'readResult', { bookingId: herBooking }))
    expect((await audit()).map((a: { actor: string }) => a.actor).sort()).toEqual(['nurse-a', 'officer'])
  })
})
