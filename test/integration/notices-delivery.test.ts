/**
 * Issue 16 §4, through the port to the local WeChat: the timer delivers the queue. A result-ready notice reaches her
 * with its template, a page from the route table and no health data; WeChat's refusal (43101, no opt-in left) is
 * recorded 未送达 and never retried; a busy WeChat (-1) is retried with backoff and delivered exactly once; a notice
 * whose sending call died becomes 结果未知 and is never sent again.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import { localTemplateId } from '~types/notice-templates'
import { noticeStateLabel } from '~types/notices'
import { noticePage } from '~types/routes'
import type { BookResponse, CheckinCodeDTO, OutboxNoticeDTO, SessionDTO } from '~types/screening'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { programmeRequest, seedMembers, seedProgramme, seedRole, staffOf } from './screening.fixtures'

const T0 = Date.UTC(2027, 2, 8, 2, 0)
let now = T0
let emu: TestEmulator
const main = createScreeningFunction({ clock: () => now })
const PROG = 'prog-deliver'
const RESULT = localTemplateId('screening', 'result')
const SEND = 'subscribeMessage.send'
let bookingId = ''

const tick = () => main({ Type: 'Timer', TriggerName: 'sweep' } as never, {})
const results = async () =>
  okData(await invoke<OutboxNoticeDTO[]>(main, 'her', 'myNotices', {}))
    .filter((n) => n.kind === 'result_ready')
    .reverse() // oldest first
const resultMessages = () => emu.wechat.messages('her').filter((m) => m.templateId === RESULT)

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedMembers(emu.db, [{ openid: 'her', name: '王秀英' }])
  await seedRole(emu.db, 'nurse', staffOf('site-a'))
  await seedProgramme(emu.db, programmeRequest(T0, { id: PROG, sites: ['site-a'], sessions: 1, perSession: 5 }), T0)
  const [s] = okData(await invoke<SessionDTO[]>(main, 'her', 'listSessions', { programmeId: PROG, siteId: 'site-a' }))
  // She taps 允许 for the result notice only (as the booking page asks), and the page tells the server.
  emu.wechat.accept('her', [RESULT])
  okData(await invoke(main, 'her', 'subscribe', { topics: ['result'] }))
  const r = okData(await invoke<BookResponse>(main, 'her', 'book', { programmeId: PROG, sessionId: s.id, consentVersion: 'v1' }))
  if (r.outcome === 'booked') bookingId = r.booking.bookingId
  now = s.startAt - 10 * 60_000
  const token = okData(await invoke<CheckinCodeDTO>(main, 'her', 'checkinCode', { programmeId: PROG })).token
  okData(await invoke(main, 'nurse', 'checkIn', { token }))
}, 60_000)
afterAll(() => emu.stop())

test('marking a result only queues her notice; a busy WeChat is retried by the timer with backoff and she gets it exactly once', async () => {
  okData(await invoke(main, 'nurse', 'markResult', { bookingId, outcome: 'recheck', note: '请两周内复查' }))
  expect(await results()).toMatchObject([{ state: 'queued', attempts: 0, delivered: false }])
  expect(emu.wechat.calls(SEND)).toBe(0) // the desk's call never waited for WeChat

  emu.wechat.failNext(SEND, -1)
  await tick()
  const [busy] = await results()
  expect(busy).toMatchObject({ state: 'queued', attempts: 1, errcode: -1 })
  expect(noticeStateLabel(busy)).toBe('重试中')
  const asked = emu.wechat.calls(SEND)
  await tick() // the backoff (at least 48 s) has not passed: not asked again yet
  expect(emu.wechat.calls(SEND)).toBe(asked)

  now += 5 * 60_000
  await tick()
  await tick()
  expect(resultMessages()).toHaveLength(1)
  const [msg] = resultMessages()
  expect(msg).toMatchObject({ touser: 'her', templateId: RESULT, page: noticePage('screeningBooking', { id: PROG }) })
  expect(JSON.stringify(msg.data)).not.toMatch(/正常|需复查|复查|两周/) // never the result itself
  expect(msg.data).toEqual({ thing1: { value: expect.any(String) }, thing2: { value: '您的检查结果已出，请进入小程序查看' } })
  const [done] = await results()
  expect(done).toMatchObject({ state: 'delivered', attempts: 2, delivered: true, deliveredAt: now, skippedReason: null })
  expect(noticeStateLabel(done)).toBe('已送达')
}, 30_000)

test('a second notice with no opt-in left is refused by WeChat (43101), recorded 未送达 and never retried', async () => {
  okData(await invoke(main, 'nurse', 'correctResult', { bookingId, outcome: 'normal', reason: '误选需复查，已与医生核对' }))
  await tick()
  const [, second] = await results()
  expect(second).toMatchObject({ state: 'refused', errcode: 43101, delivered: false, skippedReason: '未送达：用户未订阅', attempts: 1 })
  expect(noticeStateLabel(second)).toBe('未送达：用户未订阅')
  const asked = emu.wechat.calls(SEND)
  emu.wechat.accept('her', [RESULT]) // even an opt-in given later does not bring a refused notice back
  now += 60 * 60_000
  await tick()
  expect(emu.wechat.calls(SEND)).toBe(asked)
  expect(resultMessages()).toHaveLength(1)
}, 30_000)

test('a notice whose sending call died becomes 结果未知 once its lease is over, and is never sent again', async () => {
  okData(await invoke(main, 'nurse', 'correctResult', { bookingId, outcome: 'recheck', reason: '复核后更正' }))
  const queued = (await results())[2]
  // What a tick leaves when its process dies between taking the notice and recording WeChat's answer.
  await emu.db
    .collection(COLLECTIONS.outbox)
    .doc(queued.id)
    .update({ state: 'sending', leaseUntil: now + 60_000 })
  const asked = emu.wechat.calls(SEND)
  await tick()
  expect((await results())[2]).toMatchObject({ state: 'sending' }) // its lease still runs: perhaps still being asked
  now += 2 * 60_000
  await tick()
  await tick()
  const lost = (await results())[2]
  expect(lost).toMatchObject({ state: 'unknown', delivered: false })
  expect(noticeStateLabel(lost)).toBe('结果未知')
  expect(emu.wechat.calls(SEND)).toBe(asked) // she had an opt-in left (accepted above), and still nothing was resent
  expect(resultMessages()).toHaveLength(1)
}, 30_000)
