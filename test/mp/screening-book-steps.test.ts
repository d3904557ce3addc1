import type { BookingDTO, DayDTO, ProgrammeCardDTO, SessionDTO } from '~types/screening'
import { endTimersWithFile, findInWrappers, openFreshPage, sleep, type FakeBackend, type SimulatedComponent } from './support/weapp-harness'

/**
 * The compiled screening pages in miniprogram-simulate, for what a woman must
 * not miss: the next step after tapping a day (defect 13), a session too close
 * to change (9), two independent notices (13), the way to her booking when she
 * has one (13), a code that notices the desk's check-in (8), and the words
 * after she attended (12).
 */
// Each test boots a fresh app in the simulator: seconds on a busy machine.
jest.setTimeout(30_000)

const HOUR = 3_600_000
const site = {
  id: 'site-fuyou',
  name: '市妇幼保健院',
  hospital: '市妇幼保健院',
  address: '建邺区莫愁湖西路 1 号',
  phone: '025-00000000',
  whatToBring: ['身份证'],
}
const programme = {
  id: 'lc-2027',
  name: '2027 春季两癌筛查',
  description: '免费筛查',
  organiser: '市总工会',
  unionId: 'u-nanjing',
  privacyNotice: { version: '2027-01', text: '为安排筛查，我们会使用您的姓名、电话。' },
  eligibility: { gender: 'F', ageMin: 30, ageMax: 60, tagsAny: [], branches: [], notScreenedBefore: true },
  priority: null,
  totalQuota: 152,
  branchQuotas: [],
  sites: [site],
  releaseAt: Date.now() - HOUR,
  bookingClosesAt: Date.now() + 100 * HOUR,
  cancelDeadlineHours: 2,
  offerHoldMinutes: 30,
  checkinToleranceMinutes: 30,
  firstDay: '2027-03-09',
  lastDay: '2027-03-15',
  status: 'open',
  placesLeft: 20,
} as ProgrammeCardDTO['programme']
const open: ProgrammeCardDTO = {
  programme,
  eligibility: { eligible: true, reasons: [], reason: null, priority: false, priorityNote: null },
  myBooking: null,
  myWaitlist: null,
  releaseReminder: false,
  serverNow: Date.now(),
}
const days: DayDTO[] = [{ date: '2027-03-09', weekday: '周二', sessions: 2, capacity: 24, placesLeft: 12 }]
const session = (id: string, label: string, startAt: number): SessionDTO => ({
  id,
  programmeId: programme.id,
  siteId: site.id,
  date: '2027-03-09',
  label,
  startAt,
  endAt: startAt + 2 * HOUR,
  period: 'day',
  capacity: 12,
  placesLeft: 6,
})
const soon = session('s-soon', '10:00–12:00', Date.now() + HOUR)
const later = session('s-later', '14:00–16:00', Date.now() + 30 * HOUR)
const booking = (over: Partial<BookingDTO>): BookingDTO => ({
  bookingId: 'b1',
  programmeId: programme.id,
  programmeName: programme.name,
  status: 'booked',
  site,
  session: later,
  bookedAt: Date.now(),
  consent: { version: '2027-01', at: Date.now() },
  checkedInAt: null,
  cancelledAt: null,
  cancelDeadline: later.startAt - 2 * HOUR,
  canCancel: true,
  whatToBring: ['身份证'],
  resultReady: false,
  ...over,
})

function backendOf(fixtures: Record<string, unknown>): FakeBackend {
  return (_name, body) =>
    body.action in fixtures ? { ok: true, data: fixtures[body.action] } : { ok: false, code: 'INTERNAL', message: 'unexpected call' }
}

endTimersWithFile({ timeouts: true })
const find = findInWrappers

async function until(check: () => boolean, ms = 3000): Promise<void> {
  for (let waited = 0; waited < ms && !check(); waited += 20) await sleep(20)
}
const text = (page: SimulatedComponent) => page.dom.textContent ?? ''

/** Records wx.pageScrollTo, which the simulator does not provide. */
function recordScrolls(): string[] {
  const scrolls: string[] = []
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx
  wx.pageScrollTo = (opts: { selector?: string; success?: (r: unknown) => void }) => {
    scrolls.push(opts.selector ?? '')
    opts.success?.({ errMsg: 'pageScrollTo:ok' })
  }
  return scrolls
}

async function pickDayAndSession(page: SimulatedComponent, sessionId: string) {
  await until(() => !!find(page, '#day-2027-03-09'))
  find(page, '#day-2027-03-09')?.dispatchEvent('tap')
  await until(() => !!find(page, `#session-${sessionId}`))
  find(page, `#session-${sessionId}`)?.dispatchEvent('tap')
  await until(() => !!find(page, '#chosen-session'))
}

test('after a day is tapped the page takes her to ③ 选择时段', async () => {
  const wechat = openFreshPage(
    'packages/screening/pages/book/index',
    backendOf({ getProgramme: open, listDays: days, listSessions: [later] }),
    { id: programme.id },
  )
  const scrolls = recordScrolls()
  await until(() => !!find(wechat.page, '#day-2027-03-09'))
  find(wechat.page, '#day-2027-03-09')?.dispatchEvent('tap')
  await until(() => scrolls.includes('#step-session'))
  expect(scrolls).toContain('#step-session')
  expect(find(wechat.page, '#step-session')?.dom.textContent).toBe('③ 选择时段')
})

