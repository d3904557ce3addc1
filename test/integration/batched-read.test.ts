import { batchedByField, batchedById } from '../../cloudfunctions/common/batched-read'
import { INDEXES } from '../../cloudfunctions/common/indexes'
import { startTestEmulator, type TestEmulator } from '../support/emulator'

/** The kit's batched reader (common/batched-read.ts) through the real SDK. */
let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator({ indexes: { ...INDEXES, br_docs: [{ name: 'owner', fields: [{ field: 'owner' }] }] } as typeof INDEXES })
  await emu.db.collection('br_docs').add(Array.from({ length: 1200 }, (_x, i) => ({ _id: `d${i}`, owner: `o${i % 30}`, n: i })))
})
afterAll(() => emu.stop())

const byId = batchedById<{ _id: string; n: number }>('br_docs')
const byOwner = batchedByField<{ _id: string; owner: string; n: number }>('br_docs', 'owner')

test('300 concurrent reads by id (ids repeated): each gets its own document, in a handful of queries', async () => {
  const before = emu.requests().total
  const ids = Array.from({ length: 300 }, (_x, i) => `d${(i * 7) % 1200}`)
  const got = await Promise.all([...ids, 'missing', 'd5', 'd5'].map((id) => byId(emu.db, id)))
  expect(got.slice(0, 300).map((d) => d?._id)).toEqual(ids)
  expect(got[300]).toBeNull()
  expect(got.slice(301).map((d) => d?.n)).toEqual([5, 5])
  expect(emu.requests().total - before).toBeLessThanOrEqual(5)
})

test('reads by a field answer every document of each key (more than one page in all), [] for none', async () => {
  const owners = [...Array.from({ length: 30 }, (_x, i) => `o${i}`), 'nobody']
  const got = await Promise.all(owners.map((o) => byOwner(emu.db, o)))
  got
    .slice(0, 30)
    .forEach((docs, i) =>
      expect([owners[i], docs!.map((d) => d.n).sort((a, b) => a - b)]).toEqual([
        owners[i],
        Array.from({ length: 40 }, (_x, k) => i + 30 * k),
      ]),
    )
  expect(got[30]).toEqual([])
})

test('a read asked for after a write was acknowledged sees it, even while an older read is on its way', async () => {
  const old = byId(emu.db, 'd1') // on its way
  await emu.db.collection('br_docs').doc('d1').update({ n: 1001 })
  const fresh = byId(emu.db, 'd1') // asked after the write: waits for the next query
  expect((await fresh)?.n).toBe(1001)
  expect([1, 1001]).toContain((await old)?.n)
})

test('a failed query fails the reads it carried; the next ones work', async () => {
  const bad = batchedById<{ _id: string }>('br_docs')
  const badDb = {
    collection: () => {
      throw new Error('down')
    },
    command: emu.db.command,
  } as unknown as typeof emu.db
  await expect(bad(badDb, 'd1')).rejects.toThrow('down')
  expect((await bad(emu.db, 'd2'))?._id).toBe('d2')
})
