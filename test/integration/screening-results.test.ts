/**
 * Issue 8, server halves: the nurse can look a result up and correct it (both
 * audited; she is told again, generically) but a second mark never overwrites
 * silently (defect 6); her code page learns 已签到 as soon as the desk checks
 * her in (defect 8); after her own check-in the programme says she attended
 * (defect 12).
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import type { BookResponse, CheckinCodeDTO, OutboxNoticeDTO, ProgrammeCardDTO, SessionDTO } from '~types/screening'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { programmeRequest, seedMembers, seedProgramme, seedRole, staffOf } from './screening.fixtures'

const T0 = Date.UTC(2027, 2, 8, 2, 0)
let now = T0
let emu: TestEmulator
const main = createScreeningFunction({ clock: () => now })
const PROG = 'prog-results'
let bookingId = ''

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedMembers(emu.db, [{ openid: 'her', name: '王秀英' }])
  await seedRole(emu.db, 'nurse-a', staffOf('site-a'))
  await seedRole(emu.db, 'nurse-b', staffOf('site-b'))
  await seedProgramme(emu.db, programmeRequest(T0, { id: PROG, sites: ['site-a', 'site-b'], sessions: 1, perSession: 5 }), T0)
  const [s] = okData(await invoke<SessionDTO[]>(main, 'her', 'listSessions', { programmeId: PROG, siteId: 'site-a' }))
  const r = okData(await invoke<BookResponse>(main, 'her', 'book', { programmeId: PROG, sessionId: s.id, consentVersion: 'v1' }))
  if (r.outcome === 'booked') bookingId = r.booking.bookingId
  now = s.startAt - 10 * 60_000
})
afterAll(() => emu.stop())

test('her code page sees 已签到 once the desk checks her in; then the programme says she attended', async () => {
  expect(okData(await invoke(main, 'her', 'codeStatus', { programmeId: PROG }))).toEqual({
    done: false,
    title: null,
    detail: null,
    at: null,
  })
  const token = okData(await invoke<CheckinCodeDTO>(main, 'her', 'checkinCode', { programmeId: PROG })).token
  okData(await invoke(main, 'nurse-a', 'checkIn', { token }))
  expect(okData(await invoke(main, 'her', 'codeStatus', { programmeId: PROG }))).toMatchObject({
    done: true,
    title: '已签到',
    detail: '06:50 · site-a 筛查点（市妇幼保健院）',
    at: now,
  })
  expect(await invoke(main, 'nurse-a', 'codeStatus', { programmeId: PROG })).toMatchObject({ ok: false, code: 'NOT_FOUND' }) // only her own
  const card = okData(await invoke<ProgrammeCardDTO>(main, 'her', 'getProgramme', { programmeId: PROG }))
  expect(card.eligibility).toMatchObject({ eligible: false, attended: true, reason: '已参加本轮筛查' })
})

test('a result is marked once; the desk views it and corrects it with a reason, both audited; she is told again', async () => {
  const audits = async (action: string) => (await emu.db.collection(COLLECTIONS.auditLog).where({ action }).get()).data
  expect(okData(await invoke(main, 'nurse-a', 'deskResult', { bookingId }))).toMatchObject({
    memberName: '王**',
    result: null,
    corrections: 0,
  })
  okData(await invoke(main, 'nurse-a', 'markResult', { bookingId, outcome: 'recheck', note: '请两周内复查' }))
  expect(await invoke(main, 'nurse-a', 'markResult', { bookingId, outcome: 'normal' })).toMatchObject({
    ok: false,
    code: 'RESULT_ALREADY_MARKED',
  })
  const viewed = okData(await invoke(main, 'nurse-a', 'deskResult', { bookingId }))
  expect(viewed).toMatchObject({ result: { outcome: 'recheck', outcomeLabel: '需复查', note: '请两周内复查' }, corrections: 0 })
  expect(await audits('screening.readResult')).toHaveLength(2)
  expect(await invoke(main, 'nurse-b', 'deskResult', { bookingId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await invoke(main, 'nurse-a', 'correctResult', { bookingId, outcome: 'normal' })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'reason',
  })
  expect(await invoke(main, 'nurse-b', 'correctResult', { bookingId, outcome: 'normal', reason: '录入错误' })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  })
  const corrected = okData(
    await invoke(main, 'nurse-a', 'correctResult', { bookingId, outcome: 'normal', note: '', reason: '误选需复查，已与医生核对' }),
  )
  expect(corrected).toMatchObject({ outcome: 'normal', outcomeLabel: '正常' })
  expect(await audits('screening.correctResult')).toMatchObject([
    { actor: 'nurse-a', reason: '误选需复查，已与医生核对', from: 'recheck', to: 'normal' },
  ])
  expect(okData(await invoke(main, 'her', 'myResult', { programmeId: PROG }))).toMatchObject({ outcome: 'normal' })
  expect(okData(await invoke(main, 'nurse-a', 'deskResult', { bookingId }))).toMatchObject({ corrections: 1 })
  const notices = okData(await invoke<OutboxNoticeDTO[]>(main, 'her', 'myNotices', {})).filter((n) => n.kind === 'result_ready')
  expect(notices).toHaveLength(2)
  const text = JSON.stringify(notices)
  expect(text).toContain('您的检查结果已更新')
  expect(text).not.toMatch(/正常|需复查|复查/) // never the result itself
})
