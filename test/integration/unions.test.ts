import { createMemberFunction } from '../../cloudfunctions/member/index'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { RosterDoc, UserDoc } from '../../cloudfunctions/common/member-docs'
import type { UnionDoc } from '../../cloudfunctions/common/unions'
import type { DeletionRequestDTO, InviteDTO, InviteTargetsDTO, MeDTO, RosterImportResult, RosterPageDTO } from '~types/member'
import type { ListUnionsRes, UnionDTO } from '~types/unions'
import { unionDocs } from '../../tools/seed/union-structure'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'

/**
 * Issue 20 in the member function: the tree as data, kept by the level above; officers scoped to a node
 * (roster import by level, the roster list, the deletion queue, invites); moving a unit keeps history
 * and takes its members and what it owns along; `me` names her union.
 */
let emu: TestEmulator
const now = Date.UTC(2026, 6, 1, 2, 0)
const main = createMemberFunction({ clock: () => now })
const HEADER = '姓名,会员证号,手机号,所属工会,标签,性别,出生日期'

const CITY = 'o-city'
const QINHUAI = 'o-qinhuai'
const XUANWU = 'o-xuanwu'
const MEITUAN = 'o-meituan'

function user(id: string, roles: UserDoc['roles']): UserDoc {
  return { _id: id, rosterId: null, verifiedAt: null, roles, deletionRequestedAt: null, createdAt: now, updatedAt: now }
}

async function roster(id: string): Promise<RosterDoc> {
  return (await emu.db.collection(COLLECTIONS.roster).doc(id).get()).data[0] as unknown as RosterDoc
}
async function union(id: string): Promise<UnionDoc> {
  return (await emu.db.collection(COLLECTIONS.unions).doc(id).get()).data[0] as unknown as UnionDoc
}
const importAs = (who: string, rows: string[]) =>
  invoke<RosterImportResult>(main, who, 'importRoster', { csv: [HEADER, ...rows].join('\n') })
const list = async (who: string) => okData(await invoke<RosterPageDTO>(main, who, 'listRoster', { pageSize: 50 }))

beforeAll(async () => {
  emu = await startTestEmulator()
  await emu.db.collection(COLLECTIONS.unions).add(unionDocs(now))
  await emu.db
    .collection(COLLECTIONS.users)
    .add([
      user(CITY, [{ role: 'officer' }]),
      user(QINHUAI, [{ role: 'officer', unionId: 'u-qinhuai' }]),
      user(XUANWU, [{ role: 'officer', unionId: 'u-xuanwu' }]),
      user(MEITUAN, [{ role: 'officer', unionId: 'u-qh-meituan' }]),
    ])
  // Owned things of both districts: staff invites and moves reach them.
  await emu.db.collection(COLLECTIONS.events).add([
    {
      _id: 'ev-qh',
      title: '秦淮区劳模集市',
      startsAt: now,
      endsAt: now + 3600_000,
      unionId: 'u-qh-suguo',
      unionPath: ['u-nanjing', 'u-qinhuai', 'u-qh-suguo'],
      organiser: '苏果超市有限公司工会',
    },
    {
      _id: 'ev-xw',
      title: '玄武区教师节',
      startsAt: now,
      endsAt: now + 3600_000,
      unionId: 'u-xuanwu',
      unionPath: ['u-nanjing', 'u-xuanwu'],
      organiser: '玄武区总工会',
    },
    { _id: 'ev-old', title: '树前的活动', startsAt: now, endsAt: now + 3600_000 },
  ])
})
afterAll(() => emu.stop())

