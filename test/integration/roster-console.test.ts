import { createMemberFunction } from '../../cloudfunctions/member/index'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { RosterDoc, UserDoc } from '../../cloudfunctions/common/member-docs'
import type { RosterExportDTO, RosterImportResult, RosterPageDTO, RosterPreviewResult, RosterRecordDTO } from '~types/member'
import { splitRosterFile } from '~types/roster-chunks'
import { unionDocs } from '../../tools/seed/union-structure'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'

/**
 * The console's 会员名册 (issue 18): a preview that checks a file (or its parts) exactly as the import
 * will and writes nothing; one record viewed and corrected within her subtree, audited; the roster
 * exported masked, or in full with a reason, in parts.
 */
let emu: TestEmulator
const now = Date.UTC(2026, 6, 1, 2, 0)
const main = createMemberFunction({ clock: () => now })
const HEADER = '姓名,会员证号,手机号,所属工会,标签,性别,出生日期'
const CITY = 'o-city'
const QINHUAI = 'o-qinhuai'
const XUANWU = 'o-xuanwu'

const user = (id: string, roles: UserDoc['roles']): UserDoc => ({
  _id: id,
  rosterId: null,
  verifiedAt: null,
  roles,
  deletionRequestedAt: null,
  createdAt: now,
  updatedAt: now,
})
const rosterDoc = (id: string) =>
  emu.db
    .collection(COLLECTIONS.roster)
    .doc(id)
    .get()
    .then((r) => r.data[0] as unknown as RosterDoc)
const everything = async () =>
  JSON.stringify(
    await Promise.all(
      [COLLECTIONS.roster, COLLECTIONS.rosterImports].map((c) =>
        emu.db
          .collection(c)
          .limit(1000)
          .get()
          .then((r) => r.data),
      ),
    ),
  )
const handleOf = async (who: string, q: string) => okData(await invoke<RosterPageDTO>(main, who, 'listRoster', { q })).items[0].id

beforeAll(async () => {
  emu = await startTestEmulator()
  await emu.db.collection(COLLECTIONS.unions).add(unionDocs(now))
  await emu.db
    .collection(COLLECTIONS.users)
    .add([
      user(CITY, [{ role: 'officer' }]),
      user(QINHUAI, [{ role: 'officer', unionId: 'u-qinhuai' }]),
      user(XUANWU, [{ role: 'officer', unionId: 'u-xuanwu' }]),
    ])
  // on the roster already: one of 秦淮's (its phone changes below), one of 玄武's (秦淮 may not take her over)
  okData(
    await invoke(main, CITY, 'importRoster', {
      csv: [
        HEADER,
        '李明,QH0001,13800000001,美团外卖秦淮站点工会,,男,1988-06-01',
        '周红,XW0001,13800000002,玄武区教育系统工会,,女,1990-01-02',
      ].join('\n'),
    }),
  )
})
afterAll(() => emu.stop())

// Line 2..: every refusal an import makes, and rows to add, update and leave as they are.
const FILE = [
  HEADER,
  '王芳,QH0002,13900000002,美团外卖秦淮站点工会,,女,1991-03-04', // 2 add
  '李明,QH0001,13800000009,美团外卖秦淮站点工会,,男,1988-06-01', // 3 update (phone)
  '张伟,QH#1,13900000003,苏果超市有限公司工会,,男,', // 4 bad card
  '刘洋,QH0004,13900000004,饿了么玄武站点工会,,男,', // 5 outside her subtree
  '陈静,QH0005,13900000005,不存在的工会,,女,', // 6 unknown union
  '周红,XW0001,13800000002,苏果超市有限公司工会,,女,1990-01-02', // 7 registered to 玄武
  '王芳芳,QH0002,13900000006,美团外卖秦淮站点工会,,女,', // 8 repeats line 2
  '赵磊,QH0008,13900000008,苏果超市有限公司工会,劳模,男,1975-05-05', // 9 add
]

