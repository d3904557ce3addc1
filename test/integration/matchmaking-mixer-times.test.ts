/** Issue 19 defect 14: a mixer whose times contradict each other is refused, naming the field, and nothing is written. */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createMatchmakingFunction } from '../../cloudfunctions/matchmaking/index'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { HOUR, mixerRequest, OFFICER, seedOfficer } from './matchmaking-fixtures'

const T0 = Date.UTC(2027, 7, 1, 2, 0)
const main = createMatchmakingFunction({ clock: () => T0 })
let emu: TestEmulator

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedOfficer(emu.db)
}, 60_000)
afterAll(() => emu.stop())

const total = async (name: keyof typeof COLLECTIONS) => (await emu.db.collection(COLLECTIONS[name]).count()).total
const written = async () => [await total('mixers'), await total('mixerPlaces')]

it('refuses a pick window that opens before sign-up closes, with the reason, and writes nothing', async () => {
  const good = mixerRequest(T0)
  const before = await written()
  const r = await invoke(main, OFFICER, 'saveMixer', { ...good, signupClosesAt: good.pickOpensAt + HOUR })
  expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field: 'pickOpensAt', message: '心动选择开始时间不能早于报名截止时间' })
  expect(await written()).toEqual(before)
})

it('refuses every other broken ordering, naming its field', async () => {
  const good = mixerRequest(T0)
  const cases: [Partial<typeof good>, string][] = [
    [{ endsAt: good.startsAt }, 'endsAt'],
    [{ signupClosesAt: good.signupOpensAt }, 'signupClosesAt'],
    [{ pickOpensAt: good.startsAt, signupClosesAt: good.startsAt - HOUR }, 'pickOpensAt'],
    [{ pickClosesAt: good.pickOpensAt }, 'pickClosesAt'],
  ]
  const before = await written()
  for (const [patch, field] of cases) {
    const r = await invoke(main, OFFICER, 'saveMixer', { ...good, ...patch })
    expect([r.ok, !r.ok && r.code, !r.ok && r.field]).toEqual([false, 'INVALID_ARGUMENT', field])
  }
  expect(await written()).toEqual(before)
})

it('an edit into bad times is refused and leaves the mixer as it was', async () => {
  const saved = okData(await invoke(main, OFFICER, 'saveMixer', mixerRequest(T0)))
  const r = await invoke(main, OFFICER, 'saveMixer', { ...mixerRequest(T0), id: saved.id, signupClosesAt: saved.pickClosesAt })
  expect(r).toMatchObject({ ok: false, field: 'pickOpensAt' })
  const stored = okData(await invoke(main, OFFICER, 'reviewList', { mixerId: saved.id })).mixer
  expect(stored.signupClosesAt).toBe(saved.signupClosesAt)
})
