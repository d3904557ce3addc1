/**
 * Picks nobody else can read (issue #10). Everything here runs on the member's
 * phone; the server only ever sees public keys and opaque tokens.
 *
 * A's pick of B is  T = first 32 bytes of SHA-512(tag ‖ mixerId ‖ X25519(a, B) ‖ lowKey ‖ highKey).
 * X25519(a, B) = X25519(b, A), so B's pick of A yields the same T: a token two
 * attendees submit is a mutual pick. Without a or b nobody can compute T (the
 * Diffie–Hellman problem), and a one-sided T looks like the random tokens every
 * submission is padded with to exactly K. The primitives are tweetnacl's
 * (audited, ES5, runs in WeChat's engine); nothing here is home-made cryptography,
 * only byte plumbing. Randomness comes in as bytes from the platform's CSPRNG
 * (wx.getRandomValues / crypto.getRandomValues), so tweetnacl's own PRNG is never used.
 */
import nacl from 'tweetnacl'
import { fromBase64, toBase64, toBase64Url, utf8 } from '~src/utils/bytes'

const TAG = utf8('会聚良缘/pick/v1')
export const TOKEN_BYTES = 32
export const KEY_BYTES = 32

export interface PickKeyPair {
  publicKey: string
  secretKey: string
}

/** A fresh key pair from 32 random bytes (clamping is X25519's own). */
export function keyPairFrom(random32: Uint8Array): PickKeyPair {
  if (random32.length !== KEY_BYTES) throw new Error('need 32 random bytes')
  const kp = nacl.box.keyPair.fromSecretKey(random32)
  return { publicKey: toBase64(kp.publicKey), secretKey: toBase64(kp.secretKey) }
}

export function publicKeyOf(secretKey: string): string {
  return toBase64(nacl.scalarMult.base(fromBase64(secretKey)))
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

function lessThan(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i]
  return false
}

/**
 * The token of a pick between my key and theirs, or null when their key is of
 * small order (the shared secret would be all zeros and the token guessable:
 * such a key must never be picked).
 */
export function pickToken(mixerId: string, mySecretKey: string, myPublicKey: string, theirPublicKey: string): string | null {
  const mine = fromBase64(myPublicKey)
  const theirs = fromBase64(theirPublicKey)
  if (theirs.length !== KEY_BYTES || mine.length !== KEY_BYTES) return null
  return tokenFromShared(mixerId, nacl.scalarMult(fromBase64(mySecretKey), theirs), mine, theirs)
}

/** The token from an X25519 shared secret (exported so tools may do the Diffie–Hellman natively); null if all zeros. */
export function tokenFromShared(mixerId: string, shared: Uint8Array, mine: Uint8Array, theirs: Uint8Array): string | null {
  if (shared.length !== KEY_BYTES || shared.every((b) => b === 0)) return null
  const [low, high] = lessThan(mine, theirs) ? [mine, theirs] : [theirs, mine]
  const digest = nacl.hash(concat([TAG, new Uint8Array([0]), utf8(mixerId), new Uint8Array([0]), shared, low, high]))
  return toBase64Url(digest.subarray(0, TOKEN_BYTES))
}

/**
 * Exactly `k` tokens: the real picks plus random ones, shuffled, so neither
 * whom nor how many can be read from the submission. `random` yields CSPRNG bytes.
 */
export function paddedSubmission(realTokens: string[], k: number, random: (n: number) => Uint8Array): string[] {
  if (realTokens.length > k) throw new Error('more picks than K')
  const tokens = [...realTokens]
  while (tokens.length < k) tokens.push(toBase64Url(random(TOKEN_BYTES)))
  // Fisher–Yates with rejection sampling, so the real picks' positions say nothing.
  for (let i = tokens.length - 1; i > 0; i--) {
    const j = uniformBelow(i + 1, random)
    ;[tokens[i], tokens[j]] = [tokens[j], tokens[i]]
  }
  return tokens
}

function uniformBelow(n: number, random: (n: number) => Uint8Array): number {
  const limit = 256 - (256 % n)
  for (;;) {
    const b = random(1)[0]
    if (b < limit) return b % n
  }
}
