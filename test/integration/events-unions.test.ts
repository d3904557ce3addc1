/**
 * 各级工会 (issue 20) in 集章打卡 · 活动签到: an event belongs to the union that created it. A district
 * officer acts only on her subtree's events and their booths, tiers and checkpoints, and lists only
 * them; the city acts on all; sign-up of a district's event is for its own members.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createEventsFunction } from '../../cloudfunctions/events'
import { pathOf, unionDocs } from '../../tools/seed/union-structure'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { HOUR, seedMember, T0 } from './events-fixtures'

jest.setTimeout(60_000)

let emu: TestEmulator
const main = createEventsFunction({ clock: () => T0 })

const CITY = 'city-officer'
const LEGACY = 'legacy-officer' // an officer role without a node: a city officer
const QH = 'qinhuai-officer' // 陈红, 秦淮区总工会
const MT = 'meituan-officer' // 马骏, 美团外卖秦淮站点工会
const RIDER = 'qh-rider' // a member of 秦淮 (美团外卖秦淮站点工会)
const TEACHER = 'xw-teacher' // a member of 玄武 (玄武区教育系统工会)

const event = (title: string, unionId?: string) => ({
  kind: 'activity',
  title,
  description: '',
  venue: { name: '老门东', address: '', city: '南京市' },
  startsAt: T0,
  endsAt: T0 + 6 * HOUR,
  zones: [{ id: 'A', name: '工匠手作' }],
  signUp: { required: true, capacity: 100, closesAt: null },
  stampRules: { cooldownSeconds: 0 },
  ...(unionId ? { unionId } : {}),
})

let qhEvent = ''
let mtEvent = ''
let xwEvent = ''

beforeAll(async () => {
  emu = await startTestEmulator()
  await emu.db.collection(COLLECTIONS.unions).add(unionDocs(T0))
  await seedMember(emu.db, CITY, '孙丽', [{ role: 'officer', unionId: 'u-nanjing' }])
  await seedMember(emu.db, LEGACY, '老干部', [{ role: 'officer' }])
  await seedMember(emu.db, QH, '陈红', [{ role: 'officer', unionId: 'u-qinhuai' }])
  await seedMember(emu.db, MT, '马骏', [{ role: 'officer', unionId: 'u-qh-meituan' }])
  await seedMember(emu.db, RIDER, '王秀英', [], pathOf('u-qh-meituan'))
  await seedMember(emu.db, TEACHER, '李婷', [], pathOf('u-xw-school'))
  qhEvent = okData(await invoke(main, QH, 'saveEvent', event('秦淮工匠市集'))).id
  mtEvent = okData(await invoke(main, QH, 'saveEvent', event('美团骑手健步走', 'u-qh-meituan'))).id
  xwEvent = okData(await invoke(main, CITY, 'saveEvent', event('玄武登高', 'u-xuanwu'))).id
})
afterAll(() => emu.stop())

const detail = (id: string) => emu.db.collection(COLLECTIONS.events).doc(id).get()

test('a new event is stamped with its owner: her own node by default, or a union below it; 主办 is its name', async () => {
  const [qh] = (await detail(qhEvent)).data as Record<string, unknown>[]
  expect(qh).toMatchObject({ unionId: 'u-qinhuai', unionPath: ['u-nanjing', 'u-qinhuai'], organiser: '秦淮区总工会' })
  expect(qh.within).toEqual({ unionId: 'u-qinhuai', name: '秦淮区总工会' })
  const [mt] = (await detail(mtEvent)).data as Record<string, unknown>[]
  expect(mt).toMatchObject({ unionId: 'u-qh-meituan', organiser: '美团外卖秦淮站点工会' })
  // the city's own event is for every member
  const city = okData(await invoke(main, LEGACY, 'saveEvent', event('全市大集')))
  expect(city).toMatchObject({ unionId: 'u-nanjing', organiser: '南京市总工会', within: null })
  // an edit keeps the owner, whatever the form sends
  const edited = okData(await invoke(main, QH, 'saveEvent', { ...event('秦淮工匠市集（改）', 'u-qh-meituan'), id: qhEvent }))
  expect(edited).toMatchObject({ title: '秦淮工匠市集（改）', unionId: 'u-qinhuai', organiser: '秦淮区总工会' })
})

test('a district officer cannot create for another district, nor a grassroots officer for her district', async () => {
  const before = (await emu.db.collection(COLLECTIONS.events).count()).total
  expect(await invoke(main, QH, 'saveEvent', event('越权', 'u-xuanwu'))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await invoke(main, MT, 'saveEvent', event('越权', 'u-qinhuai'))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await invoke(main, QH, 'saveEvent', event('越权', 'u-nowhere'))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect((await emu.db.collection(COLLECTIONS.events).count()).total).toBe(before)
})

/** Every officer action (and every staff action an officer reaches as the owner) on one event. */
function perTarget(eventId: string): [string, Record<string, unknown>][] {
  return [
    ['manageEvent', { eventId }],
    ['saveEvent', { ...event('改名'), id: eventId }],
    ['saveBooth', { eventId, zoneId: 'A', name: '展位', exhibitor: '' }],
    ['saveTier', { eventId, name: '集满1枚', gift: '书签', rule: { minTotal: 1, minPerZone: 0 }, stock: 5 }],
    ['saveCheckpoint', { eventId, name: '起点', opensAt: T0, closesAt: T0 + HOUR }],
    ['boothCodes', { eventId }],
    ['boothCodeImage', { eventId, boothId: 'nobooth' }],
    ['reissueBoothCode', { eventId, boothId: 'nobooth' }],
    ['exportCheckIns', { eventId }],
    ['exportRedemptions', { eventId }],
    ['sweepPending', { eventId }],
    ['dashboard', { eventId }],
    ['scanLog', { eventId }],
    ['checkInCounts', { eventId }],
    ['checkpointCode', { eventId, checkpointId: 'nocp' }],
    ['checkpointPoster', { eventId, checkpointId: 'nocp' }],
    ['previewGift', { eventId, token: 'not-a-code' }],
    ['redeemGift', { eventId, token: 'not-a-code', desk: '1号台' }],
    ['checkIn', { eventId, checkpointId: 'nocp', token: 'not-a-code' }],
  ]
}