describe('roster by level', () => {
  it("a grassroots officer imports her unit's rows; the others are refused with their row numbers and reasons", async () => {
    const res = okData(
      await importAs(MEITUAN, [
        '王骑手,MT0001,13800000001,美团外卖秦淮站点工会,新就业形态,男,1990-01-01', // line 2
        '李收银,SG0001,13800000002,苏果超市有限公司工会,,女,1992-02-02', // line 3: her district, not her unit
        '赵老师,XW0001,13800000003,玄武区教育系统工会,,女,1985-03-03', // line 4: another district
        '钱骑手,MT0002,13800000004,美团外卖秦淮站点工会,,男,1995-04-04', // line 5
        '孙某,NO0001,13800000005,不存在的工会,,男,1980-05-05', // line 6: not in the tree
      ]),
    )
    expect(res).toMatchObject({ imported: 2, updated: 0 })
    expect(res.errors).toEqual([
      { line: 3, reason: '所属工会「苏果超市有限公司工会」不属于美团外卖秦淮站点工会，不能导入' },
      { line: 4, reason: '所属工会「玄武区教育系统工会」不属于美团外卖秦淮站点工会，不能导入' },
      { line: 6, reason: expect.stringContaining('「不存在的工会」不在工会组织中') },
    ])
    expect(await roster('MT0001')).toMatchObject({ unionId: 'u-qh-meituan', unionPath: ['u-nanjing', 'u-qinhuai', 'u-qh-meituan'] })
  })

  it('a district officer imports her units (any level of her subtree); the city imports every district', async () => {
    const res = okData(
      await importAs(QINHUAI, [
        '李收银,SG0001,13800000002,苏果超市有限公司工会,,女,1992-02-02',
        '陈主席,QH0001,13800000006,秦淮区总工会,,女,1975-06-06',
        '赵老师,XW0001,13800000003,玄武区教育系统工会,,女,1985-03-03',
      ]),
    )
    expect(res).toMatchObject({ imported: 2, errors: [{ line: 4, reason: '所属工会「玄武区教育系统工会」不属于秦淮区总工会，不能导入' }] })
    expect(okData(await importAs(CITY, ['赵老师,XW0001,13800000003,玄武区教育系统工会,,女,1985-03-03']))).toMatchObject({
      imported: 1,
      errors: [],
    })
  })

  it("a district officer's roster shows only her district's members, and a card number outside finds nothing", async () => {
    const qinhuai = await list(QINHUAI)
    expect(qinhuai.items.map((r) => r.memberRef).length).toBe(4)
    expect(qinhuai.items.map((r) => r.branch).sort()).toEqual(
      ['秦淮区总工会', '美团外卖秦淮站点工会', '美团外卖秦淮站点工会', '苏果超市有限公司工会'].sort(),
    )
    expect((await list(MEITUAN)).total).toBe(2)
    expect((await list(XUANWU)).items.map((r) => r.unionId)).toEqual(['u-xw-school'])
    expect((await list(CITY)).total).toBe(5)
    expect(okData(await invoke<RosterPageDTO>(main, QINHUAI, 'listRoster', { q: 'XW0001' })).total).toBe(0)
  })

  it("a re-import with another 所属工会 moves her and keeps where she was; a member registered outside can't be taken over", async () => {
    expect(okData(await importAs(QINHUAI, ['李收银,SG0001,13800000002,秦淮区家政服务业联合工会,,女,1992-02-02']))).toMatchObject({
      updated: 1,
    })
    expect(await roster('SG0001')).toMatchObject({
      unionId: 'u-qh-jiazheng',
      branch: '秦淮区家政服务业联合工会',
      unionMoves: [{ unionId: 'u-qh-suguo', branch: '苏果超市有限公司工会', until: now }],
    })
    const res = okData(await importAs(QINHUAI, ['赵老师,XW0001,13800000003,秦淮区总工会,,女,1985-03-03']))
    expect(res.errors).toEqual([{ line: 2, reason: expect.stringContaining('已登记在「玄武区教育系统工会」，不属于秦淮区总工会') }])
    expect((await roster('XW0001')).unionId).toBe('u-xw-school')
  })
})

