import { z } from 'zod'
import { startTestEmulator, type TestEmulator } from '../../test/support/emulator'
import { readTablePage, tablePageFields } from './table-query'

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator({ notablescanOver: null }) // a scratch collection with no declared index
  // 45 rows, three per score: ties that paging must neither repeat nor skip
  const docs = Array.from({ length: 45 }, (_x, i) => ({ _id: `r${String(i).padStart(2, '0')}`, score: Math.floor(i / 3), k: i % 2 }))
  await emu.db.collection('rows').add(docs)
})
afterAll(() => emu.stop())

test('pages a filtered, sorted table with its total; ties broken by _id so no row repeats or goes missing', async () => {
  const seen: string[] = []
  for (let page = 0; page < 3; page++) {
    const p = await readTablePage<{ _id: string; score: number; k: number }>(
      emu.db.collection('rows'),
      { k: 1 },
      { page, pageSize: 10, sort: { field: 'score', order: 'desc' } },
      { field: '_id', order: 'asc' },
    )
    expect(p.total).toBe(22)
    expect(p.items.every((r) => r.k === 1)).toBe(true)
    seen.push(...p.items.map((r) => r._id))
  }
  expect(seen).toHaveLength(22)
  expect(new Set(seen).size).toBe(22)
  const scores = seen.map((id) => Math.floor(Number(id.slice(1)) / 3))
  expect(scores).toEqual([...scores].sort((a, b) => b - a))
})

test('the schema takes only the sortable fields and sane page sizes', () => {
  const s = z.strictObject({ ...tablePageFields(['score']) })
  expect(s.safeParse({ page: 0, pageSize: 20, sort: { field: 'score', order: 'asc' } }).success).toBe(true)
  expect(s.safeParse({ sort: { field: 'phone', order: 'asc' } }).success).toBe(false)
  expect(s.safeParse({ pageSize: 5000 }).success).toBe(false)
})
