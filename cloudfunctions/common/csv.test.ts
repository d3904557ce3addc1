import { toCsv } from './csv'

test('Excel-friendly CSV: BOM, CRLF, quoting, formula injection defused', () => {
  const csv = toCsv(
    ['姓名', '备注'],
    [
      ['李明', 'a,"b"'],
      ['=HYPERLINK("x")', 3],
      ['-1', '+x'],
    ],
  )
  expect(csv).toBe('\uFEFF姓名,备注\r\n李明,"a,""b"""\r\n"\'=HYPERLINK(""x"")",3\r\n\'-1,\'+x\r\n')
})
