import { createPublicKey, diffieHellman } from 'node:crypto'
import { toBase64 } from '~src/utils/bytes'
import { pickToken, publicKeyOf, tokenFromShared } from '~src/packages/matchmaking/lib/pick-crypto'
import { nativeKeys, qixiMixer, rawPrivate, yearMixers } from './matchmaking.seed'

/** The seed makes keys and tokens with Node's native X25519; phones use tweetnacl. They must agree exactly. */
it("native X25519 keys and tokens equal tweetnacl's", () => {
  for (let i = 0; i < 20; i++) {
    const a = nativeKeys()
    const b = nativeKeys()
    const aSecret = toBase64(rawPrivate(a.privateKey))
    expect(publicKeyOf(aSecret)).toBe(a.publicKey)
    const bPub = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(b.raw).toString('base64url') }, format: 'jwk' })
    const native = tokenFromShared('qixi', new Uint8Array(diffieHellman({ privateKey: a.privateKey, publicKey: bPub })), a.raw, b.raw)
    expect(native).toBe(pickToken('qixi', aSecret, a.publicKey, b.publicKey))
  }
})

it('the 七夕 mixer has check-in open at seeding and the pick window after; 南京市总工会 has 20 mixers in the year', () => {
  const now = Date.UTC(2027, 7, 19, 11)
  const q = qixiMixer(now)
  expect(q.startsAt < now && now < q.pickOpensAt && q.pickOpensAt < q.pickClosesAt && now < q.signupClosesAt).toBe(true)
  const year = yearMixers(now)
  expect(year).toHaveLength(20)
  expect(year[19].input.startsAt - now).toBeLessThan(366 * 86_400_000)
})
