import fc from 'fast-check'
import { checkRow, parseRosterCsv } from './roster-csv.rules'

const HEADER = '姓名,会员证号,手机号,所属工会,标签,性别,出生日期'

test('reads Chinese or English headers in any order, with a BOM, quotes and CRLF', () => {
  const csv =
    '\uFEFFcardNo,branch,name,tags,gender,birthDate\r\n"GH0001",秦淮区总工会,"欧阳 娜娜","劳模|女职工;新就业形态",F,1990年2月3日\r\n'
  expect(parseRosterCsv(csv, 2026)).toEqual({
    rows: [
      {
        name: '欧阳娜娜',
        cardNo: 'GH0001',
        phone: '',
        branch: '秦淮区总工会',
        tags: ['劳模', '女职工', '新就业形态'],
        gender: 'F',
        birthDate: '1990-02-03',
      },
    ],
    errors: [],
    lines: [2],
  })
})

test('numbers errors by the line they start on, counting quoted line breaks and blank lines', () => {
  const csv = `${HEADER}\n李明,GH0001,,秦淮区总工会,"劳模\n女职工",男,\n\n王芳,GH0001,,秦淮区总工会,,女,\n,GH0003,,工会,,,`
  const { rows, errors } = parseRosterCsv(csv, 2026)
  expect(rows.map((r) => r.cardNo)).toEqual(['GH0001'])
  expect(errors).toEqual([
    { line: 5, reason: '会员证号与第 2 行重复' },
    { line: 6, reason: '姓名为空' },
  ])
})

test('refuses future birth dates, impossible dates and unknown genders with a reason', () => {
  const base = { name: '李明', cardNo: 'GH0001', branch: '工会' }
  expect(checkRow({ ...base, birthDate: '2030-01-01' }, 2026)).toMatch('出生日期')
  expect(checkRow({ ...base, birthDate: '1990-13-01' }, 2026)).toMatch('出生日期')
  expect(checkRow({ ...base, gender: '其他' }, 2026)).toMatch('性别')
  expect(checkRow({ ...base, phone: '23800000000' }, 2026)).toMatch('手机号')
})

test('never throws, and every error points at a real line', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('"', ',', '\n', '李明', 'GH0001')), { maxLength: 8 }).map((c) => c.join(',')),
        { maxLength: 12 },
      ),
      (lines) => {
        const csv = [HEADER, ...lines].join('\n')
        const { rows, errors } = parseRosterCsv(csv, 2026)
        const total = csv.split('\n').length
        for (const e of errors) {
          expect(e.line).toBeGreaterThanOrEqual(1)
          expect(e.line).toBeLessThanOrEqual(total)
          expect(e.reason).toMatch(/[\u4e00-\u9fa5]/)
        }
        expect(new Set(rows.map((r) => r.cardNo)).size).toBe(rows.length)
      },
    ),
  )
})

test("a part of a bigger file names the whole file's lines, also the line a repeat names", () => {
  const csv = [HEADER, '李明,GH3201000123,,秦淮区总工会,,,', '李明明,GH3201000123,,秦淮区总工会,,,', ',GH3201000124,,秦淮区总工会,,,'].join(
    '\n',
  )
  const { lines, errors } = parseRosterCsv(csv, 2026, 20_000) // the part's first row is the file's line 20,002
  expect(lines).toEqual([20_002])
  expect(errors).toEqual([
    { line: 20_003, reason: '会员证号与第 20002 行重复' },
    { line: 20_004, reason: '姓名为空' },
  ])
})
