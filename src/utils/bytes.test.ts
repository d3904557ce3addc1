import fc from 'fast-check'
import { fromBase64, toBase64, toBase64Url, utf8 } from './bytes'

test('base64 and UTF-8 match Node’s own', () => {
  for (const s of ['', 'a', 'ab', 'abc', '王秀英,GH3201000456', '𠀀 emoji 😀']) {
    expect(toBase64(utf8(s))).toBe(Buffer.from(s, 'utf8').toString('base64'))
    expect(toBase64Url(utf8(s))).toBe(Buffer.from(s, 'utf8').toString('base64url'))
  }
})

test('base64 (standard or URL-safe) round-trips any bytes; garbage gives none', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 80 }), (b) => {
      expect([...fromBase64(toBase64(b))]).toEqual([...b])
      expect([...fromBase64(toBase64Url(b))]).toEqual([...b])
    }),
  )
  expect(fromBase64('a')).toHaveLength(0)
  expect(fromBase64('ab$c')).toHaveLength(0)
})
