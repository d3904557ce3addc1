import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import { seedScreening } from '../../tools/seed/screening.seed'
import { pathOf } from '../../tools/seed/union-structure'
import type {
  BookResponse,
  CheckinCodeDTO,
  CodeStatusDTO,
  OutboxNoticeDTO,
  ProgrammeCardDTO,
  ResultDTO,
  SessionDTO,
} from '~types/screening'
import { localTemplateId } from '~types/notice-templates'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { seedMembers, seedRole, sessionDocs, staffOf } from './screening.fixtures'

const NOW = Date.UTC(2026, 10, 23, 3, 7) // 11:07 Beijing, any day would do
const now = NOW
let emu: TestEmulator
const main = createScreeningFunction({ clock: () => now })
const R1 = 'liangai-2027-r1'
const PLACE = '妇女保健科（南京市妇幼保健院）'

beforeAll(async () => {
  emu = await startTestEmulator()
  // what the member seed guarantees for these demo identities
  await seedMembers(emu.db, [
    { openid: 'demo-rider', name: '王秀英', gender: 'F', birthDate: '1986-04-12', tags: ['新就业形态'], branch: '美团外卖秦淮站点工会' },
    { openid: 'demo-member', name: '李明', gender: 'M', birthDate: '1990-05-20', tags: [], branch: '市机关工会' },
    {
      openid: 'a-nurse',
      name: '赵敏',
      gender: 'F',
      birthDate: '1989-11-30',
      tags: ['女职工'],
      branch: '市妇幼保健院工会',
      unionPath: pathOf('u-qh-fuyou'),
    },
    { openid: 'a-driver', name: '陈红', gender: 'F', birthDate: '1984-08-08', tags: ['新就业形态'], branch: '玄武区网约车司机联合工会' },
  ])
  await seedRole(emu.db, 'demo-nurse', staffOf('site-fuyou'))
  await seedScreening(emu.db, NOW)
  await seedScreening(emu.db, NOW) // idempotent
})
afterAll(() => emu.stop())

it('seeds 152 places over 7 days at 南京市妇幼保健院 with early, lunch-hour and evening sessions', async () => {
  const sessions = await sessionDocs(emu.db, R1)
  expect(sessions.reduce((n, s) => n + s.capacity, 0)).toBe(152)
  const list = okData(await invoke<SessionDTO[]>(main, 'demo-rider', 'listSessions', { programmeId: R1, siteId: 'site-fuyou' }))
  expect(new Set(list.map((s) => s.date)).size).toBe(7)
  expect(new Set(list.map((s) => s.period))).toEqual(new Set(['early', 'day', 'evening']))
  expect(list.some((s) => s.label === '11:30–13:30')).toBe(true)
  const cards = okData(await invoke<ProgrammeCardDTO[]>(main, 'demo-rider', 'listProgrammes', {}))
  expect(cards.map((c) => c.programme.status).sort()).toEqual(['open', 'open', 'upcoming'])
  // 主办 on every programme (issue 20): the city's first round, 秦淮's 三八 round, 鼓楼's own
  expect(cards.map((c) => c.programme.organiser).sort()).toEqual(['南京市总工会', '秦淮区总工会', '鼓楼区总工会'].sort())
})

it('shows the rider eligible with priority and 李明 ineligible with a reason', async () => {
  const rider = okData(await invoke<ProgrammeCardDTO>(main, 'demo-rider', 'getProgramme', { programmeId: R1 }))
  expect(rider.eligibility).toMatchObject({ eligible: true, priority: true })
  const li = okData(await invoke<ProgrammeCardDTO>(main, 'demo-member', 'getProgramme', { programmeId: R1 }))
  expect(li.eligibility).toMatchObject({ eligible: false, reason: '仅限女职工参加' })
})

it('the 三八 programme (秦淮区总工会) promises 女职工 and keeps it: a nurse of 秦淮 is eligible; the site never names its hospital twice (issue 8 defect 16)', async () => {
  const cards = okData(await invoke<ProgrammeCardDTO[]>(main, 'a-nurse', 'listProgrammes', {}))
  const march = cards.find((c) => c.programme.name.includes('三八'))!
  expect(march.eligibility).toMatchObject({ eligible: true })
  const site = march.programme.sites[0]
  expect([site.name, site.hospital]).toEqual(['妇女保健科', '南京市妇幼保健院'])
})

it('demo journey: she books today, the nurse checks her in and marks the result, she gets a notice and reads it', async () => {
  const [today] = okData(await invoke<SessionDTO[]>(main, 'demo-rider', 'listSessions', { programmeId: R1, siteId: 'site-fuyou' }))
  const booked = okData(
    await invoke<BookResponse>(main, 'demo-rider', 'book', { programmeId: R1, sessionId: today.id, consentVersion: '2027-01' }),
  )
  if (booked.outcome !== 'booked') throw new Error('not booked')
  expect(booked.booking.whatToBring).toContain('身份证')
  const { token } = okData(await invoke<CheckinCodeDTO>(main, 'demo-rider', 'checkinCode', { programmeId: R1 }))
  okData(await invoke(main, 'demo-nurse', 'checkIn', { token }))
  const done = okData(await invoke<CodeStatusDTO>(main, 'demo-rider', 'codeStatus', { programmeId: R1 }))
  expect(done.detail).toContain(`· ${PLACE}`)
  okData(await invoke(main, 'demo-nurse', 'markResult', { bookingId: booked.booking.bookingId, outcome: 'normal' }))
  const kinds = okData(await invoke<OutboxNoticeDTO[]>(main, 'demo-rider', 'myNotices', {})).map((n) => n.kind)
  expect(kinds.sort()).toEqual(['booking_confirmation', 'result_ready'])
  const result = okData(await invoke<ResultDTO>(main, 'demo-rider', 'myResult', { programmeId: R1 }))
  expect(result).toMatchObject({ outcomeLabel: '正常', siteName: PLACE })
})

it('her confirmation on the phone names the department and its hospital, 妇女保健科（南京市妇幼保健院） (issue 19 defect 4)', async () => {
  emu.wechat.accept('a-driver', [localTemplateId('screening', 'booking')])
  okData(await invoke(main, 'a-driver', 'subscribe', { topics: ['booking'] }))
  const sessions = okData(await invoke<SessionDTO[]>(main, 'a-driver', 'listSessions', { programmeId: R1, siteId: 'site-fuyou' }))
  const booked = okData(
    await invoke<BookResponse>(main, 'a-driver', 'book', { programmeId: R1, sessionId: sessions[1].id, consentVersion: '2027-01' }),
  )
  expect(booked.outcome).toBe('booked')
  await main({ Type: 'Timer' } as never, {})
  const [sent] = okData(await invoke<OutboxNoticeDTO[]>(main, 'a-driver', 'myNotices', {}))
  expect(sent).toMatchObject({ kind: 'booking_confirmation', state: 'delivered' })
  expect(sent.fields).toContainEqual({ label: '就诊地点', value: PLACE })
  const [message] = emu.wechat.messages('a-driver')
  expect(message.data.thing3).toEqual({ value: PLACE })
})
