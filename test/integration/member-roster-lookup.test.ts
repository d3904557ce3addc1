/** The kit's roster lookup of the batched lookup: one read per batch, bound records only. */
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { RosterDoc } from '../../cloudfunctions/common/member-docs'
import { createRosterLookup } from '../../cloudfunctions/common/roster-lookup'

const rec = (id: string, name: string, boundOpenid: string | null): RosterDoc => ({
  _id: id,
  name,
  cardNo: id,
  phone: '',
  branch: '某工会',
  tags: [],
  gender: 'F',
  birthDate: '',
  boundOpenid,
  importedAt: 0,
  updatedAt: 0,
})

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
  await emu.db
    .collection(COLLECTIONS.roster)
    .add([
      rec('A1', '王秀英', 'o-wang'),
      rec('A2', '赵敏', 'o-zhao'),
      rec('A3', '李明', null),
      rec('A4', '双绑', 'o-twice'),
      rec('A5', '双绑', 'o-twice'),
    ])
})
afterAll(() => emu.stop())

test('finds the bound members of many openids, masked names for staff, nobody for the unbound or doubly bound', async () => {
  const lookup = createRosterLookup({ db: emu.db })
  const found = await lookup.many(['o-wang', 'o-zhao', 'o-nobody', 'o-twice', 'o-wang'])
  expect([...found.keys()].sort()).toEqual(['o-wang', 'o-zhao'])
  expect(await lookup.one('o-twice')).toBeNull()
  expect((await lookup.one('o-wang'))?._id).toBe('A1')
  expect(Object.fromEntries(await lookup.maskedNames(['o-wang', 'o-nobody']))).toEqual({ 'o-wang': '王**', 'o-nobody': '' })
  expect((await lookup.many([])).size).toBe(0)
})
