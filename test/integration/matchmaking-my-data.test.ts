/** Matchmaking's part of the member's own data: export names fields only (no tokens, keys or openids); erasure clears her side. */
import { createMatchmakingFunction } from '../../cloudfunctions/matchmaking/index'
import { matchmakingData } from '../../cloudfunctions/matchmaking/my-data.provider'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import {
  checkIn,
  HOUR,
  mixerRequest,
  OFFICER,
  prepare,
  seedEventStaff,
  seedOfficer,
  seedPeople,
  submissionFor,
  type Person,
} from './matchmaking-fixtures'

const T0 = Date.UTC(2027, 7, 8, 2, 0)
let now = T0
const main = createMatchmakingFunction({ clock: () => now })
let emu: TestEmulator
const P: Person[] = [
  { openid: 'd-m', gender: 'M' },
  { openid: 'd-f', gender: 'F' },
]

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedPeople(emu.db, P)
  await seedOfficer(emu.db)
  const mixerId = okData(await invoke(main, OFFICER, 'saveMixer', mixerRequest(T0))).id
  await seedEventStaff(emu.db, [mixerId])
  await prepare(main, P)
  for (const p of P) okData(await invoke(main, p.openid, 'signUp', { mixerId }))
  now = T0 + 24 * HOUR + 30 * 60_000
  const [m, f] = [await checkIn(main, mixerId, P[0]), await checkIn(main, mixerId, P[1])]
  now = T0 + 26 * HOUR + 60_000
  okData(await invoke(main, m.openid, 'directory', { mixerId }))
  okData(await invoke(main, m.openid, 'submitPicks', { mixerId, tokens: submissionFor(mixerId, m, [f.keys.publicKey], 3) }))
  okData(await invoke(main, f.openid, 'submitPicks', { mixerId, tokens: submissionFor(mixerId, f, [m.keys.publicKey], 3) }))
  now = T0 + 27 * HOUR + 60_000
  const [match] = okData(await invoke(main, m.openid, 'myMatches', { mixerId })).matches
  okData(await invoke(main, m.openid, 'offerContact', { matchId: match.id, kind: 'wechat', value: 'wx_dm' }))
}, 60_000)
afterAll(() => emu.stop())

it('exports her profile, statement, sign-up with badge and match, and nothing secret', async () => {
  const out = (await matchmakingData.exportFor(emu.db, 'd-m', now))!
  expect(out.profile?.nickname).toBe('昵称0')
  expect(out.statement?.withdrawnAt).toBeNull()
  expect(out.signUps).toEqual([expect.objectContaining({ status: 'approved', badge: 1 })])
  expect(out.matches).toEqual([expect.objectContaining({ theirBadge: 2, theirNickname: '昵称1', myContact: 'wx_dm', state: 'waiting' })])
  expect(JSON.stringify(out)).not.toMatch(/d-f|d-m|publicKey|token/)
})

it('erasure removes her sign-up, profile and statement and clears her side of the match', async () => {
  const report = await matchmakingData.eraseFor(emu.db, 'd-m', now)
  expect(report.kept).toEqual([])
  expect(report.erased.join('；')).toMatch(/报名 1 条.*匹配记录 1 条.*交友资料.*单身承诺/)
  const after = await matchmakingData.exportFor(emu.db, 'd-m', now)
  expect(after).toEqual({ profile: null, statement: null, signUps: [], matches: [], bar: null })
  const mixerId = (await emu.db.collection('mixers').limit(1).get()).data[0]._id
  const hers = okData(await invoke(main, 'd-f', 'myMatches', { mixerId })).matches
  expect(hers.map((x: { state: string; theirContact: unknown }) => [x.state, x.theirContact])).toEqual([['ended', null]])
})
