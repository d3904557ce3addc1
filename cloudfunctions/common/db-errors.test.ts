import { startTestEmulator, type TestEmulator } from '../../test/support/emulator'
import { isDuplicate } from './db-errors'

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
})
afterAll(() => emu.stop())

test('the SDK error of a clashing _id is a duplicate; other errors are not', async () => {
  await emu.db.collection('dups').add({ _id: 'a' })
  const err = await emu.db
    .collection('dups')
    .add({ _id: 'a' })
    .catch((e: unknown) => e)
  expect(isDuplicate(err)).toBe(true)
  expect(isDuplicate(new Error('network down'))).toBe(false)
  expect(isDuplicate(null)).toBe(false)
})
