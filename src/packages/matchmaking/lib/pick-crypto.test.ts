import { randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { fromBase64, toBase64, toBase64Url } from '~src/utils/bytes'
import { keyPairFrom, paddedSubmission, pickToken, publicKeyOf } from './pick-crypto'

const rand = (n: number) => new Uint8Array(randomBytes(n))

it('A picking B and B picking A yield the same token; a third person yields another', () => {
  const a = keyPairFrom(rand(32))
  const b = keyPairFrom(rand(32))
  const c = keyPairFrom(rand(32))
  const ab = pickToken('qixi', a.secretKey, a.publicKey, b.publicKey)
  expect(ab).toBe(pickToken('qixi', b.secretKey, b.publicKey, a.publicKey))
  expect(ab).not.toBe(pickToken('qixi', a.secretKey, a.publicKey, c.publicKey))
  expect(ab).not.toBe(pickToken('other-mixer', a.secretKey, a.publicKey, b.publicKey))
  expect(fromBase64(ab!)).toHaveLength(32)
  expect(publicKeyOf(a.secretKey)).toBe(a.publicKey)
})

it('a small-order key is never pickable (its token would be guessable)', () => {
  const a = keyPairFrom(rand(32))
  expect(pickToken('m', a.secretKey, a.publicKey, toBase64(new Uint8Array(32)))).toBeNull()
  const one = new Uint8Array(32)
  one[0] = 1
  expect(pickToken('m', a.secretKey, a.publicKey, toBase64(one))).toBeNull()
})

it('a submission is always exactly K tokens of the same shape, the real ones among them', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 6 }), (k, real) => {
      const picks = Array.from({ length: Math.min(real, k) }, () => toBase64Url(rand(32)))
      const sub = paddedSubmission(picks, k, rand)
      expect(sub).toHaveLength(k)
      expect(sub.every((t) => /^[A-Za-z0-9_-]{43}$/.test(t))).toBe(true)
      for (const p of picks) expect(sub).toContain(p)
    }),
  )
})

it('base64 round-trips any bytes', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), (b) => expect([...fromBase64(toBase64(b))]).toEqual([...b])))
})

describe('choice', () => {
  const entry = (badge: number, gender: 'M' | 'F') => ({
    badge,
    gender,
    nickname: '',
    birthYear: 1996,
    sector: '企业' as const,
    intro: '',
    publicKey: '',
  })
  const dir = { k: 2, me: entry(1, 'M'), others: [entry(2, 'F'), entry(4, 'F'), entry(6, 'F')] }
  it('lets through up to K badges of the other group only', async () => {
    const { choiceRefusal } = await import('./choice.rules')
    expect(choiceRefusal(dir, [])).toBeNull()
    expect(choiceRefusal(dir, [2, 6])).toBeNull()
    expect(choiceRefusal(dir, [2, 4, 6])).toBe('PICK_COUNT')
    expect(choiceRefusal(dir, [2, 2])).toBe('PICK_COUNT')
    expect(choiceRefusal(dir, [3])).toBe('PICK_SAME_GROUP')
    expect(choiceRefusal(dir, [1])).toBe('PICK_SAME_GROUP')
  })
})
