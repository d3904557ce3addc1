import { base64Of, utf8Of } from './bytes'

test('base64 and UTF-8 match Node’s own', () => {
  for (const s of ['', 'a', 'ab', 'abc', '王秀英,GH3201000456', '𠀀 emoji 😀']) {
    expect(base64Of(utf8Of(s))).toBe(Buffer.from(s, 'utf8').toString('base64'))
  }
})
