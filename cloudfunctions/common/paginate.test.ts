import { startTestEmulator, type TestEmulator } from '../../test/support/emulator'
import { readAll, readPage } from './paginate'

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
  const docs = Array.from({ length: 2_345 }, (_x, i) => ({ _id: `d${String(i).padStart(5, '0')}`, k: i % 2 }))
  for (let i = 0; i < docs.length; i += 500) await emu.db.collection('many').add(docs.slice(i, i + 500))
})
afterAll(() => emu.stop())

test('readAll walks past the 1000-per-get limit; readPage pages', async () => {
  expect(await readAll(emu.db.collection('many').where({}))).toHaveLength(2_345)
  expect(await readAll(emu.db.collection('many').where({ _id: emu.db.command.gte('d01173') }), 100)).toHaveLength(1_172)
  const p = await readPage<{ _id: string }>(emu.db.collection('many').where({}).orderBy('_id', 'asc'), 2, 10)
  expect(p.map((d) => d._id)).toEqual(Array.from({ length: 10 }, (_x, i) => `d${String(20 + i).padStart(5, '0')}`))
})
