import { createMemberFunction } from '../../cloudfunctions/member/index'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { RosterDoc, UserDoc } from '../../cloudfunctions/common/member-docs'
import type { RosterImportResult, RosterPageDTO } from '~types/member'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'

/** Officers import and browse the roster; nobody else may. */
let emu: TestEmulator
const now = Date.UTC(2026, 4, 1, 2, 0)
const main = createMemberFunction({ clock: () => now })

const HEADER = '姓名,会员证号,手机号,所属工会,标签,性别,出生日期'
const GOOD = [
  '李明,GH3201000123,13800000123,秦淮区总工会,,男,1988-06-01',
  '王秀英,GH3201000456,13900000456,美团外卖秦淮站点工会,新就业形态|女职工,女,1990-02-14',
  '"张建国",GH3201000789,,鼓楼区总工会,劳模;先进工作者,男,1968/10/1',
]
const BAD = [
  ',GH3201000001,13800000001,秦淮区总工会,,男,', // line 5: no name
  '刘洋,GH#32,13800000002,秦淮区总工会,,男,', // line 6: card too short
  '陈静,GH3201000003,1380000,秦淮区总工会,,女,', // line 7: phone
  '孙丽,GH3201000004,13800000004,,,女,', // line 8: branch
  '周杰,GH3201000005,13800000005,秦淮区总工会,,未知,', // line 9: gender
  '吴芳,GH3201000006,13800000006,秦淮区总工会,,女,1990-02-30', // line 10: date
  '李明明,GH3201000123,13800000007,秦淮区总工会,,男,', // line 11: repeats line 2
]

async function rosterDocs(): Promise<RosterDoc[]> {
  return (await emu.db.collection(COLLECTIONS.roster).limit(1000).get()).data as unknown as RosterDoc[]
}

beforeAll(async () => {
  emu = await startTestEmulator()
  const user = (id: string, roles: UserDoc['roles']): UserDoc => ({
    _id: id,
    rosterId: null,
    verifiedAt: null,
    roles,
    deletionRequestedAt: null,
    createdAt: now,
    updatedAt: now,
  })
  await emu.db
    .collection(COLLECTIONS.users)
    .add([
      user('o-officer', [{ role: 'officer' }]),
      user('o-cashier', [{ role: 'staff', scope: { kind: 'merchant', id: 'm1', name: '苏果' } }]),
    ])
})
afterAll(() => emu.stop())

it('imports the good rows and reports every bad row with its line number and a Chinese reason', async () => {
  const result = okData(
    await invoke<RosterImportResult>(main, 'o-officer', 'importRoster', { csv: [HEADER, ...GOOD, ...BAD].join('\r\n') }),
  )
  expect(result).toMatchObject({ imported: 3, updated: 0, unchanged: 0 })
  expect(result.errors.map((e) => e.line)).toEqual([5, 6, 7, 8, 9, 10, 11])
  expect(result.errors.map((e) => e.reason)).toEqual([
    '姓名为空',
    expect.stringContaining('会员证号'),
    expect.stringContaining('手机号'),
    '所属工会为空',
    expect.stringContaining('性别'),
    expect.stringContaining('出生日期'),
    '会员证号与第 2 行重复',
  ])
  const docs = await rosterDocs()
  expect(docs).toHaveLength(3)
  expect(docs.find((d) => d._id === 'GH3201000789')).toMatchObject({
    name: '张建国',
    phone: '',
    tags: ['劳模', '先进工作者'],
    birthDate: '1968-10-01',
    boundOpenid: null,
  })
})

it('re-import updates changed rows, leaves the rest, never duplicates and keeps bindings', async () => {
  okData(await invoke(main, 'o-li', 'verify', { name: '李明', cardNo: 'GH3201000123' }))
  const csv = [
    'name,cardNo,phone,branch,tags,gender,birthDate',
    '李明,GH3201000123,13800000123,秦淮区总工会,劳模,M,1988-06-01', // tag added
    '王秀英,GH3201000456,13900000456,美团外卖秦淮站点工会,新就业形态|女职工,F,1990-02-14', // same
    '"张建国",GH3201000789,,鼓楼区总工会,劳模;先进工作者,male,1968-10-01', // same
    '赵敏,GH3201000999,13600000999,市妇幼保健院工会,女职工,女,1992-03-08', // new
  ].join('\n')
  expect(okData(await invoke(main, 'o-officer', 'importRoster', { csv }))).toMatchObject({
    encoding: 'utf-8',
    progress: null,
    imported: 1,
    updated: 1,
    unchanged: 2,
    errors: [],
  })
  const docs = await rosterDocs()
  expect(docs).toHaveLength(4)
  expect(docs.find((d) => d._id === 'GH3201000123')).toMatchObject({ tags: ['劳模'], boundOpenid: 'o-li' })
  expect(okData(await invoke(main, 'o-officer', 'importRoster', { csv }))).toMatchObject({
    encoding: 'utf-8',
    progress: null,
    imported: 0,
    updated: 0,
    unchanged: 4,
    errors: [],
  })
})

