/**
 * 各级工会 (issue 20) in 会聚良缘: a mixer belongs to the union that runs it. A district officer acts
 * only on her subtree's mixers (review, decisions, figures, edits, their reports), lists only them;
 * the city acts on all. A district's mixer is for its own members: a member of another district reads
 * why and her sign-up is refused. Members read 主办 on the card.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createMatchmakingFunction } from '../../cloudfunctions/matchmaking/index'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { HOUR, mixerRequest, prepare, seedPeople, type Person } from './matchmaking-fixtures'
import { seedRole } from './screening.fixtures'
import { placeMembers, seedTree } from './vouchers-fixtures'

jest.setTimeout(60_000)

const T0 = Date.UTC(2027, 7, 1, 2, 0)
let emu: TestEmulator
const main = createMatchmakingFunction({ clock: () => T0 })
const call = (openid: string, action: string, data?: unknown) => invoke(main, openid, action, data)
const ok = async (openid: string, action: string, data?: unknown) => okData(await call(openid, action, data))
const code = (r: { ok: boolean; code?: string }) => (r.ok ? 'OK' : r.code)

const CITY = 'mx-city-officer'
const LEGACY = 'mx-legacy-officer' // an officer role without a node: a city officer
const QH = 'mx-qinhuai-officer' // 陈红, 秦淮区总工会
const QH_MAN: Person = { openid: 'mx-qh-man', gender: 'M' } // 美团外卖秦淮站点工会
const QH_WOMAN: Person = { openid: 'mx-qh-woman', gender: 'F' } // 苏果超市有限公司工会 (秦淮)
const XW_WOMAN: Person = { openid: 'mx-xw-woman', gender: 'F' } // 玄武区教育系统工会

let qhMixer = ''
let xwMixer = ''

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedTree(emu.db)
  await seedRole(emu.db, CITY, { role: 'officer', unionId: 'u-nanjing' })
  await seedRole(emu.db, LEGACY, { role: 'officer' })
  await seedRole(emu.db, QH, { role: 'officer', unionId: 'u-qinhuai' })
  await seedPeople(emu.db, [QH_MAN, QH_WOMAN, XW_WOMAN])
  await placeMembers(emu.db, { [QH_MAN.openid]: 'u-qh-meituan', [QH_WOMAN.openid]: 'u-qh-suguo', [XW_WOMAN.openid]: 'u-xw-school' })
  await prepare(main, [QH_MAN, QH_WOMAN, XW_WOMAN])
  const { organiser: _typed, ...request } = mixerRequest(T0, { review: 'officer' })
  qhMixer = (await ok(QH, 'saveMixer', { ...request, title: '七夕 · 秦淮联谊会', programme: '2027 联谊' })).id
  xwMixer = (await ok(CITY, 'saveMixer', { ...request, title: '玄武湖畔联谊会', programme: '2027 联谊', unionId: 'u-xuanwu' })).id
})
afterAll(() => emu.stop())

const mixerDoc = async (id: string) => ((await emu.db.collection(COLLECTIONS.mixers).doc(id).get()).data as Record<string, unknown>[])[0]

test('a mixer is stamped with its owner: her node by default, or one below it; 主办 is its name, not what was typed', async () => {
  expect(await mixerDoc(qhMixer)).toMatchObject({
    unionId: 'u-qinhuai',
    unionPath: ['u-nanjing', 'u-qinhuai'],
    organiser: '秦淮区总工会',
    within: { unionId: 'u-qinhuai', name: '秦淮区总工会' },
  })
  const typed = await ok(LEGACY, 'saveMixer', { ...mixerRequest(T0), title: '全市联谊会' }) // organiser '山阳区总工会' typed
  expect(typed).toMatchObject({ unionId: 'u-nanjing', organiser: '南京市总工会' })
  expect(await mixerDoc(typed.id)).toMatchObject({ within: null })
  const moved = await call(QH, 'saveMixer', { ...mixerRequest(T0), id: qhMixer, unionId: 'u-qh-meituan' })
  expect(moved).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field: 'unionId' })
})

test('a district officer is refused every action on another district’s mixer, before anything changes', async () => {
  const refused = {
    newForXw: await call(QH, 'saveMixer', { ...mixerRequest(T0), unionId: 'u-xuanwu' }),
    edit: await call(QH, 'saveMixer', { ...mixerRequest(T0), id: xwMixer, title: '改名' }),
    reviewList: await call(QH, 'reviewList', { mixerId: xwMixer }),
    decide: await call(QH, 'decide', { mixerId: xwMixer, ref: 'anyref', approve: true }),
    figures: await call(QH, 'figures', { mixerId: xwMixer }),
    // the sweep runs over every mixer: the city's
    sweep: await call(QH, 'sweep', {}),
  }
  for (const [name, r] of Object.entries(refused)) expect([name, code(r)]).toEqual([name, 'FORBIDDEN'])
  expect(await mixerDoc(xwMixer)).toMatchObject({ title: '玄武湖畔联谊会' })
})

test('a district’s mixer is for its own members: one of another district reads why and is refused; 主办 on the card', async () => {
  const card = await ok(XW_WOMAN.openid, 'getMixer', { mixerId: qhMixer })
  expect(card.mixer).toMatchObject({ organiser: '秦淮区总工会', unionId: 'u-qinhuai' })
  expect(card.eligibility).toMatchObject({ eligible: false, reasons: [expect.stringContaining('仅限秦淮区总工会所属会员')] })
  const refused = await call(XW_WOMAN.openid, 'signUp', { mixerId: qhMixer })
  expect(refused).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', message: expect.stringContaining('秦淮区总工会') })
  expect((await emu.db.collection(COLLECTIONS.mixerSignups).where({ openid: XW_WOMAN.openid }).get()).data).toEqual([])
  for (const p of [QH_MAN, QH_WOMAN]) expect((await ok(p.openid, 'signUp', { mixerId: qhMixer })).status).toBe('review')
  expect((await ok(XW_WOMAN.openid, 'signUp', { mixerId: xwMixer })).status).toBe('review')
})

test('on her own mixer she reviews, decides and reads figures; the city does on both', async () => {
  const review = await ok(QH, 'reviewList', { mixerId: qhMixer })
  expect(review.rows).toHaveLength(2)
  expect(code(await call(QH, 'decide', { mixerId: qhMixer, ref: review.rows[0].ref, approve: true }))).toBe('OK')
  expect(code(await call(QH, 'figures', { mixerId: qhMixer }))).toBe('OK')
  expect(
    code(
      await call(QH, 'saveMixer', {
        ...mixerRequest(T0, { review: 'officer' }),
        id: qhMixer,
        title: '七夕 · 秦淮联谊会（改）',
        programme: '2027 联谊',
      }),
    ),
  ).toBe('OK')
  expect(await mixerDoc(qhMixer)).toMatchObject({ organiser: '秦淮区总工会', unionId: 'u-qinhuai' }) // an edit keeps its owner
  for (const who of [CITY, LEGACY])
    for (const mixerId of [qhMixer, xwMixer]) {
      expect(code(await call(who, 'reviewList', { mixerId }))).toBe('OK')
      expect(code(await call(who, 'figures', { mixerId }))).toBe('OK')
    }
  const xwRef = (await ok(CITY, 'reviewList', { mixerId: xwMixer })).rows[0].ref
  expect(code(await call(CITY, 'decide', { mixerId: xwMixer, ref: xwRef, approve: true }))).toBe('OK')
  expect(code(await call(CITY, 'sweep', {}))).toBe('OK')
})

test('her lists and figures hold only her subtree’s mixers; the city’s hold all', async () => {
  const mine = (await ok(QH, 'officerMixers')) as { id: string; organiser: string }[]
  expect(mine.map((m) => m.id)).toEqual([qhMixer])
  const all = ((await ok(CITY, 'officerMixers')) as { id: string }[]).map((m) => m.id)
  expect(all).toEqual(expect.arrayContaining([qhMixer, xwMixer]))
  const prog = await ok(QH, 'programme', { programme: '2027 联谊' })
  expect(prog.mixers.map((f: { mixerId: string }) => f.mixerId)).toEqual([qhMixer])
  const cityProg = await ok(CITY, 'programme', { programme: '2027 联谊' })
  expect(cityProg.mixers.map((f: { mixerId: string }) => f.mixerId).sort()).toEqual([qhMixer, xwMixer].sort())
  // an officer's check-in desks: her subtree's mixers
  const desks = (await ok(QH, 'staffMixers')) as { mixer: { id: string } }[]
  expect(desks.map((d) => d.mixer.id)).toEqual([qhMixer])
})

test('reports follow their mixer: she lists and acts on her mixers’ reports only', async () => {
  // a report filed at each mixer (written as the report action stores it: the attendee flow needs a check-in)
  const report = (id: string, mixerId: string) => ({
    _id: id,
    mixerId,
    mixerTitle: mixerId,
    reporterRef: `r-${id}`,
    subjectOpenid: QH_MAN.openid,
    subject: { badge: 1, nickname: 'x', maskedName: '成*' },
    reason: 'other',
    note: '',
    at: T0 - HOUR,
    status: 'open',
  })
  await emu.db.collection(COLLECTIONS.mixerReports).add([report('rep-qh', qhMixer), report('rep-xw', xwMixer)])
  expect((await ok(QH, 'listReports')).map((r: { id: string }) => r.id)).toEqual(['rep-qh'])
  expect((await ok(CITY, 'listReports')).map((r: { id: string }) => r.id).sort()).toEqual(['rep-qh', 'rep-xw'])
  expect(code(await call(QH, 'dismissReport', { reportId: 'rep-xw' }))).toBe('FORBIDDEN')
  expect(code(await call(QH, 'barMember', { reportId: 'rep-xw', reason: '骚扰', until: T0 + 24 * HOUR }))).toBe('FORBIDDEN')
  expect(code(await call(QH, 'decideAppeal', { reportId: 'rep-xw', lift: true }))).toBe('FORBIDDEN')
  expect(code(await call(QH, 'dismissReport', { reportId: 'rep-qh' }))).toBe('OK')
  expect(code(await call(CITY, 'dismissReport', { reportId: 'rep-xw' }))).toBe('OK')
})

test('资料审核: her queue holds her subtree’s members’ texts; another district’s is not hers to decide', async () => {
  const hold = (ref: string) => ({ ref, state: 'pending', fields: ['intro'], label: 10001, maskedName: '成*', reason: null, at: T0 })
  const profiles = emu.db.collection(COLLECTIONS.mixerProfiles)
  await profiles.doc(QH_MAN.openid).update({ hold: hold('qhholdref0000001') })
  await profiles.doc(XW_WOMAN.openid).update({ hold: hold('xwholdref0000001') })
  expect((await ok(QH, 'profileTexts')).map((t: { ref: string }) => t.ref)).toEqual(['qhholdref0000001'])
  expect((await ok(CITY, 'profileTexts')).map((t: { ref: string }) => t.ref).sort()).toEqual(['qhholdref0000001', 'xwholdref0000001'])
  expect(code(await call(QH, 'decideProfileText', { ref: 'xwholdref0000001', approve: true }))).toBe('FORBIDDEN')
  expect(code(await call(QH, 'decideProfileText', { ref: 'qhholdref0000001', approve: true }))).toBe('OK')
  expect(code(await call(LEGACY, 'decideProfileText', { ref: 'xwholdref0000001', approve: true }))).toBe('OK')
})
