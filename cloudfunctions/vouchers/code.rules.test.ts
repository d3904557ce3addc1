import { randomBytes } from 'node:crypto'
import { sign, verify } from '../common/qr-token'
import { codeSubject, tokenRefusal, voucherRefusal, type ScannedVoucher } from './code.rules'

const keys = [{ kid: 'k1', secret: randomBytes(32) }]
const now = 1_800_000_000_000
const check = (t: string, at = now) => tokenRefusal(t, verify(t, { purpose: 'voucher', now: at, keys }), ['k1'])

it('tells forged, altered, expired and wrong-purpose codes apart', () => {
  const good = sign({ purpose: 'voucher', subject: 'v-1', expiresAt: now + 30_000 }, keys)
  expect(check(good)).toBeNull()
  const i = good.lastIndexOf('.') - 1
  const altered = good.slice(0, i) + (good[i] === 'a' ? 'b' : 'a') + good.slice(i + 1)
  expect(check(altered)).toBe('VOUCHER_CODE_ALTERED')
  expect(check('hello')).toBe('VOUCHER_CODE_FORGED')
  const otherKey = sign({ purpose: 'voucher', subject: 'v-1', expiresAt: now + 30_000 }, [{ kid: 'zz', secret: randomBytes(32) }])
  expect(check(otherKey)).toBe('VOUCHER_CODE_FORGED')
  expect(check(good, now + 31_000)).toBe('VOUCHER_CODE_EXPIRED')
  expect(check(sign({ purpose: 'checkin', subject: 'v-1', expiresAt: now + 30_000 }, keys))).toBe('TOKEN_WRONG_PURPOSE')
})

it('voucher outcomes: redeemed, replayed, self, other merchant, unusable, outside window', () => {
  const v: ScannedVoucher = {
    openid: 'm',
    status: 'unused',
    usedNonces: ['n0'],
    merchantIds: ['shop'],
    useStartsAt: now - 1,
    useEndsAt: now + 1,
  }
  expect(voucherRefusal(v, 'n1', 'shop', 'staff', now)).toBeNull()
  expect(voucherRefusal({ ...v, status: 'redeemed' }, 'n1', 'shop', 'staff', now)).toBe('VOUCHER_ALREADY_REDEEMED')
  expect(voucherRefusal(v, 'n0', 'shop', 'staff', now)).toBe('VOUCHER_CODE_REPLAYED')
  expect(voucherRefusal(v, 'n1', 'shop', 'm', now)).toBe('VOUCHER_SELF_REDEEM')
  expect(voucherRefusal(v, 'n1', 'other', 'staff', now)).toBe('VOUCHER_OTHER_MERCHANT')
  expect(voucherRefusal({ ...v, status: 'expired' }, 'n1', 'shop', 'staff', now)).toBe('VOUCHER_NOT_USABLE')
  expect(voucherRefusal(v, 'n1', 'shop', 'staff', now + 1)).toBe('VOUCHER_OUTSIDE_USE_WINDOW')
})

it('names the voucher a code was issued for, also once it has expired (a crashed call’s retry finds its redemption by it)', () => {
  const code = sign({ purpose: 'voucher', subject: 'v0123456789abcdef0123456', expiresAt: now + 30_000 }, keys)
  expect(codeSubject(code)).toBe('v0123456789abcdef0123456')
  expect(verify(code, { purpose: 'voucher', now: now + 60_000, keys }).ok).toBe(false)
  expect(codeSubject('hello')).toBeNull()
  expect(codeSubject('')).toBeNull()
})