it('explains a header without the required columns and imports nothing', async () => {
  const result = okData(await invoke<RosterImportResult>(main, 'o-officer', 'importRoster', { csv: '姓名,手机号\n某某,13800000000' }))
  expect(result).toMatchObject({
    encoding: 'utf-8',
    progress: null,
    imported: 0,
    updated: 0,
    unchanged: 0,
    errors: [{ line: 1, reason: '表头缺少：会员证号、所属工会' }],
  })
  expect(await rosterDocs()).toHaveLength(4)
})

it('refuses CSVs over 5,000 rows as INVALID_ARGUMENT', async () => {
  const rows = Array.from({ length: 5001 }, (_, i) => `某${i},GH${String(i).padStart(8, '0')},,秦淮区总工会,,,`)
  expect(await invoke(main, 'o-officer', 'importRoster', { csv: [HEADER, ...rows].join('\n') })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'csv',
  })
  expect(await rosterDocs()).toHaveLength(4)
})

it('shows officers a masked, paginated roster they can search', async () => {
  const page = okData(await invoke<RosterPageDTO>(main, 'o-officer', 'listRoster', { pageSize: 3 }))
  expect(page).toMatchObject({ total: 4, page: 0, pageSize: 3 })
  expect(page.items[0]).toEqual({
    name: '李*',
    cardNo: 'GH******0123',
    phone: '138****0123',
    branch: '秦淮区总工会',
    tags: ['劳模'],
    gender: 'M',
    bound: true,
    unionId: null, // no tree in this federation yet: only the city reaches it
    memberRef: expect.stringMatching(/^M-[2-9A-Z]{10}$/),
    id: expect.stringMatching(/^[A-Za-z0-9_-]{30,}$/), // the sealed handle rosterRecord takes (roster-console.test.ts)
  })
  expect(okData(await invoke<RosterPageDTO>(main, 'o-officer', 'listRoster', { page: 1, pageSize: 3 })).items).toHaveLength(1)
  expect(okData(await invoke<RosterPageDTO>(main, 'o-officer', 'listRoster', { tag: '女职工' })).total).toBe(2)
  expect(okData(await invoke<RosterPageDTO>(main, 'o-officer', 'listRoster', { q: '王' })).items.map((i) => i.name)).toEqual(['王**'])
  expect(okData(await invoke<RosterPageDTO>(main, 'o-officer', 'listRoster', { q: 'gh3201000999' })).total).toBe(1)
  const reads = (await emu.db.collection(COLLECTIONS.auditLog).where({ action: 'member.listRoster', actor: 'o-officer' }).get()).data
  expect(reads).toHaveLength(5) // every officer read of the roster is recorded
})

it('refuses members, staff and strangers officer actions with FORBIDDEN and changes nothing', async () => {
  const before = await rosterDocs()
  for (const openid of ['o-li', 'o-cashier', 'o-stranger']) {
    expect(await invoke(main, openid, 'importRoster', { csv: `${HEADER}\n某,GH9999999999,,某工会,,,` })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await invoke(main, openid, 'listRoster', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await invoke(main, openid, 'createInvite', { scope: { kind: 'merchant', id: 'm1', name: '苏果' } })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  }
  expect(await rosterDocs()).toEqual(before)
  expect((await emu.db.collection(COLLECTIONS.staffInvites).get()).data).toEqual([])
})

it('keeps masked rows apart: the card tail differs and each row carries its own stable member reference', async () => {
  const all = okData(await invoke<RosterPageDTO>(main, 'o-officer', 'listRoster', { pageSize: 50 })).items
  expect(new Set(all.map((r) => r.cardNo)).size).toBe(all.length)
  expect(new Set(all.map((r) => r.memberRef)).size).toBe(all.length)
  const again = okData(await invoke<RosterPageDTO>(main, 'o-officer', 'listRoster', { pageSize: 50 })).items
  expect(again.map((r) => r.memberRef)).toEqual(all.map((r) => r.memberRef))
  expect(JSON.stringify(all)).not.toMatch(/GH320100\d{4}/)
})
