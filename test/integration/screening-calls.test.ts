/**
 * Database calls per request on the booking and desk hot paths, counted by the emulator as production
 * pays them (one instance, warm: the programme is cached a few seconds; no request id, so no marker). The router
 * reads her account and roster record side by side (`auth: 'member'`), then the booking reads the live
 * session and her history side by side: two round trips before any write.
 */
import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import type { CheckinCodeDTO, SessionDTO } from '~types/screening'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { HOUR, programmeRequest, seedMembers, seedProgramme, seedRole, staffOf } from './screening.fixtures'

const T0 = Date.UTC(2027, 2, 8, 2, 0)
let now = T0
let emu: TestEmulator
const main = createScreeningFunction({ clock: () => now })
const PROG = 'prog-calls'

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedMembers(emu.db, [{ openid: 'first' }, { openid: 'winner' }, { openid: 'loser' }])
  await seedRole(emu.db, 'nurse', staffOf('site-a'))
  await seedProgramme(emu.db, programmeRequest(T0, { id: PROG, sessions: 1, perSession: 2 }), T0)
})
afterAll(() => emu.stop())

async function counted<T>(call: () => Promise<T>): Promise<{ result: T; calls: number }> {
  const before = emu.requests().total
  const result = await call()
  return { result, calls: emu.requests().total - before }
}

test('a winning booking is 7 calls, a losing one 4 (no write); a check-in scan 6', async () => {
  const [s] = okData(await invoke<SessionDTO[]>(main, 'first', 'listSessions', { programmeId: PROG, siteId: 'site-a' }))
  const book = (who: string) => invoke(main, who, 'book', { programmeId: PROG, sessionId: s.id, consentVersion: 'v1' }, null)
  okData(await book('first')) // warms the instance's catalogue cache
  const win = await counted(() => book('winner'))
  expect([win.result.ok, win.calls]).toEqual([true, 7])
  const lose = await counted(() => book('loser'))
  expect([lose.result.ok ? 'OK' : lose.result.code, lose.calls]).toEqual(['SLOT_FULL', 4])
  now = s.startAt - HOUR / 4
  const code = okData(await invoke<CheckinCodeDTO>(main, 'winner', 'checkinCode', { programmeId: PROG }))
  // Her account; the booking the code names (the scope: is it this nurse's site?), read again by the scan itself;
  // the session; the check-in; its desk log line.
  const scan = await counted(() => invoke(main, 'nurse', 'checkIn', { token: code.token }, null))
  expect([scan.result.ok, scan.calls]).toEqual([true, 6])
})
