/**
 * Issue 19 defect 1: the pick page says 已提交 only from what the server holds. The server tells her
 * THAT and WHEN her submission was stored (never whom: the tokens are opaque), and nothing before.
 */
import { createMatchmakingFunction } from '../../cloudfunctions/matchmaking/index'
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

const T0 = Date.UTC(2027, 7, 15, 2, 0)
let now = T0
const main = createMatchmakingFunction({ clock: () => now })
let emu: TestEmulator
const P: Person[] = [
  { openid: 'sb-m', gender: 'M' },
  { openid: 'sb-f', gender: 'F' },
]

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedPeople(emu.db, P)
  await seedOfficer(emu.db)
}, 60_000)
afterAll(() => emu.stop())

it('directory says nothing was submitted until the server stored a submission, then when (the same for a retry)', async () => {
  const mixerId = okData(await invoke(main, OFFICER, 'saveMixer', mixerRequest(T0))).id
  await seedEventStaff(emu.db, [mixerId])
  await prepare(main, P)
  for (const p of P) okData(await invoke(main, p.openid, 'signUp', { mixerId }))
  now = T0 + 24 * HOUR + 30 * 60_000
  const [he, she] = [await checkIn(main, mixerId, P[0]), await checkIn(main, mixerId, P[1])]
  now = T0 + 26 * HOUR + 60_000
  expect(okData(await invoke(main, he.openid, 'directory', { mixerId })).submittedAt).toBeNull()
  const tokens = submissionFor(mixerId, he, [she.keys.publicKey], 3)
  const sent = okData(await invoke(main, he.openid, 'submitPicks', { mixerId, tokens }, 'rid-sub-0001'))
  expect(sent).toEqual({ accepted: true, k: 3, submittedAt: now })
  const at = now
  now += 60_000
  expect(okData(await invoke(main, he.openid, 'directory', { mixerId })).submittedAt).toBe(at)
  expect(okData(await invoke(main, she.openid, 'directory', { mixerId })).submittedAt).toBeNull()
  // A same-id retry answers the first outcome, its time included.
  expect(okData(await invoke(main, he.openid, 'submitPicks', { mixerId, tokens }, 'rid-sub-0001'))).toEqual(sent)
})
