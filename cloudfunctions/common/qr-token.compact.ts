/**
 * Compact signed codes for printed QR codes (booth posters…): at most 32 characters
 * from the set WeChat allows in a mini-program code's `scene`. The page receives it
 * URL-encoded in `options.scene`: decodeURIComponent it before calling the server.
 *
 * Layout (max 1+1+10+1+5+2+12 = 32):
 *   <purpose tag><kid hint><id>.<version><mac>          no expiry
 *   <purpose tag><kid hint><id>~<expiry><version><mac>  with expiry
 * - kid hint: the last character of the signing key's id (the full id is bound into
 *   the MAC); verification tries every listed key with that hint, usually one.
 * - expiry: UTC minutes, 5 base-36 digits (good until 2084), rounded DOWN, so a code
 *   never outlives what was asked; claims.expiresAt is the rounded value.
 * - version: base 36, 0–1295. REVOCATION IS THE CALLER'S JOB: store the current
 *   version with the thing (e.g. the booth); re-issuing bumps it; on scan compare
 *   claims.version with the stored one and refuse an old code with TOKEN_REVOKED.
 * - mac: 12 base64url characters = 72 bits of HMAC-SHA256. A forger without the key
 *   succeeds with probability at most q·k·2^-72 after q attempts (k = keys sharing
 *   the hint, at most the number of configured keys): under 2^-30 even after 2^40
 *   attempts, far beyond what the function's rate limits allow.
 */
import {
  assertPurpose,
  macMatches,
  macText,
  purposeOfTag,
  PURPOSE_TAGS,
  signingKey,
  type QrKey,
  type TokenPurpose,
  type VerifyOptions,
  type VerifyResult,
} from './qr-token'

export interface CompactClaims {
  purpose: TokenPurpose
  id: string
  version: number
  /** UTC ms rounded down to the minute; undefined for a code that never expires. */
  expiresAt?: number
}

export const MAX_COMPACT_LENGTH = 32
export const MAX_COMPACT_VERSION = 36 ** 2 - 1
const MAC_CHARS = 12
const MINUTE = 60_000
const MAX_EXPIRY_MINUTES = 36 ** 5 - 1
const ID_RE = /^[A-Za-z0-9_-]{1,10}$/
const BODY_RE = /^([A-Z])([A-Za-z0-9])([A-Za-z0-9_-]{1,10})(?:\.|~([0-9a-z]{5}))([0-9a-z]{1,2})$/
const MAC_RE = /^[A-Za-z0-9_-]{12}$/

const macInput = (kid: string, body: string) => `qr1c.${kid}.${body}`

export function signCompact(
  input: { purpose: TokenPurpose; id: string; version: number; expiresAt?: number },
  keys: readonly QrKey[],
): string {
  const key = signingKey(keys)
  assertPurpose(input.purpose)
  const { id, version, expiresAt } = input
  if (!ID_RE.test(id)) throw new Error('QR code: id must be 1–10 of A-Z a-z 0-9 _ -')
  if (!Number.isInteger(version) || version < 0 || version > MAX_COMPACT_VERSION) throw new Error('QR code: bad version')
  let expiry = '.'
  if (expiresAt !== undefined) {
    const minutes = Math.floor(expiresAt / MINUTE)
    if (!Number.isSafeInteger(expiresAt) || minutes < 0 || minutes > MAX_EXPIRY_MINUTES) throw new Error('QR code: bad expiresAt')
    expiry = '~' + minutes.toString(36).padStart(5, '0')
  }
  const body = PURPOSE_TAGS[input.purpose] + key.kid.slice(-1) + id + expiry + version.toString(36)
  return body + macText(key.secret, macInput(key.kid, body), MAC_CHARS)
}

export function verifyCompact(code: unknown, options: VerifyOptions): VerifyResult<CompactClaims> {
  if (typeof code !== 'string' || code.length > MAX_COMPACT_LENGTH) return { ok: false, code: 'TOKEN_INVALID' }
  const body = code.slice(0, -MAC_CHARS)
  const mac = code.slice(-MAC_CHARS)
  const m = BODY_RE.exec(body)
  if (!m || !MAC_RE.test(mac)) return { ok: false, code: 'TOKEN_INVALID' }
  const [, tag, hint, id, minutes36, version36] = m
  const signedByListedKey = options.keys.some(
    (k) => k.kid.slice(-1) === hint && macMatches(macText(k.secret, macInput(k.kid, body), MAC_CHARS), mac),
  )
  if (!signedByListedKey) return { ok: false, code: 'TOKEN_INVALID' }
  const purpose = purposeOfTag(tag)
  if (!purpose) return { ok: false, code: 'TOKEN_INVALID' }
  if (purpose !== options.purpose) return { ok: false, code: 'TOKEN_WRONG_PURPOSE' }
  const expiresAt = minutes36 === undefined ? undefined : parseInt(minutes36, 36) * MINUTE
  if (expiresAt !== undefined && !(options.now < expiresAt + (options.skewMs ?? 0))) {
    return { ok: false, code: 'TOKEN_EXPIRED' }
  }
  return { ok: true, claims: { purpose, id, version: parseInt(version36, 36), ...(expiresAt === undefined ? {} : { expiresAt }) } }
}
