/** Check-in at checkpoints: staff scan, self scan, repeats, windows, replay, scope, counts and export. */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createEventsFunction } from '../../cloudfunctions/events'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { HOUR, seedFair, seedMember, staffOf, T0 } from './events-fixtures'

jest.setTimeout(30_000)

let emu: TestEmulator
let now = T0
const main = createEventsFunction({ clock: () => now })

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedFair(emu.db, { id: 'cw', signUpRequired: true, capacity: 600 })
  await seedFair(emu.db, { id: 'c2' })
  await seedMember(emu.db, 'officer', '孙丽', [{ role: 'officer' }])
  await seedMember(emu.db, 'staff-cw', '刘洋', staffOf('cw'))
  await seedMember(emu.db, 'staff-c2', '陈静', staffOf('c2'))
  for (const m of ['walker', 'walker2', 'lazy']) await seedMember(emu.db, m, '张建国')
  for (const m of ['walker', 'walker2']) okData(await invoke(main, m, 'signUp', { eventId: 'cw' }))
})
afterAll(() => emu.stop())

const myCode = async (m: string, eventId = 'cw') => okData(await invoke(main, m, 'myCheckInCode', { eventId })).token as string
const checkIn = (token: string, checkpointId = 'cwS', who = 'staff-cw', eventId = 'cw') =>
  invoke(main, who, 'checkIn', { eventId, checkpointId, token })
const checkIns = async () => (await emu.db.collection(COLLECTIONS.eventCheckins).where({ eventId: 'cw' }).count()).total

test('staff scan checks a member in once; a repeat answers 已签到 with the first time and changes nothing', async () => {
  now = T0
  const token = await myCode('walker')
  const first = okData(await checkIn(token))
  expect(first).toMatchObject({ status: 'checked-in', checkedInAt: T0, memberName: '张**', checkpoint: { id: 'cwS', name: '起点' } })
  expect(first.counts).toEqual({
    eventId: 'cw',
    signedUp: 2,
    checkpoints: [
      { checkpointId: 'cwS', name: '起点', checkedIn: 1 },
      { checkpointId: 'cwM', name: '山顶', checkedIn: 0 },
    ],
  })
  now = T0 + 20_000
  expect(okData(await checkIn(token))).toMatchObject({ status: 'already', checkedInAt: T0 })
  now = T0 + 600_000
  expect(okData(await checkIn(await myCode('walker')))).toMatchObject({ status: 'already', checkedInAt: T0 })
  expect(await checkIns()).toBe(1)
})

test('check-in windows, replayed and expired codes, other events, unknown checkpoints', async () => {
  now = T0
  expect(await checkIn(await myCode('walker2'), 'cwM')).toMatchObject({ ok: false, code: 'CHECKIN_NOT_OPEN' })
  now = T0 + 1.5 * HOUR
  const token = await myCode('walker2')
  expect(okData(await checkIn(token, 'cwS')).status).toBe('checked-in')
  expect(await checkIn(token, 'cwM')).toMatchObject({ ok: false, code: 'TOKEN_REPLAYED' })
  expect(okData(await checkIn(await myCode('walker2'), 'cwM')).status).toBe('checked-in')
  now = T0 + 6 * HOUR
  const late = await myCode('walker')
  expect(await checkIn(late, 'cwM')).toMatchObject({ ok: false, code: 'CHECKIN_CLOSED' })
  now += 40_000
  expect(await checkIn(late, 'cwM')).toMatchObject({ ok: false, code: 'TOKEN_EXPIRED' })
  expect(
    await checkIn(
      late.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      'cwM',
    ),
  ).toMatchObject({ ok: false, code: 'TOKEN_INVALID' })
  now = T0
  const c2 = await myCode('lazy', 'c2')
  expect(await checkIn(c2, 'cwS', 'officer')).toMatchObject({ ok: false, code: 'TOKEN_OTHER_EVENT' })
  expect(await checkIn(c2, 'cwS', 'officer', 'c2')).toMatchObject({ ok: false, code: 'NOT_FOUND', field: 'checkpointId' })
  expect(await invoke(main, 'lazy', 'myCheckInCode', { eventId: 'cw' })).toMatchObject({ ok: false, code: 'NOT_SIGNED_UP' })
  expect(await checkIns()).toBe(3)
})

