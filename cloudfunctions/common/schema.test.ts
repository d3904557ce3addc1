import fc from 'fast-check'
import { z } from 'zod'
import { safeText, unsafeTextReason } from './schema'

const HIDDEN = [
  '\u0000',
  '\u0007',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u202E',
  '\u202D',
  '\u2066',
  '\u200F',
  '\u061C',
  '\u200B',
  '\u200D',
  '\u2060',
  '\uFEFF',
]

describe('safe text', () => {
  it('refuses control, bidirectional and zero-width characters anywhere in the text', () => {
    const name = safeText(20)
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.constantFrom(...HIDDEN), fc.string({ maxLength: 8 }), (a, bad, b) => {
        expect(name.safeParse(`${a}${bad}${b}`).success).toBe(false)
      }),
    )
  })

  it('keeps ordinary Chinese text, trims it, and allows line breaks only where asked', () => {
    expect(safeText(20).parse('  李明（秦淮区总工会）  ')).toBe('李明（秦淮区总工会）')
    expect(safeText(20).safeParse('两行\n文字').success).toBe(false)
    expect(safeText(40, { multiline: true }).parse('第一行\r\n第二行')).toBe('第一行\r\n第二行')
    expect(safeText(5).safeParse('一二三四五六').success).toBe(false)
    expect(safeText(5).safeParse('   ').success).toBe(false)
    expect(safeText(5, { min: 0 }).parse('   ')).toBe('')
    expect(unsafeTextReason('a\u202Eb')).toBe('含有文字方向控制字符')
  })

  it('names the unknown key of a strict object', () => {
    const r = z.strictObject({ a: z.string() }).safeParse({ a: 'x', openid: 'y' })
    expect(r.success).toBe(false)
    expect(r.error!.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['openid'] })
  })
})