test('秦淮 officer: FORBIDDEN on every action on 玄武 event; her grassroots officer FORBIDDEN on the district event', async () => {
  for (const [action, data] of perTarget(xwEvent)) {
    expect([action, await invoke(main, QH, action, data)]).toMatchObject([action, { ok: false, code: 'FORBIDDEN' }])
  }
  for (const [action, data] of perTarget(qhEvent)) {
    expect([action, await invoke(main, MT, action, data)]).toMatchObject([action, { ok: false, code: 'FORBIDDEN' }])
  }
  // nothing changed on the other district's event
  expect(((await detail(xwEvent)).data[0] as { title: string }).title).toBe('玄武登高')
})

test('on her own (and her units’) events she acts; the city acts on both districts', async () => {
  const cases: [string, string][] = [
    [QH, qhEvent],
    [QH, mtEvent],
    [MT, mtEvent],
    [CITY, qhEvent],
    [CITY, xwEvent],
    [LEGACY, xwEvent],
  ]
  for (const [who, eventId] of cases) {
    for (const [action, data] of perTarget(eventId)) {
      const env = await invoke(main, who, action, data)
      expect([who, action, env.ok ? 'ok' : env.code]).not.toEqual([who, action, 'FORBIDDEN'])
    }
    expect(okData(await invoke(main, who, 'manageEvent', { eventId })).id).toBe(eventId)
    expect(okData(await invoke(main, who, 'dashboard', { eventId })).eventId).toBe(eventId)
    expect(okData(await invoke(main, who, 'exportCheckIns', { eventId })).masked).toBe(true)
  }
})

test('lists: the district officer sees only her subtree’s events, the grassroots officer only hers, the city all', async () => {
  const ids = async (who: string) => okData(await invoke(main, who, 'staffEvents', {})).events.map((e: { id: string }) => e.id)
  const qh = await ids(QH)
  expect(qh).toEqual(expect.arrayContaining([qhEvent, mtEvent]))
  expect(qh).not.toContain(xwEvent)
  expect(await ids(MT)).toEqual([mtEvent])
  expect(await ids(CITY)).toEqual(expect.arrayContaining([qhEvent, mtEvent, xwEvent]))
  // officers' rows carry 主办
  const rows = okData(await invoke(main, QH, 'staffEvents', {})).events
  expect(rows.find((e: { id: string }) => e.id === mtEvent)).toMatchObject({ organiser: '美团外卖秦淮站点工会' })
})

test('sign-up is for the owner’s members: a member of 玄武 reads why on 秦淮’s event and is refused', async () => {
  const list = okData(await invoke(main, TEACHER, 'listEvents', {})).events
  const qh = list.find((e: { id: string }) => e.id === qhEvent)
  expect(qh).toMatchObject({ organiser: '秦淮区总工会', within: { unionId: 'u-qinhuai' } })
  expect(qh.notForYou).toBe('本次活动仅限秦淮区总工会所属会员，您所在的测试工会不在其中')
  expect(list.find((e: { id: string }) => e.id === xwEvent)).toMatchObject({ organiser: '玄武区总工会', notForYou: null })
  expect(okData(await invoke(main, TEACHER, 'eventDetail', { eventId: qhEvent })).notForYou).toContain('仅限秦淮区总工会')
  const refused = await invoke(main, TEACHER, 'signUp', { eventId: qhEvent })
  expect(refused).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' })
  expect(refused.ok ? '' : refused.message).toContain('仅限秦淮区总工会所属会员')
  // 秦淮's rider signs up to her district's event and her station's
  expect(okData(await invoke(main, RIDER, 'eventDetail', { eventId: qhEvent })).notForYou).toBeNull()
  expect(okData(await invoke(main, RIDER, 'signUp', { eventId: qhEvent })).eventId).toBe(qhEvent)
  expect(okData(await invoke(main, RIDER, 'signUp', { eventId: mtEvent })).eventId).toBe(mtEvent)
})
