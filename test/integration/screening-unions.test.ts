/**
 * 各级工会 (issue 20) in 两癌筛查: a programme and its sites belong to the union that created them. A
 * district officer acts only on her subtree's programmes and desks and lists only them; the city acts
 * on all; a district's programme is for its own women, and a woman of another district reads why.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import { pathOf, unionDocs } from '../../tools/seed/union-structure'
import type { BookResponse, ProgrammeCardDTO, ProgrammeDTO, SessionDTO } from '~types/screening'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { programmeRequest, seedMembers, seedRole } from './screening.fixtures'

jest.setTimeout(60_000)

const NOW = Date.UTC(2027, 2, 1, 2, 0) // 10:00 Beijing
let emu: TestEmulator
const main = createScreeningFunction({ clock: () => NOW })

const CITY = 'city-officer'
const LEGACY = 'legacy-officer'
const QH = 'qinhuai-officer'
const MT = 'meituan-officer'
const RIDER = 'qh-rider'
const DRIVER = 'xw-driver'

const forQinhuai = { ...programmeRequest(NOW, { id: 'prog-qh', sites: ['site-qh'] }), organiser: undefined }
const forXuanwu = { ...programmeRequest(NOW, { id: 'prog-xw', sites: ['site-xw'] }), unionId: 'u-xuanwu' }
const booked = new Map<string, string>() // programme → the booking at its site

async function book(openid: string, programmeId: string, siteId: string): Promise<string> {
  const [s] = okData(await invoke<SessionDTO[]>(main, openid, 'listSessions', { programmeId, siteId }))
  const r = okData(await invoke<BookResponse>(main, openid, 'book', { programmeId, sessionId: s.id, consentVersion: 'v1' }))
  if (r.outcome !== 'booked') throw new Error('not booked')
  return r.booking.bookingId
}

beforeAll(async () => {
  emu = await startTestEmulator()
  await emu.db.collection(COLLECTIONS.unions).add(unionDocs(NOW))
  await seedRole(emu.db, CITY, { role: 'officer', unionId: 'u-nanjing' })
  await seedRole(emu.db, LEGACY, { role: 'officer' })
  await seedRole(emu.db, QH, { role: 'officer', unionId: 'u-qinhuai' })
  await seedRole(emu.db, MT, { role: 'officer', unionId: 'u-qh-meituan' })
  await seedMembers(emu.db, [
    { openid: RIDER, name: '王秀英', branch: '美团外卖秦淮站点工会', unionPath: pathOf('u-qh-meituan') },
    { openid: DRIVER, name: '陈静', branch: '玄武区网约车司机联合工会', unionPath: pathOf('u-xw-driver') },
  ])
  okData(await invoke(main, QH, 'createProgramme', forQinhuai))
  okData(await invoke(main, CITY, 'createProgramme', forXuanwu))
  booked.set('prog-qh', await book(RIDER, 'prog-qh', 'site-qh'))
  booked.set('prog-xw', await book(DRIVER, 'prog-xw', 'site-xw'))
})
afterAll(() => emu.stop())

const doc = async (coll: string, id: string) => (await emu.db.collection(coll).doc(id).get()).data[0] as Record<string, unknown>

test('a programme and its sites are stamped with the owner; a district’s programme is for its own members', async () => {
  expect(await doc(COLLECTIONS.screeningProgrammes, 'prog-qh')).toMatchObject({
    unionId: 'u-qinhuai',
    unionPath: ['u-nanjing', 'u-qinhuai'],
    organiser: '秦淮区总工会',
    eligibility: { within: { unionId: 'u-qinhuai', name: '秦淮区总工会' } },
  })
  expect(await doc(COLLECTIONS.screeningSites, 'site-qh')).toMatchObject({ unionId: 'u-qinhuai', unionPath: ['u-nanjing', 'u-qinhuai'] })
  expect(await doc(COLLECTIONS.screeningSites, 'site-xw')).toMatchObject({ unionId: 'u-xuanwu' })
  // the city's own programme is for everyone
  const city = okData(
    await invoke<ProgrammeDTO>(main, LEGACY, 'createProgramme', programmeRequest(NOW, { id: 'prog-city', sites: ['site-c'] })),
  )
  expect(city).toMatchObject({ unionId: 'u-nanjing', organiser: '南京市总工会', eligibility: { within: null } })
})

test('a woman of another district reads why she cannot book 秦淮’s programme, and is refused', async () => {
  const card = okData(await invoke<ProgrammeCardDTO>(main, DRIVER, 'getProgramme', { programmeId: 'prog-qh' }))
  expect(card.programme).toMatchObject({ organiser: '秦淮区总工会', unionId: 'u-qinhuai' })
  expect(card.eligibility).toMatchObject({
    eligible: false,
    reason: '本次筛查仅限秦淮区总工会所属会员，您所在的玄武区网约车司机联合工会不在其中',
  })
  const [s] = okData(await invoke<SessionDTO[]>(main, DRIVER, 'listSessions', { programmeId: 'prog-qh', siteId: 'site-qh' }))
  const refused = await invoke(main, DRIVER, 'book', { programmeId: 'prog-qh', sessionId: s.id, consentVersion: 'v1' })
  expect(refused).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' })
  expect(await invoke(main, DRIVER, 'joinWaitlist', { programmeId: 'prog-qh' })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' })
  // members see 主办 on every card
  const cards = okData(await invoke<ProgrammeCardDTO[]>(main, RIDER, 'listProgrammes', {}))
  expect(cards.find((c) => c.programme.id === 'prog-xw')!.programme.organiser).toBe('玄武区总工会')
})

/** Every officer action on one programme, and every desk action at its site (an officer reaches its owner's desks). */
async function perTarget(programmeId: string): Promise<[string, Record<string, unknown>][]> {
  const bookingId = booked.get(programmeId)!
  const sessionId = (
    (await emu.db.collection(COLLECTIONS.screeningSessions).where({ programmeId }).limit(1).get()).data[0] as { _id: string }
  )._id
  const owner = programmeId === 'prog-qh' ? RIDER : DRIVER
  const { token } = okData(await invoke<{ token: string }>(main, owner, 'checkinCode', { programmeId }))
  return [
    ['dashboard', { programmeId }],
    ['exportBookings', { programmeId }],
    ['exportBookings', { programmeId, full: true, reason: '核对名单' }],
    ['sweep', { programmeId }],
    ['staffBookings', { sessionId }],
    ['markNoShows', { sessionId }],
    ['checkIn', { token }],
    ['markResult', { bookingId, outcome: 'normal' }],
    ['readResult', { bookingId }],
    ['deskResult', { bookingId }],
    ['correctResult', { bookingId, outcome: 'recheck', reason: '复核' }],
  ]
}

