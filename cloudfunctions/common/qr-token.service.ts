/**
 * The token functions with keys and clock passed in once, for services built as
 * `createXService({ db, clock, tokens })`. In a function: `createTokenService(env().qrKeys, Date.now)`.
 */
import { sign, verify, type QrKey, type TokenClaims, type TokenPurpose, type VerifyResult } from './qr-token'
import { signCompact, verifyCompact, type CompactClaims } from './qr-token.compact'

/** Grace after expiry for a rotating code: it may be scanned just before it turns over and reach us a few seconds later. */
export const ROTATING_SKEW_MS = 5_000

export interface TokenService {
  issueRotating(purpose: TokenPurpose, subject: string, ttlMs?: number): { token: string; expiresAt: number }
  verifyRotating(token: unknown, purpose: TokenPurpose): VerifyResult<TokenClaims>
  issuePrinted(purpose: TokenPurpose, id: string, version: number, expiresAt?: number): string
  verifyPrinted(code: unknown, purpose: TokenPurpose): VerifyResult<CompactClaims>
}

export function createTokenService(keys: readonly QrKey[], clock: () => number): TokenService {
  return {
    issueRotating(purpose, subject, ttlMs = 30_000) {
      const expiresAt = clock() + ttlMs
      return { token: sign({ purpose, subject, expiresAt }, keys), expiresAt }
    },
    verifyRotating: (token, purpose) => verify(token, { purpose, now: clock(), keys, skewMs: ROTATING_SKEW_MS }),
    issuePrinted: (purpose, id, version, expiresAt) => signCompact({ purpose, id, version, expiresAt }, keys),
    verifyPrinted: (code, purpose) => verifyCompact(code, { purpose, now: clock(), keys }),
  }
}
