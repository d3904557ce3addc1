import type { DayDTO, ProgrammeCardDTO, SessionDTO } from '~types/screening'
import { endTimersWithFile, findInWrappers, openFreshPage, sleep, type FakeBackend, type SimulatedComponent } from './support/weapp-harness'

/**
 * The compiled weapp booking page (site → day → session) in miniprogram-simulate,
 * with WeChat's cloud.callFunction answered by fixtures: what a rider's phone
 * runs at 10:00 on release day.
 */
const BOOK_PAGE = 'packages/screening/pages/book/index'
const DAY = 86_400_000
const now = Date.UTC(2027, 2, 8, 2, 5)

const site = {
  id: 'site-fuyou',
  name: '市妇幼保健院',
  hospital: '市妇幼保健院',
  address: '建邺区莫愁湖西路 1 号',
  phone: '025-00000000',
  whatToBring: ['身份证'],
}
const card: ProgrammeCardDTO = {
  programme: {
    id: 'lc-2027-spring',
    name: '2027 春季两癌筛查',
    description: '免费宫颈癌、乳腺癌筛查',
    organiser: '市总工会',
    unionId: 'u-nanjing',
    privacyNotice: { version: '2027-01', text: '为安排筛查，我们会使用您的姓名、电话。' },
    eligibility: { gender: 'F', ageMin: 30, ageMax: 60, tagsAny: [], branches: [], notScreenedBefore: true },
    priority: null,
    totalQuota: 152,
    branchQuotas: [],
    sites: [site],
    releaseAt: now - 5 * 60_000,
    bookingClosesAt: now + 7 * DAY,
    cancelDeadlineHours: 24,
    offerHoldMinutes: 30,
    checkinToleranceMinutes: 30,
    firstDay: '2027-03-09',
    lastDay: '2027-03-15',
    status: 'open',
    placesLeft: 20,
  },
  eligibility: { eligible: true, reasons: [], reason: null, priority: true, priorityNote: '30–60 岁且两年内未筛查' },
  myBooking: null,
  myWaitlist: null,
  releaseReminder: false,
  serverNow: now,
}
const days: DayDTO[] = [
  { date: '2027-03-09', weekday: '周二', sessions: 2, capacity: 24, placesLeft: 12 },
  { date: '2027-03-10', weekday: '周三', sessions: 2, capacity: 24, placesLeft: 0 },
]
const session = (id: string, label: string, period: SessionDTO['period'], placesLeft: number): SessionDTO => ({
  id,
  programmeId: card.programme.id,
  siteId: site.id,
  date: '2027-03-09',
  label,
  startAt: 0,
  endAt: 0,
  period,
  capacity: 12,
  placesLeft,
})
const sessions = [session('s-0309-early', '07:00–09:00', 'early', 12), session('s-0309-evening', '18:00–20:00', 'evening', 0)]

const fixtures: Record<string, unknown> = { listProgrammes: [card], getProgramme: card, listDays: days, listSessions: sessions }
const backend: FakeBackend = (name, body) =>
  name === 'screening' && body.action in fixtures
    ? { ok: true, data: fixtures[body.action] }
    : { ok: false, code: 'INTERNAL', message: 'unexpected call' }

endTimersWithFile() // the page re-reads places left every 20 s
const find = findInWrappers

async function waitForText(page: SimulatedComponent, text: string): Promise<void> {
  for (let i = 0; i < 50 && !page.dom.textContent?.includes(text); i++) await sleep(20)
  expect(page.dom.textContent).toContain(text)
}

test('the booking page shows the one site, its days, and after a tap the sessions with places left', async () => {
  const wechat = openFreshPage(BOOK_PAGE, backend)
  const page = wechat.page
  await waitForText(page, '市妇幼保健院')
  await waitForText(page, '3月9日 周二')
  expect(page.dom.textContent).toContain('余 12 个')
  expect(page.dom.textContent).toContain('已约满') // 3月10日 is full, still shown

  const day = find(page, '#day-2027-03-09')
  expect(day).toBeDefined()
  day?.dispatchEvent('tap')
  await waitForText(page, '07:00–09:00')

  // The simulator scopes class names by component ("main--"), and keeps ids in its own tree, not the DOM.
  const options = Array.from(page.dom.querySelectorAll('.main--session-option'))
  expect(options.map((o) => o.textContent)).toEqual(['07:00–09:00清晨场 · 上班前余 12 个', '18:00–20:00晚间场 · 下班后已约满'])
  expect(options[1].className).toContain('choice--disabled')
  expect(find(page, '#places-left-s-0309-early')?.dom.textContent).toBe('余 12 个')
  expect(find(page, '#places-left-s-0309-evening')?.dom.textContent).toBe('已约满')
  expect(page.dom.textContent).toContain('清晨场')
  expect(page.dom.textContent).toContain('第 2027-01 版')
  expect(wechat.log.calls.map((c) => c.action)).toEqual(['listProgrammes', 'listDays', 'listSessions'])
})

test('a failed read shows the Chinese message and a retry', async () => {
  const wechat = openFreshPage(BOOK_PAGE, () => ({ ok: false, code: 'INTERNAL', message: 'raw' }))
  await waitForText(wechat.page, '系统繁忙')
  expect(wechat.page.dom.textContent).toContain('重试')
  expect(wechat.page.dom.textContent).not.toContain('raw')
})

test('a woman outside the age range sees the reason on the programme page and no booking button', async () => {
  const reason = '年龄不在 30–60 岁范围'
  const ineligible: ProgrammeCardDTO = {
    ...card,
    eligibility: { eligible: false, reasons: [reason], reason, priority: false, priorityNote: null },
  }
  const wechat = openFreshPage('packages/screening/pages/programme/index', (_name, body) =>
    body.action === 'listProgrammes' ? { ok: true, data: [ineligible] } : { ok: false, code: 'INTERNAL', message: 'unexpected' },
  )
  await waitForText(wechat.page, reason)
  expect(find(wechat.page, '#ineligible-reason')?.dom.textContent).toBe(reason)
  expect(find(wechat.page, '#go-book')).toBeUndefined()
  expect(wechat.page.dom.textContent).not.toContain('去预约')
})

test('a woman on the waiting list sees her place in line, and a held place with its deadline when offered', async () => {
  const full = { ...card.programme, placesLeft: 0 }
  const waiting: ProgrammeCardDTO = {
    ...card,
    programme: full,
    myWaitlist: { programmeId: full.id, status: 'waiting', position: 3, siteId: null, priority: false, joinedAt: now, offer: null },
  }
  let wechat = openFreshPage('packages/screening/pages/programme/index', () => ({ ok: true, data: [waiting] }))
  await waitForText(wechat.page, '排第 3 位')
  expect(find(wechat.page, '#leave-waitlist')).toBeDefined()

  const offered: ProgrammeCardDTO = {
    ...waiting,
    myWaitlist: {
      ...waiting.myWaitlist!,
      status: 'offered',
      position: null,
      offer: { session: sessions[0], site, expiresAt: Date.UTC(2027, 2, 8, 2, 35) },
    },
  }
  wechat = openFreshPage('packages/screening/pages/programme/index', () => ({ ok: true, data: [offered] }))
  await waitForText(wechat.page, '候补成功')
  expect(wechat.page.dom.textContent).toContain('3月8日 10:35 前确认')
  expect(find(wechat.page, '#accept-offer')).toBeDefined()
})
