import iconv from 'iconv-lite'
import { createMemberFunction } from '../../cloudfunctions/member/index'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { RosterDoc, UserDoc } from '../../cloudfunctions/common/member-docs'
import type { RosterImportResult } from '~types/member'
import { splitRosterFile } from '~types/roster-chunks'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'

/** A big union's roster goes in parts with running totals; GBK files (Excel on Chinese Windows) import as UTF-8 ones do. */
let emu: TestEmulator
const now = Date.UTC(2026, 4, 1, 2, 0)
const main = createMemberFunction({ clock: () => now })
const HEADER = '姓名,会员证号,手机号,所属工会,标签,性别,出生日期'
const ROWS = 30_000
const BRANCHES = ['南京市鼓楼区总工会', '南京市玄武区总工会', '南京市秦淮区总工会', '美团外卖南京站点工会']

/** Row i (file line i + 2); every 5,000th row has a bad phone. */
function row(i: number): string {
  const phone = i % 5000 === 4999 ? '12345' : `139${String(i).padStart(8, '0')}`
  const tags = i % 3 ? '' : '新就业形态'
  return `会员${i},NJ${String(i).padStart(8, '0')},${phone},${BRANCHES[i % 4]},${tags},${i % 2 ? '男' : '女'},1985-03-0${(i % 9) + 1}`
}

async function count(): Promise<number> {
  return (await emu.db.collection(COLLECTIONS.roster).count()).total
}

beforeAll(async () => {
  emu = await startTestEmulator()
  const officer: UserDoc = {
    _id: 'o-officer',
    rosterId: null,
    verifiedAt: null,
    roles: [{ role: 'officer' }],
    deletionRequestedAt: null,
    createdAt: now,
    updatedAt: now,
  }
  await emu.db.collection(COLLECTIONS.users).add(officer)
})
afterAll(() => emu.stop())

it('imports 30,000 rows in parts, each under the request limit, with progress and whole-file line numbers', async () => {
  const file = new TextEncoder().encode([HEADER, ...Array.from({ length: ROWS }, (_, i) => row(i))].join('\r\n') + '\r\n')
  const parts = splitRosterFile(file, 2500)
  expect(parts).toHaveLength(12)
  const started = Date.now()
  let last: RosterImportResult | undefined
  const errors: RosterImportResult['errors'] = []
  for (const [part, p] of parts.entries()) {
    const data = {
      csvBase64: Buffer.from(p.bytes).toString('base64'),
      chunk: { importId: 'import-nj-2026', part, parts: parts.length, firstLine: p.firstLine },
    }
    expect(Buffer.byteLength(JSON.stringify(data))).toBeLessThan(6 * 1024 * 1024)
    last = okData(await invoke<RosterImportResult>(main, 'o-officer', 'importRoster', data))
    errors.push(...last.errors)
    expect(last.progress).toMatchObject({ partsDone: part + 1, parts: 12, done: part === 11 })
  }
  console.log(`imported ${ROWS} rows in ${parts.length} parts: ${((Date.now() - started) / 1000).toFixed(1)} s`)
  expect(last!.progress).toEqual({
    importId: 'import-nj-2026',
    parts: 12,
    partsDone: 12,
    imported: ROWS - 6,
    updated: 0,
    unchanged: 0,
    refused: 6,
    done: true,
  })
  expect(errors.map((e) => e.line)).toEqual([5001, 10001, 15001, 20001, 25001, 30001])
  expect(errors[0].reason).toContain('手机号')
  expect(await count()).toBe(ROWS - 6)
  const doc = (await emu.db.collection(COLLECTIONS.roster).doc('NJ00012345').get()).data[0] as unknown as RosterDoc
  expect(doc).toMatchObject({ name: '会员12345', branch: BRANCHES[12345 % 4], gender: 'M', boundOpenid: null })
}, 240_000)

it('a part sent again (a retry with a new request id) changes neither the rows nor the totals', async () => {
  const file = new TextEncoder().encode([HEADER, row(0), row(1)].join('\n'))
  const [p] = splitRosterFile(file)
  const data = { csv: new TextDecoder().decode(p.bytes), chunk: { importId: 'import-nj-2026', part: 0, parts: 12, firstLine: 2 } }
  const again = okData(await invoke<RosterImportResult>(main, 'o-officer', 'importRoster', data))
  expect(again).toMatchObject({ imported: 0, unchanged: 2, progress: { partsDone: 12, imported: ROWS - 6, unchanged: 0 } })
})

it('imports a GBK file as Excel on Chinese Windows saves it, and refuses a workbook plainly', async () => {
  const text = [
    HEADER,
    '欧阳娜娜,GBK0001,13912340001,南京市鼓楼区总工会,女职工,女,1990-05-06',
    '张** 周,GBK0002,,南京市玄武区总工会,,男,',
  ].join('\r\n')
  const gbk = okData(
    await invoke<RosterImportResult>(main, 'o-officer', 'importRoster', { csvBase64: iconv.encode(text, 'gbk').toString('base64') }),
  )
  expect(gbk).toMatchObject({ imported: 2, errors: [], encoding: 'gb18030', progress: null })
  expect((await emu.db.collection(COLLECTIONS.roster).doc('GBK0001').get()).data[0]).toMatchObject({
    name: '欧阳娜娜',
    branch: '南京市鼓楼区总工会',
    tags: ['女职工'],
  })
  const misread = new TextDecoder().decode(iconv.encode(text, 'gbk')) // GBK bytes read as UTF-8 by a client
  expect(okData(await invoke<RosterImportResult>(main, 'o-officer', 'importRoster', { csv: misread }))).toMatchObject({
    imported: 0,
    errors: [{ line: 1, reason: expect.stringContaining('乱码') }],
  })
  const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xff, 0xfe, 0x00, 0x01]).toString('base64')
  const refused = okData(await invoke<RosterImportResult>(main, 'o-officer', 'importRoster', { csvBase64: xlsx }))
  expect(refused).toMatchObject({ imported: 0, errors: [{ line: 1, reason: expect.stringContaining('不是 UTF-8 也不是 GBK') }] })
})

it('refuses both or neither of csv and csvBase64, and a part outside its import', async () => {
  expect(await invoke(main, 'o-officer', 'importRoster', {})).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field: 'csv' })
  expect(await invoke(main, 'o-officer', 'importRoster', { csv: HEADER, csvBase64: 'AAAA' })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'csv',
  })
  const chunk = { importId: 'import-x-0001', part: 3, parts: 3, firstLine: 2 }
  expect(await invoke(main, 'o-officer', 'importRoster', { csv: HEADER, chunk })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'chunk.part',
  })
})
