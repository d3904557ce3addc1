/**
 * What a scanned voucher code means at a till, one stable outcome per case, so
 * a dispute can tell a forged code from a replayed one. Checked in this order:
 * the till's merchant (a suspended merchant's tills stop at once), the code's
 * signature and expiry, then the voucher itself.
 */
import type { ErrorCode } from '~types/errors'
import type { TokenClaims, VerifyResult } from '../common/qr-token'

export type ScanRefusal = Extract<
  ErrorCode,
  | 'MERCHANT_SUSPENDED'
  | 'VOUCHER_CODE_FORGED'
  | 'VOUCHER_CODE_ALTERED'
  | 'VOUCHER_CODE_EXPIRED'
  | 'VOUCHER_CODE_REPLAYED'
  | 'TOKEN_WRONG_PURPOSE'
  | 'VOUCHER_OTHER_MERCHANT'
  | 'VOUCHER_SELF_REDEEM'
  | 'VOUCHER_ALREADY_REDEEMED'
  | 'VOUCHER_NOT_USABLE'
  | 'VOUCHER_OUTSIDE_USE_WINDOW'
>

// A rotating code's shape (see qr-token.ts): tag+kid . subject . expiry . nonce . mac.
const SHAPE = /^V([A-Za-z0-9]{1,4})\.([A-Za-z0-9_-]{2,64})\.[0-9a-z]{1,9}\.[A-Za-z0-9_-]{1,12}\.[A-Za-z0-9_-]{22}$/

/**
 * A code that fails its signature: ALTERED when it is shaped like one of our
 * voucher codes under one of our keys (someone changed a character of a real
 * code), FORGED otherwise (never issued by us).
 */
export function tokenRefusal(token: string, result: VerifyResult<TokenClaims>, kids: readonly string[]): ScanRefusal | null {
  if (result.ok) return null
  if (result.code === 'TOKEN_EXPIRED') return 'VOUCHER_CODE_EXPIRED'
  if (result.code === 'TOKEN_WRONG_PURPOSE') return 'TOKEN_WRONG_PURPOSE'
  const m = SHAPE.exec(token)
  return m && kids.includes(m[1]) ? 'VOUCHER_CODE_ALTERED' : 'VOUCHER_CODE_FORGED'
}

export interface ScannedVoucher {
  openid: string
  status: 'unused' | 'redeemed' | 'expired' | 'reversed'
  /** Nonces of codes that already redeemed this voucher (a reversal makes it usable again, never those codes). */
  usedNonces: string[]
  merchantIds: string[]
  useStartsAt: number
  useEndsAt: number
}

export function voucherRefusal(v: ScannedVoucher, nonce: string, merchantId: string, staffOpenid: string, now: number): ScanRefusal | null {
  if (v.status === 'redeemed') return 'VOUCHER_ALREADY_REDEEMED'
  if (v.usedNonces.includes(nonce)) return 'VOUCHER_CODE_REPLAYED'
  if (v.openid === staffOpenid) return 'VOUCHER_SELF_REDEEM'
  if (!v.merchantIds.includes(merchantId)) return 'VOUCHER_OTHER_MERCHANT'
  if (v.status !== 'unused') return 'VOUCHER_NOT_USABLE'
  if (now < v.useStartsAt || now >= v.useEndsAt) return 'VOUCHER_OUTSIDE_USE_WINDOW'
  return null
}

/**
 * The voucher id a code names, read without checking its signature or expiry: only to find what a
 * crashed call of the same request id left (its redemption carries that id), never to grant anything.
 */
export function codeSubject(token: string): string | null {
  const m = SHAPE.exec(token)
  return m ? Buffer.from(m[2], 'base64url').toString('utf8') : null
}
