import { startTestEmulator, type TestEmulator } from '../../test/support/emulator'
import { createPlaceStore } from './place-store'

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
})
afterAll(() => emu.stop())

const doc = (id: string, left: number, extra: Record<string, unknown> = {}) =>
  emu.db.collection('places').add({ _id: id, left, holders: {}, ...extra })
const read = async (id: string) => ((await emu.db.collection('places').doc(id).get()).data as any[])[0]

test('concurrent takes never exceed what is left; a key takes at most once', async () => {
  await doc('p1', 5)
  const store = createPlaceStore(emu.db, 'places')
  const took = await Promise.all(Array.from({ length: 40 }, (_x, i) => store.take('p1', `k${i % 20}`, { c: `k${i % 20}` })))
  expect(took.filter(Boolean)).toHaveLength(5)
  const d = await read('p1')
  expect(d.left).toBe(0)
  expect(Object.keys(d.holders)).toHaveLength(5)
})

test('release and transfer act only while the key holds; twice gives back once', async () => {
  await doc('p2', 1)
  const store = createPlaceStore(emu.db, 'places')
  expect(await store.take('p2', 'a', { b: 'x' })).toBe(true)
  expect(await store.take('p2', 'a', { b: 'x' })).toBe(false)
  expect(await store.transfer('p2', 'a', 'b', { b: 'y' })).toBe(true)
  expect(await store.transfer('p2', 'a', 'c', { b: 'z' })).toBe(false)
  expect(await store.holding('p2', 'b')).toEqual({ b: 'y', n: 1 })
  expect(await Promise.all([store.release('p2', 'b'), store.release('p2', 'b')])).toEqual(expect.arrayContaining([true, false]))
  expect((await read('p2')).left).toBe(1)
})

test('a budget in fen: reserve an amount, counters beside left', async () => {
  await doc('budget', 10_000, { reserved: 0 })
  const store = createPlaceStore(emu.db, 'places')
  expect(await store.take('budget', 'v1', { o: 'u1' }, { amount: 8_000, counters: { reserved: 8_000 } })).toBe(true)
  expect(await store.take('budget', 'v2', { o: 'u2' }, { amount: 3_000 })).toBe(false)
  let d = await read('budget')
  expect([d.left, d.holders.v1.n, d.reserved]).toEqual([2_000, 8_000, 8_000])
  expect(await store.release('budget', 'v1', { amount: 1 })).toBe(false) // wrong amount: nothing returned
  expect(await store.release('budget', 'v1', { amount: 8_000, counters: { reserved: 8_000 } })).toBe(true)
  d = await read('budget')
  expect([d.left, d.reserved, d.holders]).toEqual([10_000, 0, {}])
})

test('settle keeps the unit taken and unlists the holder; unbounded takes only list', async () => {
  await doc('p3', 2, { seatsLeft: 0, signedUp: 0 })
  const store = createPlaceStore(emu.db, 'places')
  expect(await store.take('p3', 'a', {})).toBe(true)
  expect(await store.settle('p3', 'a')).toBe(true)
  expect(await store.release('p3', 'a')).toBe(false)
  const seats = createPlaceStore(emu.db, 'places', { left: 'seatsLeft' })
  expect(await seats.take('p3', 's1', {}, { bounded: false, counters: { signedUp: 1 } })).toBe(true)
  expect(await seats.holding('p3', 's1')).toEqual({ n: 1, cn: { signedUp: 1 }, ub: true })
  const d = await read('p3')
  expect([d.left, d.seatsLeft, d.signedUp, Object.keys(d.holders)]).toEqual([1, 0, 1, ['s1']])
})