test('预约成功时通知 and 前一天提醒我 can both be on', async () => {
  const wechat = openFreshPage(
    'packages/screening/pages/book/index',
    backendOf({ getProgramme: open, listDays: days, listSessions: [later] }),
    { id: programme.id },
  )
  await until(() => !!find(wechat.page, '#notice-reminder'))
  const on = (id: string) => (find(wechat.page, `#${id}`)?.dom.textContent ?? '').startsWith('✓')
  expect(on('notice-confirmation') && on('notice-reminder')).toBe(true)
  find(wechat.page, '#notice-reminder')?.dispatchEvent('tap')
  await until(() => !on('notice-reminder'))
  expect([on('notice-confirmation'), on('notice-reminder')]).toEqual([true, false])
  find(wechat.page, '#notice-reminder')?.dispatchEvent('tap')
  await until(() => on('notice-reminder'))
  expect([on('notice-confirmation'), on('notice-reminder')]).toEqual([true, true])
})

test('a session inside the change window is flagged before confirming, and booking it asks first', async () => {
  const wechat = openFreshPage(
    'packages/screening/pages/book/index',
    backendOf({ getProgramme: open, listDays: days, listSessions: [soon, later] }),
    { id: programme.id },
  )
  recordScrolls()
  await pickDayAndSession(wechat.page, soon.id)
  await until(() => !!find(wechat.page, '#late-warning'))
  expect(find(wechat.page, '#late-warning')?.dom.textContent).toContain('预约后不能再改约或取消')
  find(wechat.page, '#consent-check')?.dispatchEvent('tap')
  wechat.log.confirmModals = false
  await sleep(20)
  find(wechat.page, '#book-submit')?.dispatchEvent('tap')
  await until(() => wechat.log.modals.length > 0)
  expect(wechat.log.modals[0].content).toContain('不能再改约或取消')
  expect(wechat.log.calls.map((c) => c.action)).not.toContain('book') // she chose another session

  find(wechat.page, `#session-${later.id}`)?.dispatchEvent('tap')
  await until(() => !find(wechat.page, '#late-warning'))
  expect(find(wechat.page, '#late-warning')).toBeUndefined()
})

test('when she has already booked, the booking page links to her booking', async () => {
  const booked = { ...open, myBooking: booking({}) }
  const wechat = openFreshPage('packages/screening/pages/book/index', backendOf({ getProgramme: booked }), { id: programme.id })
  await until(() => !!find(wechat.page, '#book-unavailable'))
  expect(find(wechat.page, '#book-unavailable')?.dom.textContent).toContain('查看我的预约')
})

test('inside the window her booking says why 改约 and 取消 are gone', async () => {
  const locked = { ...open, myBooking: booking({ session: soon, canCancel: false, cancelDeadline: soon.startAt - 2 * HOUR }) }
  const wechat = openFreshPage(
    'packages/screening/pages/booking/index',
    backendOf({
      getProgramme: locked,
      codeStatus: { done: false, title: null, detail: null, at: null },
      checkinCode: { bookingId: 'b1', token: 'T1', expiresAt: Date.now() + 30_000, refreshInMs: 27_000 },
    }),
    { id: programme.id },
  )
  await until(() => !!find(wechat.page, '#change-closed'))
  expect(find(wechat.page, '#change-closed')?.dom.textContent).toContain('就诊前 2 小时内不能改约或取消')
  expect(find(wechat.page, '#cancel-booking')).toBeUndefined()
})

test('her check-in code turns into 已签到 as soon as the desk checks her in', async () => {
  let checkedIn = false
  const backend: FakeBackend = (_name, body) => {
    const b = checkedIn ? booking({ status: 'checked_in', checkedInAt: Date.now() }) : booking({})
    const status = checkedIn
      ? { done: true, title: '已签到', detail: '08:12 · 市妇幼保健院', at: Date.now() }
      : { done: false, title: null, detail: null, at: null }
    const data = {
      getProgramme: { ...open, myBooking: b },
      codeStatus: status,
      checkinCode: { bookingId: 'b1', token: 'TOKEN-1', expiresAt: Date.now() + 30_000, refreshInMs: 27_000 },
    }[body.action]
    return data ? { ok: true, data } : { ok: false, code: 'INTERNAL', message: 'unexpected' }
  }
  const wechat = openFreshPage('packages/screening/pages/booking/index', backend, { id: programme.id })
  await until(() => !!find(wechat.page, '#checkin-qr-image'))
  expect(find(wechat.page, '#checkin-qr-image')).toBeDefined()
  checkedIn = true // the nurse scans it
  await until(() => !!find(wechat.page, '#checked-in') || !!find(wechat.page, '#checkin-qr-outcome'), 6000)
  expect(text(wechat.page)).toContain('已签到')
  expect(find(wechat.page, '#checkin-qr-image')).toBeUndefined()
}, 10_000)

test('after her own check-in the programme page says she has attended, not that she is not eligible', async () => {
  const attended: ProgrammeCardDTO = {
    ...open,
    eligibility: { eligible: false, reasons: ['已参加本轮筛查'], reason: '已参加本轮筛查', priority: false, priorityNote: null },
    myBooking: booking({ status: 'checked_in', checkedInAt: Date.now() }),
  }
  const wechat = openFreshPage('packages/screening/pages/programme/index', backendOf({ getProgramme: attended }), { id: programme.id })
  await until(() => text(wechat.page).includes('已参加'))
  expect(find(wechat.page, '#attended')?.dom.textContent).toContain('您已参加本轮筛查')
  expect(text(wechat.page)).not.toContain('暂不符合')
})