test('staff of another event and members cannot use staff actions', async () => {
  now = T0
  const token = await myCode('walker2')
  for (const who of ['staff-c2', 'walker']) {
    expect(await checkIn(token, 'cwS', who)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await invoke(main, who, 'checkpointCode', { eventId: 'cw', checkpointId: 'cwS' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await invoke(main, who, 'checkInCounts', { eventId: 'cw' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await invoke(main, who, 'dashboard', { eventId: 'cw' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await invoke(main, who, 'exportCheckIns', { eventId: 'cw' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  }
  expect(await invoke(main, 'staff-cw', 'checkIn', { eventId: 'cw', checkpointId: 'bad id!', token })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'checkpointId',
  })
  expect(await invoke(main, 'staff-cw', 'checkIn', { eventId: 'cw', checkpointId: 'cwS' })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'token',
  })
  expect(await checkIns()).toBe(3)
  // The router refuses them before any desk runs: the scan log holds desk attempts only.
  const refused = okData(await invoke(main, 'staff-cw', 'scanLog', { eventId: 'cw', refusedOnly: true })).entries
  expect(refused.filter((e: { code: string }) => e.code === 'FORBIDDEN' || e.code === 'INVALID_ARGUMENT')).toEqual([])
})

test('self check-in by scanning the staff screen; my check-ins; counts; CSV export', async () => {
  now = T0 + 1.5 * HOUR
  const screen = okData(await invoke(main, 'staff-cw', 'checkpointCode', { eventId: 'cw', checkpointId: 'cwM' }))
  expect(screen.checkpoint.id).toBe('cwM')
  expect(await invoke(main, 'walker', 'selfCheckIn', { token: screen.token, eventId: 'c2' })).toMatchObject({
    ok: false,
    code: 'TOKEN_OTHER_EVENT',
  })
  expect(await invoke(main, 'lazy', 'selfCheckIn', { token: screen.token })).toMatchObject({ ok: false, code: 'NOT_SIGNED_UP' })
  const mine = okData(await invoke(main, 'walker', 'selfCheckIn', { token: screen.token, eventId: 'cw' }))
  expect(mine).toMatchObject({ status: 'checked-in', memberName: '张建国', checkedInAt: now })
  expect(okData(await invoke(main, 'walker', 'selfCheckIn', { token: screen.token }))).toMatchObject({ status: 'already' })
  const history = okData(await invoke(main, 'walker', 'myCheckIns', {})).checkIns
  expect(history.map((h: { checkpointName: string; via: string }) => `${h.checkpointName}/${h.via}`)).toEqual(['山顶/self', '起点/staff'])
  const counts = okData(await invoke(main, 'staff-cw', 'checkInCounts', { eventId: 'cw' }))
  expect(counts.checkpoints.map((c: { checkedIn: number }) => c.checkedIn)).toEqual([2, 2])
  const csv = okData(await invoke(main, 'officer', 'exportCheckIns', { eventId: 'cw' }))
  expect(csv.rows).toBe(4)
  expect(csv.csv.startsWith('\uFEFF签到点,签到时间,会员编号,姓名,会员证号,所属工会,方式\r\n')).toBe(true)
  expect(csv.csv).toMatch(/起点,2027-01-01 10:00:00,M-[2-9A-Z]{10},张\*\*,/) // masked by default (events-privacy.test.ts)
  expect(csv.csv).toContain('自助扫码')
  const dash = okData(await invoke(main, 'staff-cw', 'dashboard', { eventId: 'cw' }))
  expect(dash.totals).toMatchObject({ signedUp: 2, checkedIn: 4 })
})
