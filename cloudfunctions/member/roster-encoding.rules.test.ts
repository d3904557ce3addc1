import iconv from 'iconv-lite'
import fc from 'fast-check'
import { decodeRosterBytes } from './roster-encoding.rules'

const CSV = '姓名,会员证号,所属工会\r\n张伟,GH32010001,南京市鼓楼区总工会\r\n欧阳娜娜,GH32010002,南京市玄武区总工会\r\n'

describe('roster file encoding', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeRosterBytes(new TextEncoder().encode(CSV))).toEqual({ ok: true, text: CSV, encoding: 'utf-8' })
    expect(decodeRosterBytes(new TextEncoder().encode(`\uFEFF${CSV}`))).toEqual({ ok: true, text: CSV, encoding: 'utf-8' })
  })

  it('reads the GBK that Excel on Chinese Windows saves', () => {
    expect(decodeRosterBytes(iconv.encode(CSV, 'gbk'))).toEqual({ ok: true, text: CSV, encoding: 'gb18030' })
  })

  it('round-trips any Chinese text saved as GBK', () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c))
    fc.assert(
      fc.property(fc.array(han, { minLength: 2, maxLength: 30 }), (chars) => {
        const text = `姓名,会员证号,所属工会\n${chars.join('')},GH1234,某工会\n`
        const r = decodeRosterBytes(iconv.encode(text, 'gbk'))
        expect(r).toMatchObject({ ok: true, text })
      }),
    )
  })

  it('refuses a binary file plainly', () => {
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x01])
    expect(decodeRosterBytes(xlsx)).toMatchObject({ ok: false, reason: expect.stringContaining('另存为 CSV UTF-8') })
  })
})
