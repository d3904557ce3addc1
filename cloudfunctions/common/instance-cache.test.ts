import { cached, forget } from './instance-cache'

test('a read is served from the instance within its TTL, per database, and a forget drops it', async () => {
  const dbA = {}
  const dbB = {}
  let loads = 0
  const load = async () => ++loads
  expect(await cached(dbA, 'event:e1', load, 10_000)).toBe(1)
  expect(await cached(dbA, 'event:e1', load, 10_000)).toBe(1)
  expect(await cached(dbB, 'event:e1', load, 10_000)).toBe(2)
  forget(dbA, 'event:*')
  expect(await cached(dbA, 'event:e1', load, 10_000)).toBe(3)
  expect(await cached(dbA, 'event:e1', load, 0)).toBe(4)
})

test('a failed load is not kept', async () => {
  const db = {}
  await expect(
    cached(db, 'x', async () => {
      throw new Error('down')
    }),
  ).rejects.toThrow('down')
  expect(await cached(db, 'x', async () => 'up')).toBe('up')
})

test('an empty answer is not kept: an id unknown now may exist the next moment', async () => {
  const db = {}
  await cached(db, 'p', async () => null)
  expect(await cached(db, 'p', async () => 'created')).toBe('created')
})
