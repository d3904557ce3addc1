/**
 * Signed QR tokens (issue 2 §7): HMAC-SHA256, purpose-bound, expiring, with the
 * key id inside so keys can rotate (the first key signs, every listed key verifies).
 *
 * Two forms share one purpose table and one MAC helper:
 * - standard `sign`/`verify`: rotating on-screen member codes (≈30 s), < 120 chars
 *   so a QR code of version 7-M or less carries it (easy for a phone camera);
 * - compact `signCompact`/`verifyCompact` (qr-token.compact.ts): printed codes in
 *   WeChat's 32-character `scene`.
 *
 * Signing with bad input throws (a programming error); verifying never throws and
 * answers TOKEN_INVALID for anything malformed, forged or signed by an unknown key.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { ErrorCode } from '~types/errors'

export interface QrKey {
  kid: string
  secret: Buffer
}

/** One upper-case tag per purpose, carried in both forms. Add new purposes here. */
export const PURPOSE_TAGS = {
  checkin: 'C',
  voucher: 'V',
  gift: 'G',
  booth: 'B',
  invite: 'I',
  screening: 'S',
  checkpoint: 'P', // events: rotating code on a checkpoint's staff screen, scanned by members
} as const

export type TokenPurpose = keyof typeof PURPOSE_TAGS
export type TokenErrorCode = Extract<ErrorCode, 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_WRONG_PURPOSE'>
export type VerifyResult<C> = { ok: true; claims: C } | { ok: false; code: TokenErrorCode }

export interface TokenClaims {
  purpose: TokenPurpose
  /** Who or what the code stands for (an openid, a claim id…); at most 48 UTF-8 bytes. */
  subject: string
  /** UTC ms; the token is rejected from this instant on (plus any skew allowance). */
  expiresAt: number
  /** Random unless given; lets a caller make a token single-use by recording it. */
  nonce: string
}

export interface VerifyOptions {
  purpose: TokenPurpose
  now: number
  keys: readonly QrKey[]
  /** Extra ms a token stays valid after expiresAt, for clocks and scans in flight. Default 0. */
  skewMs?: number
}

export const MAX_SUBJECT_BYTES = 48
const MAX_EXPIRES_AT = 36 ** 9 - 1 // fits 9 base-36 digits: beyond the year 5000
const STANDARD_MAC_CHARS = 22 // 132 bits: a forger's chance per guess is 2^-132
const STANDARD_RE = /^([A-Z])([A-Za-z0-9]{1,4})\.([A-Za-z0-9_-]{2,64})\.([0-9a-z]{1,9})\.([A-Za-z0-9_-]{1,12})\.([A-Za-z0-9_-]{22})$/
const NONCE_RE = /^[A-Za-z0-9_-]{1,12}$/
const KID_RE = /^[A-Za-z0-9]{1,4}$/

/** First `chars` characters of the base64url HMAC: every character is a full 6 bits. */
export function macText(secret: Buffer, input: string, chars: number): string {
  return createHmac('sha256', secret).update(input, 'utf8').digest('base64url').slice(0, chars)
}

/** Compares MAC texts (not decoded bytes, so no two spellings of one MAC both pass) in constant time. */
export function macMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'latin1')
  const b = Buffer.from(given, 'latin1')
  return a.length === b.length && timingSafeEqual(a, b)
}

export function purposeOfTag(tag: string): TokenPurpose | undefined {
  return (Object.keys(PURPOSE_TAGS) as TokenPurpose[]).find((p) => PURPOSE_TAGS[p] === tag)
}

/** The key that signs: the first one, checked so a misconfiguration fails loudly at issue time. */
export function signingKey(keys: readonly QrKey[]): QrKey {
  const key = keys[0]
  if (!key || !KID_RE.test(key.kid) || key.secret.length < 16) throw new Error('QR keys: no valid signing key')
  return key
}

export function assertPurpose(purpose: string): asserts purpose is TokenPurpose {
  if (!Object.prototype.hasOwnProperty.call(PURPOSE_TAGS, purpose)) throw new Error(`QR token: unknown purpose "${purpose}"`)
}

function assertSubject(subject: string): void {
  const bytes = Buffer.byteLength(subject, 'utf8')
  // The round trip catches lone surrogates, which would come back as U+FFFD.
  const wellFormed = Buffer.from(subject, 'utf8').toString('utf8') === subject
  if (bytes < 1 || bytes > MAX_SUBJECT_BYTES || !wellFormed) throw new Error('QR token: subject must be 1–48 UTF-8 bytes')
}

export function sign(input: { purpose: TokenPurpose; subject: string; expiresAt: number; nonce?: string }, keys: readonly QrKey[]): string {
  const key = signingKey(keys)
  assertPurpose(input.purpose)
  assertSubject(input.subject)
  const { expiresAt } = input
  if (!Number.isSafeInteger(expiresAt) || expiresAt < 0 || expiresAt > MAX_EXPIRES_AT) throw new Error('QR token: bad expiresAt')
  const nonce = input.nonce ?? randomBytes(6).toString('base64url')
  if (!NONCE_RE.test(nonce)) throw new Error('QR token: nonce must be 1–12 base64url characters')
  const body = [
    PURPOSE_TAGS[input.purpose] + key.kid,
    Buffer.from(input.subject, 'utf8').toString('base64url'),
    expiresAt.toString(36),
    nonce,
  ].join('.')
  return `${body}.${macText(key.secret, `qr1s.${body}`, STANDARD_MAC_CHARS)}`
}

export function verify(token: unknown, options: VerifyOptions): VerifyResult<TokenClaims> {
  const m = typeof token === 'string' && token.length <= 120 ? STANDARD_RE.exec(token) : null
  if (!m) return { ok: false, code: 'TOKEN_INVALID' }
  const [, tag, kid, subject64, expires36, nonce, mac] = m
  const key = options.keys.find((k) => k.kid === kid)
  const body = (token as string).slice(0, -(STANDARD_MAC_CHARS + 1))
  // The MAC is checked before anything else so a forgery learns nothing about purpose or expiry.
  if (!key || !macMatches(macText(key.secret, `qr1s.${body}`, STANDARD_MAC_CHARS), mac)) {
    return { ok: false, code: 'TOKEN_INVALID' }
  }
  const purpose = purposeOfTag(tag)
  if (!purpose) return { ok: false, code: 'TOKEN_INVALID' }
  if (purpose !== options.purpose) return { ok: false, code: 'TOKEN_WRONG_PURPOSE' }
  const expiresAt = parseInt(expires36, 36)
  // Negated so a NaN clock or skew fails closed: it counts as expired.
  if (!(options.now < expiresAt + (options.skewMs ?? 0))) return { ok: false, code: 'TOKEN_EXPIRED' }
  const subject = Buffer.from(subject64, 'base64url').toString('utf8')
  return { ok: true, claims: { purpose, subject, expiresAt, nonce } }
}
