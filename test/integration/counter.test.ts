import { bumpCounter } from '../../cloudfunctions/common/counter'
import { startTestEmulator, type TestEmulator } from '../support/emulator'

/** The kit's counter (common/counter.ts) through the real SDK: merged increments, exact values. */
let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
})
afterAll(() => emu.stop())

test('300 concurrent bumps: the counter ends at 300, each caller gets its own number 1…300, in fewer updates than callers', async () => {
  await emu.db.collection('counter_test').add({ _id: 'c1', n: 0, other: 'kept' })
  const before = emu.requests().total
  const values = await Promise.all(Array.from({ length: 300 }, () => bumpCounter(emu.db, 'counter_test', 'c1', 'n')))
  const after = emu.requests().total
  expect([...values].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 300 }, (_x, i) => i + 1))
  const doc = (await emu.db.collection('counter_test').doc('c1').get()).data[0]
  expect(doc).toMatchObject({ n: 300, other: 'kept' })
  expect(after - before).toBeLessThan(300)
})

test('amounts other than one: each caller sees the value right after its own increment', async () => {
  await emu.db.collection('counter_test').add({ _id: 'c2', n: 10 })
  const values = await Promise.all([3, 5, 7].map((by) => bumpCounter(emu.db, 'counter_test', 'c2', 'n', by)))
  expect((await emu.db.collection('counter_test').doc('c2').get()).data[0].n).toBe(25)
  // Whatever the merging, the values are the running sums in arrival order: 13, 18, 25.
  expect(values).toEqual([13, 18, 25])
})

test('a counter of a document that does not exist answers null and creates nothing', async () => {
  expect(await Promise.all([bumpCounter(emu.db, 'counter_test', 'nope', 'n'), bumpCounter(emu.db, 'counter_test', 'nope', 'n')])).toEqual([
    null,
    null,
  ])
  expect((await emu.db.collection('counter_test').doc('nope').get()).data).toEqual([])
})

test('a failed update fails every caller merged into it, and the next bump works again', async () => {
  await emu.db.collection('counter_test').add({ _id: 'c3', n: 'not a number' })
  const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => bumpCounter(emu.db, 'counter_test', 'c3', 'n')))
  expect(outcomes.every((o) => o.status === 'rejected')).toBe(true)
  await emu.db.collection('counter_test').doc('c3').update({ n: 0 })
  expect(await bumpCounter(emu.db, 'counter_test', 'c3', 'n')).toBe(1)
})
