import fc from 'fast-check'
import { defuse } from '~types/csv'
import { toCsv } from './csv'

test('Excel-friendly CSV: BOM, CRLF, quoting, formula injection defused', () => {
  const csv = toCsv(
    ['姓名', '备注'],
    [
      ['李明', 'a,"b"'],
      ['=HYPERLINK("x")', 3],
      ['-1+2', '+x'],
      ['@SUM(A1)', '\t=1'],
    ],
  )
  expect(csv).toBe('\uFEFF姓名,备注\r\n李明,"a,""b"""\r\n"\'=HYPERLINK(""x"")",3\r\n\'-1+2,\'+x\r\n\'@SUM(A1),\'\t=1\r\n')
})

test('negative amounts stay numbers a spreadsheet can sum (a reversal row of 工会承担)', () => {
  const csv = toCsv(
    ['工会承担', '商户让利'],
    [
      ['-86.00', -8.38],
      ['+3', '12.50'],
    ],
  )
  expect(csv).toBe('\uFEFF工会承担,商户让利\r\n-86.00,-8.38\r\n+3,12.50\r\n')
})

test('every plain decimal passes unchanged; everything else a spreadsheet would evaluate is defused', () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.nat(99), (whole, cents) => {
      const s = `${whole}.${String(cents).padStart(2, '0')}`
      expect(defuse(s)).toBe(s)
    }),
  )
  fc.assert(
    fc.property(fc.constantFrom('=', '+', '-', '@'), fc.string(), (lead, rest) => {
      const s = lead + rest
      if (/^[+-]?\d+(\.\d+)?$/.test(s)) return
      expect(defuse(s)).toBe(`'${s}`)
    }),
  )
})