it('previews a file exactly as the import then does it, writing nothing; the parts of a big file too', async () => {
  const before = await everything()
  const whole = { csv: FILE.join('\n') }
  const preview = okData(await invoke<RosterPreviewResult>(main, QINHUAI, 'previewRoster', whole))
  expect(preview).toMatchObject({ adds: 2, updates: 1, moves: 0, unchanged: 0, encoding: 'utf-8' })
  expect(preview.errors.map((e) => e.line)).toEqual([4, 5, 6, 7, 8])
  expect(preview.errors[1].reason).toBe('所属工会「饿了么玄武站点工会」不属于秦淮区总工会，不能导入')
  expect(await everything()).toBe(before)
  const audited = await emu.db.collection(COLLECTIONS.auditLog).where({ actor: QINHUAI }).count()
  expect(audited.total).toBe(0) // a preview changes nothing, so the router records no change

  // the same file in parts of 3 rows, as the console sends 30,000: a card repeated in a later part is found
  // from the preview's keys and sent back as `repeats`; the parts then add up to the whole, preview and import
  const parts = splitRosterFile(new TextEncoder().encode(FILE.join('\n')), 3)
  const send = <T>(action: string, i: number, repeats?: { line: number; first: number }[]) => {
    const p = parts[i]
    const chunk = { importId: 'console-test-1', part: i, parts: parts.length, firstLine: p.firstLine }
    return invoke<T>(main, QINHUAI, action, { csvBase64: Buffer.from(p.bytes).toString('base64'), chunk, ...(repeats ? { repeats } : {}) })
  }
  const seen = new Map<string, number>()
  const repeats: { line: number; first: number }[][] = []
  const partly = { adds: 0, updates: 0, unchanged: 0, errors: [] as RosterPreviewResult['errors'] }
  for (let i = 0; i < parts.length; i++) {
    const res = okData(await send<RosterPreviewResult>('previewRoster', i))
    const again = res.accepted.filter((a) => seen.has(a.key))
    for (const a of res.accepted) if (!seen.has(a.key)) seen.set(a.key, a.line)
    repeats.push(again.map((a) => ({ line: a.line, first: seen.get(a.key)! })))
    const kept = res.accepted.filter((a) => !again.includes(a))
    partly.adds += kept.filter((a) => a.outcome === 'add').length
    partly.updates += kept.filter((a) => a.outcome === 'update' || a.outcome === 'move').length
    partly.unchanged += kept.filter((a) => a.outcome === 'same').length
    partly.errors.push(...res.errors, ...again.map((a) => ({ line: a.line, reason: `会员证号与第 ${seen.get(a.key)} 行重复` })))
  }
  expect(partly).toEqual({ adds: preview.adds, updates: preview.updates, unchanged: preview.unchanged, errors: preview.errors })
  expect(repeats.flat()).toEqual([{ line: 8, first: 2 }])
  expect(await everything()).toBe(before)

  const committed = { imported: 0, updated: 0, unchanged: 0, errors: [] as RosterImportResult['errors'] }
  for (let i = 0; i < parts.length; i++) {
    const res = okData(await send<RosterImportResult>('importRoster', i, repeats[i]))
    committed.imported += res.imported
    committed.updated += res.updated
    committed.unchanged += res.unchanged
    committed.errors.push(...res.errors)
  }
  expect(committed).toEqual({ imported: preview.adds, updated: preview.updates, unchanged: preview.unchanged, errors: preview.errors })
  expect((await rosterDoc('QH0001')).phone).toBe('13800000009')
  expect((await rosterDoc('QH0002')).name).toBe('王芳') // the first line of a repeated card wins, as within one part
  // after the import, the same file previews as nothing to do
  expect(okData(await invoke<RosterPreviewResult>(main, QINHUAI, 'previewRoster', whole))).toMatchObject({
    adds: 0,
    updates: 0,
    unchanged: 3,
  })
})

it('shows one record of her subtree, masked; in full only with a reason, which is audited', async () => {
  const id = await handleOf(QINHUAI, 'QH0008')
  const record = okData(await invoke<RosterRecordDTO>(main, QINHUAI, 'rosterRecord', { id }))
  expect(record).toMatchObject({ id, name: '赵*', cardNo: '****08', phone: '139****0008', birthDate: '1975' })
  expect(record).toMatchObject({ branch: '苏果超市有限公司工会', tags: ['劳模'], revealed: false, unionMoves: [] })
  const full = okData(await invoke<RosterRecordDTO>(main, QINHUAI, 'rosterRecord', { id, reveal: '核对会员手机号' }))
  expect(full).toMatchObject({ name: '赵磊', cardNo: 'QH0008', phone: '13900000008', birthDate: '1975-05-05', revealed: true })
  const [entry] = (await emu.db.collection(COLLECTIONS.auditLog).where({ actor: QINHUAI, action: 'member.revealRecord' }).get()).data
  expect(entry).toMatchObject({ reason: '核对会员手机号', target: record.memberRef, union: 'u-qinhuai' })

  // 玄武's member: refused before anything is read; an invented handle finds nothing
  const foreign = await handleOf(CITY, 'XW0001')
  expect(await invoke(main, QINHUAI, 'rosterRecord', { id: foreign })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await invoke(main, QINHUAI, 'rosterRecord', { id: 'A'.repeat(40) })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(await invoke(main, QINHUAI, 'rosterRecord', { id, reveal: '看' })).toMatchObject({ ok: false, field: 'reveal' })
})

it('corrects a record within her subtree: fields checked, a move kept, every correction audited', async () => {
  const id = await handleOf(QINHUAI, 'QH0008')
  const fixed = okData(
    await invoke<RosterRecordDTO>(main, QINHUAI, 'correctRoster', {
      id,
      phone: '139 0000 1234',
      unionId: 'u-qh-meituan',
      tags: ['劳模', '女职工'],
    }),
  )
  expect(fixed).toMatchObject({ phone: '139****1234', branch: '美团外卖秦淮站点工会', unionId: 'u-qh-meituan', tags: ['劳模', '女职工'] })
  expect(fixed.unionMoves).toEqual([{ branch: '苏果超市有限公司工会', until: expect.any(Number) }])
  expect(await rosterDoc('QH0008')).toMatchObject({
    phone: '13900001234',
    unionPath: ['u-nanjing', 'u-qinhuai', 'u-qh-meituan'],
    name: '赵磊',
    birthDate: '1975-05-05',
  })
  const audit = (await emu.db.collection(COLLECTIONS.auditLog).where({ actor: QINHUAI }).limit(100).get()).data
  expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['member.correctRoster', 'officer.member.correctRoster']))
  expect(audit.find((a) => a.action === 'member.correctRoster')).toMatchObject({
    fields: ['phone', 'branch', 'tags'],
    fromUnion: 'u-qh-suguo',
    toUnion: 'u-qh-meituan',
  })

  const before = await rosterDoc('QH0008')
  for (const [input, field] of [
    [{ phone: '1380000' }, 'phone'],
    [{ name: '' }, 'name'],
    [{ name: '名'.repeat(21) }, 'name'],
    [{ gender: '未知' }, 'gender'],
    [{ tags: ['一二三四五六七八九十一'] }, 'tags.0'],
  ] as const) {
    expect(await invoke(main, QINHUAI, 'correctRoster', { id, ...input })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field })
  }
  // another district's union, or another district's member: refused, nothing changes
  expect(await invoke(main, QINHUAI, 'correctRoster', { id, unionId: 'u-xw-eleme' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  const foreign = await handleOf(CITY, 'XW0001')
  expect(await invoke(main, QINHUAI, 'correctRoster', { id: foreign, phone: '13911112222' })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  })
  expect(await rosterDoc('QH0008')).toEqual(before)
  expect((await rosterDoc('XW0001')).phone).toBe('13800000002')
})