describe('me and the tree', () => {
  it('me names her union; a legacy officer (no node) is a city officer', async () => {
    const me = okData(await invoke<MeDTO>(main, QINHUAI, 'me', {}))
    expect(me.roles).toEqual([{ role: 'officer', union: { unionId: 'u-qinhuai', name: '秦淮区总工会', level: 'district', all: false } }])
    const city = okData(await invoke<MeDTO>(main, CITY, 'me', {}))
    expect(city.roles).toEqual([{ role: 'officer', union: { unionId: 'u-nanjing', name: '南京市总工会', level: 'city', all: true } }])
  })

  it('lists her node and below with member and officer counts; she keeps only what is strictly below her', async () => {
    const res = okData(await invoke<ListUnionsRes>(main, QINHUAI, 'listUnions', {}))
    expect(res.own).toMatchObject({ unionId: 'u-qinhuai', all: false })
    expect(res.unions[0].id).toBe('u-qinhuai')
    expect(res.unions).toHaveLength(5)
    const byId = new Map(res.unions.map((u) => [u.id, u]))
    expect(byId.get('u-qinhuai')).toMatchObject({ members: 4, officers: 1, canEdit: false })
    expect(byId.get('u-qh-meituan')).toMatchObject({ members: 2, officers: 1, canEdit: true })
    expect(byId.has('u-xuanwu')).toBe(false)
    const grassroots = okData(await invoke<ListUnionsRes>(main, MEITUAN, 'listUnions', {}))
    expect(grassroots.unions.map((u) => [u.id, u.canEdit])).toEqual([['u-qh-meituan', false]])
    const city = okData(await invoke<ListUnionsRes>(main, CITY, 'listUnions', {}))
    expect(city.unions[0]).toMatchObject({ id: 'u-nanjing', members: 5, canEdit: false })
    expect(city.unions.length).toBe(unionDocs(now).length)
  })

  it('a district officer adds and renames units under her node; names are unique; her own node and others are not hers', async () => {
    const made = okData(await invoke<UnionDTO>(main, QINHUAI, 'saveUnion', { name: '秦淮区快递行业联合工会', parentId: 'u-qinhuai' }))
    expect(made).toMatchObject({ parentId: 'u-qinhuai', level: 'grassroots', path: ['u-nanjing', 'u-qinhuai', made.id] })
    const renamed = okData(
      await invoke<UnionDTO>(main, QINHUAI, 'saveUnion', { id: made.id, name: '秦淮区快递物流联合工会', parentId: 'u-qinhuai' }),
    )
    expect(renamed.name).toBe('秦淮区快递物流联合工会')
    expect((await union(made.id)).name).toBe('秦淮区快递物流联合工会')
    expect(await invoke(main, QINHUAI, 'saveUnion', { name: '苏果超市有限公司工会', parentId: 'u-qinhuai' })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      field: 'name',
      message: '已有名为「苏果超市有限公司工会」的工会，请换一个名称',
    })
    expect(await invoke(main, QINHUAI, 'saveUnion', { id: 'u-qinhuai', name: '秦淮区总工会（新）', parentId: 'u-nanjing' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await invoke(main, QINHUAI, 'saveUnion', { name: '玄武区某工会', parentId: 'u-xuanwu' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await invoke(main, QINHUAI, 'saveUnion', { id: 'u-xw-school', name: 'x', parentId: 'u-qinhuai' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await invoke(main, MEITUAN, 'saveUnion', { name: '美团骑手小组', parentId: 'u-qh-meituan' })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      field: 'parentId',
    })
    expect(await invoke(main, QINHUAI, 'saveUnion', { name: '秦淮区某总工会', parentId: 'u-qinhuai', district: true })).toMatchObject({
      ok: false,
      field: 'parentId',
    })
  })

  it('a city officer moves a unit to another district: history kept, paths rewritten, its members and owned things move too', async () => {
    expect(await invoke(main, QINHUAI, 'moveUnion', { id: 'u-qh-fuyou', parentId: 'u-xuanwu' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await invoke(main, CITY, 'moveUnion', { id: 'u-qh-suguo', parentId: 'u-qh-meituan' })).toMatchObject({
      ok: false,
      field: 'parentId',
    })
    expect(await invoke(main, CITY, 'moveUnion', { id: 'u-qinhuai', parentId: 'u-qh-meituan' })).toMatchObject({
      ok: false,
      field: 'parentId',
    })
    okData(await importAs(CITY, ['周收银,SG0002,13800000009,苏果超市有限公司工会,,女,1991-01-01']))
    const moved = okData(await invoke<UnionDTO>(main, CITY, 'moveUnion', { id: 'u-qh-suguo', parentId: 'u-xuanwu' }))
    expect(moved).toMatchObject({ parentId: 'u-xuanwu', path: ['u-nanjing', 'u-xuanwu', 'u-qh-suguo'] })
    expect((await union('u-qh-suguo')).moves).toEqual([
      { parentId: 'u-qinhuai', path: ['u-nanjing', 'u-qinhuai', 'u-qh-suguo'], until: now, by: CITY },
    ])
    expect((await roster('SG0002')).unionPath).toEqual(['u-nanjing', 'u-xuanwu', 'u-qh-suguo'])
    const ev = (await emu.db.collection(COLLECTIONS.events).doc('ev-qh').get()).data[0] as { unionPath: string[] }
    expect(ev.unionPath).toEqual(['u-nanjing', 'u-xuanwu', 'u-qh-suguo'])
    expect((await list(XUANWU)).items.map((r) => r.branch)).toContain('苏果超市有限公司工会')
    expect((await list(QINHUAI)).items.map((r) => r.branch)).not.toContain('苏果超市有限公司工会')
  })

  it('a move cut short (only the union itself written) is finished by running it again', async () => {
    // The first step of a move of 美团 under 玄武, then the crash: its members and owned docs still carry 秦淮.
    await emu.db
      .collection(COLLECTIONS.unions)
      .doc('u-qh-meituan')
      .update({ parentId: 'u-xuanwu', path: emu.db.command.set(['u-nanjing', 'u-xuanwu', 'u-qh-meituan']) })
    expect((await roster('MT0001')).unionPath).toEqual(['u-nanjing', 'u-qinhuai', 'u-qh-meituan'])
    okData(await invoke<UnionDTO>(main, CITY, 'moveUnion', { id: 'u-qh-meituan', parentId: 'u-xuanwu' }))
    expect((await roster('MT0001')).unionPath).toEqual(['u-nanjing', 'u-xuanwu', 'u-qh-meituan'])
    expect((await union('u-qh-meituan')).moves).toEqual([])
    // and back again, by the rules: history grows, paths follow
    okData(await invoke<UnionDTO>(main, CITY, 'moveUnion', { id: 'u-qh-meituan', parentId: 'u-qinhuai' }))
    expect((await roster('MT0002')).unionPath).toEqual(['u-nanjing', 'u-qinhuai', 'u-qh-meituan'])
    expect((await union('u-qh-meituan')).moves).toHaveLength(1)
  })
})

describe('invites by level', () => {
  it('lists only her subtree: its unions for officer invites, its events for staff invites', async () => {
    const t = okData(await invoke<InviteTargetsDTO>(main, QINHUAI, 'inviteTargets', {}))
    expect(t.unions.map((u) => u.id)).toContain('u-qh-meituan')
    expect(t.unions.map((u) => u.id)).not.toContain('u-xuanwu')
    expect(t.events).toEqual([])
    const x = okData(await invoke<InviteTargetsDTO>(main, XUANWU, 'inviteTargets', {}))
    expect(x.events.map((e) => e.id).sort()).toEqual(['ev-qh', 'ev-xw']) // 苏果 moved under 玄武 above
    const city = okData(await invoke<InviteTargetsDTO>(main, CITY, 'inviteTargets', {}))
    expect(city.events.map((e) => e.id).sort()).toEqual(['ev-old', 'ev-qh', 'ev-xw'])
  })

  it("a city officer invites a district officer; a district officer her units' officers, never another district's", async () => {
    const forQinhuai = okData(await invoke<InviteDTO>(main, CITY, 'createInvite', { scope: { kind: 'union', id: 'u-qinhuai' } }))
    expect(forQinhuai.scope).toEqual({ kind: 'union', id: 'u-qinhuai', name: '秦淮区总工会' })
    const me = okData(await invoke<MeDTO>(main, 'o-new-district', 'redeemInvite', { code: forQinhuai.code }))
    expect(me.roles).toEqual([{ role: 'officer', union: expect.objectContaining({ unionId: 'u-qinhuai' }) }])

    const forUnit = okData(await invoke<InviteDTO>(main, QINHUAI, 'createInvite', { scope: { kind: 'union', id: 'u-qh-jiazheng' } }))
    expect(await invoke(main, QINHUAI, 'createInvite', { scope: { kind: 'union', id: 'u-xw-school' } })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await invoke(main, QINHUAI, 'createInvite', { scope: { kind: 'event', id: 'ev-xw' } })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await invoke(main, QINHUAI, 'createInvite', { scope: { kind: 'event', id: 'ev-old' } })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await invoke(main, MEITUAN, 'createInvite', { scope: { kind: 'union', id: 'u-qinhuai' } })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })

    // redeeming replaces her earlier officer role (one node per officer)
    const after = okData(await invoke<MeDTO>(main, 'o-new-district', 'redeemInvite', { code: forUnit.code }))
    expect(after.roles).toEqual([{ role: 'officer', union: expect.objectContaining({ unionId: 'u-qh-jiazheng', level: 'grassroots' }) }])
    const stored = (await emu.db.collection(COLLECTIONS.users).doc('o-new-district').get()).data[0] as UserDoc
    expect(stored.roles).toEqual([{ role: 'officer', unionId: 'u-qh-jiazheng' }])
  })
})

describe('deletion queue', () => {
  it("an officer sees and processes only her subtree's members' requests; the city sees all", async () => {
    okData(await invoke(main, 'o-mt', 'verify', { name: '王骑手', cardNo: 'MT0001' }))
    okData(await invoke(main, 'o-xw', 'verify', { name: '赵老师', cardNo: 'XW0001' }))
    okData(await invoke(main, 'o-mt', 'requestDeletion', {}))
    okData(await invoke(main, 'o-xw', 'requestDeletion', {}))
    okData(await invoke(main, 'o-nobody', 'requestDeletion', {}))
    const q = okData(await invoke<DeletionRequestDTO[]>(main, QINHUAI, 'listDeletionRequests', {}))
    expect(q.map((d) => d.branch)).toEqual(['美团外卖秦淮站点工会'])
    const city = okData(await invoke<DeletionRequestDTO[]>(main, CITY, 'listDeletionRequests', {}))
    expect(city).toHaveLength(3)
    const other = city.find((d) => d.branch === '玄武区教育系统工会')!
    expect(await invoke(main, QINHUAI, 'processDeletionRequest', { id: other.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const nobody = city.find((d) => d.memberRef === null)!
    expect(await invoke(main, QINHUAI, 'processDeletionRequest', { id: nobody.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(okData(await invoke<DeletionRequestDTO>(main, QINHUAI, 'processDeletionRequest', { id: q[0].id })).status).not.toBe('pending')
  })
})
