/** The mixer check-in desk's attempt log, strict mixer input, and same-id retries after a call died answering the first outcome. */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createMatchmakingFunction } from '../../cloudfunctions/matchmaking/index'
import type { PlaceDoc, SignupDoc } from '../../cloudfunctions/matchmaking/matchmaking.docs'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { mixerRequest, OFFICER, prepare, rand, seedEventStaff, seedOfficer, seedPeople, STAFF, type Person } from './matchmaking-fixtures'
import { keyPairFrom } from '~src/packages/matchmaking/lib/pick-crypto'

const T0 = Date.UTC(2027, 7, 22, 2, 0)
const now = T0
const main = createMatchmakingFunction({ clock: () => now })
let emu: TestEmulator
let mixerId: string
const P: Person[] = [0, 1, 2, 3].map((i) => ({ openid: `dk-${i}`, gender: i % 2 ? 'F' : 'M' }))
const code = (r: { ok: boolean; code?: string; field?: string }) => (r.ok ? 'OK' : `${r.code}${r.field ? ` ${r.field}` : ''}`)

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedPeople(emu.db, P)
  await seedOfficer(emu.db)
  mixerId = okData(await invoke(main, OFFICER, 'saveMixer', mixerRequest(T0))).id
  await seedEventStaff(emu.db, [mixerId])
  await prepare(main, P)
  for (const p of P) okData(await invoke(main, p.openid, 'signUp', { mixerId }))
}, 60_000)
afterAll(() => emu.stop())

const signup = async (p: Person) =>
  (await emu.db.collection(COLLECTIONS.mixerSignups).doc(`${mixerId}:${p.openid}`).get()).data[0] as SignupDoc
/** What a call that died before recording its outcome leaves: its request marker still pending. */
const diedAfterWork = (openid: string, rid: string) =>
  emu.db.collection(COLLECTIONS.requests).doc(`matchmaking:${openid}:${rid}`).update({ state: 'pending', outcome: emu.db.command.remove() })
const diedBeforeWork = (openid: string, rid: string) =>
  emu.db.collection(COLLECTIONS.requests).add({ _id: `matchmaking:${openid}:${rid}`, state: 'pending', startedAt: now, openid })

it('the check-in desk logs every scan, accepted or refused; a caller who is not desk staff is refused before the desk', async () => {
  okData(await invoke(main, P[0].openid, 'registerKey', { mixerId, publicKey: keyPairFrom(rand(32)).publicKey }))
  const { token } = okData(await invoke(main, P[0].openid, 'checkinCode', { mixerId }))
  expect(okData(await invoke(main, STAFF, 'checkIn', { mixerId, token })).alreadyCheckedIn).toBe(false)
  expect(okData(await invoke(main, STAFF, 'checkIn', { mixerId, token })).alreadyCheckedIn).toBe(true)
  expect(code(await invoke(main, STAFF, 'checkIn', { mixerId, token: 'not-a-code' }))).toBe('TOKEN_INVALID token')
  expect(code(await invoke(main, P[1].openid, 'checkIn', { mixerId, token }))).toBe('FORBIDDEN')
  const { ref, badge } = await signup(P[0])
  const log = (await emu.db.collection(COLLECTIONS.mixerCheckinsLog).limit(100).get()).data as Record<string, unknown>[]
  const facts = log
    .map((e) => [e.staff, e.mixerId, e.ok, e.code, e.ref ?? null, e.badge ?? null])
    .sort((a, b) => String(a[3]).localeCompare(String(b[3])))
  expect(facts).toEqual([
    [STAFF, mixerId, true, 'ALREADY_CHECKED_IN', ref, null],
    [STAFF, mixerId, true, null, ref, badge],
    [STAFF, mixerId, false, 'TOKEN_INVALID', null, null],
  ])
})

it('saveMixer refuses an unknown or __proto__ key at any depth, naming the field, and stores nothing', async () => {
  const before = (await emu.db.collection(COLLECTIONS.mixers).count()).total
  const cases: [Record<string, unknown>, string][] = [
    [{ sectorQuotas: JSON.parse('{"__proto__": 3}') }, 'sectorQuotas.__proto__'],
    [{ sectorQuotas: { 外卖: 2 } }, 'sectorQuotas.外卖'],
    [{ placesByGender: { M: 1, F: 1, X: 1 } }, 'placesByGender.X'],
  ]
  for (const [patch, field] of cases)
    expect(code(await invoke(main, OFFICER, 'saveMixer', { ...mixerRequest(now), ...patch }))).toBe(`INVALID_ARGUMENT ${field}`)
  expect((await emu.db.collection(COLLECTIONS.mixers).count()).total).toBe(before)
  expect(okData(await invoke(main, OFFICER, 'saveMixer', mixerRequest(now, { sectorQuotas: { 新就业形态: 2 } }))).sectorQuotas).toEqual({
    新就业形态: 2,
  })
})

it('a same-id retry after the call died answers the first outcome at once and does nothing twice', async () => {
  const first = okData(await invoke(main, OFFICER, 'saveMixer', mixerRequest(now, { title: '重试场' }), 'rid-save-0001'))
  await diedAfterWork(OFFICER, 'rid-save-0001')
  expect(okData(await invoke(main, OFFICER, 'saveMixer', mixerRequest(now, { title: '重试场' }), 'rid-save-0001')).id).toBe(first.id)
  expect(
    (await emu.db.collection(COLLECTIONS.mixers).where({ programme: '测试 2027' }).get()).data.filter((m) => m.title === '重试场'),
  ).toHaveLength(1)

  const cancelled = okData(await invoke(main, P[2].openid, 'cancelSignup', { mixerId }, 'rid-cancel-001'))
  await diedAfterWork(P[2].openid, 'rid-cancel-001')
  expect(okData(await invoke(main, P[2].openid, 'cancelSignup', { mixerId }, 'rid-cancel-001'))).toEqual(cancelled)
  const place = (await emu.db.collection(COLLECTIONS.mixerPlaces).doc(`${mixerId}:M`).get()).data[0] as PlaceDoc
  expect(place.left).toBe(19) // 20 places, two men signed up, one cancelled once

  // Died before its decisive write: the retry does the work.
  await diedBeforeWork(P[3].openid, 'rid-cancel-002')
  expect(okData(await invoke(main, P[3].openid, 'cancelSignup', { mixerId }, 'rid-cancel-002')).status).toBe('cancelled')

  const { token } = okData(await invoke(main, P[1].openid, 'checkinCode', { mixerId }))
  const scan = okData(await invoke(main, STAFF, 'checkIn', { mixerId, token }, 'rid-scan-0001'))
  await diedAfterWork(STAFF, 'rid-scan-0001')
  expect(okData(await invoke(main, STAFF, 'checkIn', { mixerId, token }, 'rid-scan-0001'))).toEqual(scan)
  expect(scan.alreadyCheckedIn).toBe(false)
})