it('exports her subtree masked, or in full with a reason (audited), in parts of 5,000', async () => {
  const masked = okData(await invoke<RosterExportDTO>(main, QINHUAI, 'exportRoster', {}))
  expect(masked).toMatchObject({ masked: true, rows: 3, total: 3, next: null })
  expect(masked.csv.startsWith('\uFEFF会员编号,姓名,会员证号,手机号')).toBe(true)
  expect(masked.csv).not.toMatch(/QH000\d|XW0001|赵磊/)
  expect(await invoke(main, QINHUAI, 'exportRoster', { full: true })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'reason',
  })
  const full = okData(await invoke<RosterExportDTO>(main, QINHUAI, 'exportRoster', { full: true, reason: '年度会员核对', tag: '劳模' }))
  expect(full).toMatchObject({ masked: false, rows: 1 })
  expect(full.csv).toContain('赵磊,QH0008,13900001234,男,1975-05-05,美团外卖秦淮站点工会,劳模、女职工,未绑定')
  expect(okData(await invoke<RosterExportDTO>(main, QINHUAI, 'exportRoster', { q: '王' }))).toMatchObject({ rows: 1, total: 1 })
  const [entry] = (await emu.db.collection(COLLECTIONS.auditLog).where({ action: 'member.exportRosterFull' }).get()).data
  expect(entry).toMatchObject({ actor: QINHUAI, reason: '年度会员核对', rows: 1, union: 'u-qinhuai' })

  // a city roster past one part: written straight into the emulator, walked part by part
  const docs = Array.from({ length: 5_200 }, (_, i) => ({
    _id: `BIG${String(i).padStart(6, '0')}`,
    name: `会员${i}`,
    cardNo: `BIG${String(i).padStart(6, '0')}`,
    phone: '',
    branch: '南京地铁运营有限公司工会',
    unionId: 'u-nj-metro',
    unionPath: ['u-nanjing', 'u-nj-metro'],
    tags: [],
    gender: '',
    birthDate: '',
    boundOpenid: null,
    importedAt: now,
    updatedAt: now,
  }))
  for (let i = 0; i < docs.length; i += 1000) await emu.db.collection(COLLECTIONS.roster).add(docs.slice(i, i + 1000))
  const first = okData(await invoke<RosterExportDTO>(main, CITY, 'exportRoster', { branch: '南京地铁运营有限公司工会' }))
  expect(first).toMatchObject({ rows: 5000, total: 5200, next: expect.any(String) })
  const second = okData(
    await invoke<RosterExportDTO>(main, CITY, 'exportRoster', { branch: '南京地铁运营有限公司工会', after: first.next }),
  )
  expect(second).toMatchObject({ rows: 200, next: null })
  const lines = (first.csv + second.csv).trim().split('\r\n')
  expect(lines).toHaveLength(5201)
  expect(new Set(lines).size).toBe(5201) // no row twice, none lost at the seam
  expect(okData(await invoke<RosterExportDTO>(main, QINHUAI, 'exportRoster', { branch: '南京地铁运营有限公司工会' })).rows).toBe(0)
}, 120_000)
