/** Matchmaking's sweep on the kit's sweeper: orphaned seat holds are given back, and one mixer failing does not stop the others. */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createMatchmakingFunction } from '../../cloudfunctions/matchmaking/index'
import type { MixerDoc, PlaceDoc, SignupDoc } from '../../cloudfunctions/matchmaking/matchmaking.docs'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { HOUR, mixerRequest, OFFICER, prepare, seedOfficer, seedPeople, type Person } from './matchmaking-fixtures'

const T0 = Date.UTC(2027, 7, 15, 2, 0)
const now = T0
const main = createMatchmakingFunction({ clock: () => now })
let emu: TestEmulator
const W: Person[] = [0, 1, 2].map((i) => ({ openid: `sw-f${i}`, gender: 'F' }))
const M: Person[] = [{ openid: 'sw-m0', gender: 'M' }]

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedPeople(emu.db, [...W, ...M])
  await seedOfficer(emu.db)
  await prepare(main, [...W, ...M])
}, 60_000)
afterAll(() => emu.stop())

const place = async (id: string) => (await emu.db.collection(COLLECTIONS.mixerPlaces).doc(id).get()).data[0] as PlaceDoc
const signup = async (mixerId: string, p: Person) =>
  (await emu.db.collection(COLLECTIONS.mixerSignups).doc(`${mixerId}:${p.openid}`).get()).data[0] as SignupDoc
const mixer = async (id: string) => (await emu.db.collection(COLLECTIONS.mixers).doc(id).get()).data[0] as MixerDoc
const sweep = async () => okData(await invoke(main, OFFICER, 'sweep', {}))

it('an orphaned seat hold is given back by the sweep, and the freed place offered to the first in line', async () => {
  const id = okData(await invoke(main, OFFICER, 'saveMixer', mixerRequest(now, { title: '名额回收场', placesByGender: { M: 2, F: 2 } }))).id
  expect(okData(await invoke(main, W[0].openid, 'signUp', { mixerId: id })).status).toBe('approved')
  expect(okData(await invoke(main, W[1].openid, 'signUp', { mixerId: id })).status).toBe('approved')
  expect(okData(await invoke(main, W[2].openid, 'signUp', { mixerId: id })).status).toBe('waiting')
  // A cancellation whose call died after its move: the sign-up says cancelled, its seat is still held.
  await emu.db.collection(COLLECTIONS.mixerSignups).doc(`${id}:${W[0].openid}`).update({ state: 'cancelled' })
  // A sign-up whose call died mid-claim, long enough ago to be dead (the ledger's stale rule).
  await emu.db
    .collection(COLLECTIONS.mixerSignups)
    .doc(`${id}:${W[1].openid}`)
    .update({ state: 'pending', pendingAt: now - 5 * 60_000 })
  const before = await place(`${id}:F`)
  expect([before.left, Object.keys(before.holders).length]).toEqual([0, 2])

  const swept = await sweep()
  expect(swept).toMatchObject({ holdsReleased: 2, offersMade: 1, mixersFailed: 0 })
  const after = await place(`${id}:F`)
  const w2 = await signup(id, W[2])
  expect([after.left, Object.keys(after.holders)]).toEqual([1, [w2.claimId]])
  expect([(await signup(id, W[1])).state, w2.state]).toEqual(['failed', 'offered'])
  // Nothing more to give back on the next tick.
  expect((await sweep()).holdsReleased).toBe(0)
})

it('a mixer whose sweep throws (a corrupt document) does not stop the others', async () => {
  const past = { pickOpensAt: now - 2 * HOUR, pickClosesAt: now - HOUR }
  const bad = okData(await invoke(main, OFFICER, 'saveMixer', mixerRequest(now, { title: '损坏场' }))).id
  const good = okData(await invoke(main, OFFICER, 'saveMixer', mixerRequest(now, { title: '正常场', placesByGender: { M: 1, F: 1 } }))).id
  expect(okData(await invoke(main, M[0].openid, 'signUp', { mixerId: good })).status).toBe('approved')
  // Both pick deadlines pass, set in the store: saveMixer refuses a pick window before sign-up closes (types/mixer-times.ts).
  for (const id of [bad, good]) await emu.db.collection(COLLECTIONS.mixers).doc(id).update(past)
  await emu.db.collection(COLLECTIONS.mixerSignups).doc(`${good}:${M[0].openid}`).update({ state: 'cancelled' })
  // The corrupt document: the bad mixer's frozen directory has no list of entries, so matching it throws.
  await emu.db.collection(COLLECTIONS.mixerDirectories).add({ _id: bad, frozenAt: now, entries: 'corrupt' })

  const swept = await sweep()
  expect(swept).toMatchObject({ mixersFailed: 1, mixersMatched: 1, pairs: 0, holdsReleased: 1 })
  expect([(await mixer(good)).phase, (await mixer(bad)).phase]).toEqual(['matched', 'matching'])
  expect((await place(`${good}:M`)).left).toBe(1)
  expect(okData(await invoke(main, OFFICER, 'figures', { mixerId: good })).pairs).toBe('<5')
})