test('秦淮 officer: FORBIDDEN on every action on 玄武’s programme and desk; her grassroots officer on the district’s', async () => {
  for (const [action, data] of await perTarget('prog-xw'))
    expect([action, await invoke(main, QH, action, data)]).toMatchObject([action, { ok: false, code: 'FORBIDDEN' }])
  for (const [action, data] of await perTarget('prog-qh'))
    expect([action, await invoke(main, MT, action, data)]).toMatchObject([action, { ok: false, code: 'FORBIDDEN' }])
  // the whole city's sweep is the city's; naming another district's site or owner in a new programme too
  expect(await invoke(main, QH, 'sweep', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  const grab = { ...programmeRequest(NOW, { id: 'prog-grab', sites: ['site-xw'] }) }
  expect(await invoke(main, QH, 'createProgramme', grab)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await invoke(main, QH, 'createProgramme', { ...grab, sites: forQinhuai.sites, unionId: 'u-gulou' })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  })
  expect(await doc(COLLECTIONS.screeningProgrammes, 'prog-grab')).toBeUndefined()
})

test('on her own programme and desk she acts; the city acts on both districts', async () => {
  const cases: [string, string][] = [
    [QH, 'prog-qh'],
    [CITY, 'prog-qh'],
    [CITY, 'prog-xw'],
    [LEGACY, 'prog-xw'],
  ]
  for (const [who, programmeId] of cases) {
    for (const [action, data] of await perTarget(programmeId)) {
      const env = await invoke(main, who, action, data)
      expect([who, action, env.ok ? 'ok' : env.code]).not.toEqual([who, action, 'FORBIDDEN'])
    }
    expect(okData(await invoke(main, who, 'dashboard', { programmeId })).totals.booked).toBe(1)
    expect(okData(await invoke(main, who, 'exportBookings', { programmeId })).rows).toHaveLength(1)
  }
  expect(okData(await invoke(main, CITY, 'sweep', {}))).toMatchObject({ stalePendingReleased: 0 })
  // the district's own new programme may reuse her own site
  const again = { ...programmeRequest(NOW + 1, { id: 'prog-qh-2', sites: ['site-qh'] }) }
  expect(okData(await invoke<ProgrammeDTO>(main, QH, 'createProgramme', again)).organiser).toBe('秦淮区总工会')
})

test('lists: her programmes and her desks’ sessions are her subtree’s; the city sees all', async () => {
  const ids = async (who: string) => okData(await invoke<ProgrammeDTO[]>(main, who, 'officerProgrammes', {})).map((p) => p.id)
  expect(await ids(QH)).toEqual(expect.arrayContaining(['prog-qh']))
  expect(await ids(QH)).not.toContain('prog-xw')
  expect(await ids(MT)).toEqual([])
  expect(await ids(CITY)).toEqual(expect.arrayContaining(['prog-qh', 'prog-xw', 'prog-city']))
  const date = okData(await invoke<SessionDTO[]>(main, RIDER, 'listSessions', { programmeId: 'prog-qh', siteId: 'site-qh' }))[0].date
  const sites = async (who: string) =>
    new Set(okData(await invoke<{ siteId: string }[]>(main, who, 'staffSessions', { date })).map((s) => s.siteId))
  expect(await sites(QH)).toEqual(new Set(['site-qh']))
  expect(await sites(CITY)).toEqual(new Set(['site-qh', 'site-xw', 'site-c']))
  // the dashboard's eligible women are the owner's members only
  const dash = okData(await invoke(main, QH, 'dashboard', { programmeId: 'prog-qh' }))
  expect(dash.byBranch.map((b: { branch: string }) => b.branch)).not.toContain('玄武区网约车司机联合工会')
})
