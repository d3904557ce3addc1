/**
 * `phonenumber.getPhoneNumber` as WeChat answers it: a code from `<button open-type="getPhoneNumber">` is good
 * once, for 5 minutes ("每个 code 只能使用一次，code 的有效期为 5min"); otherwise 40029. Locally the codes come
 * from the dev API (`phoneCode`), each standing for one of the seed's roster numbers.
 */
import { randomBytes } from 'node:crypto'
import { WX, type WxError, wxError } from './errors'
import type { WechatState } from './state'

export const CODE_LIFETIME_MS = 5 * 60 * 1000

export function issuePhoneCode(state: WechatState, purePhoneNumber: string): string {
  const code = randomBytes(32).toString('hex')
  state.phoneCodes.set(code, { purePhoneNumber, expiresAt: state.now() + CODE_LIFETIME_MS })
  return code
}

export interface PhoneAnswer {
  phone_info: { phoneNumber: string; purePhoneNumber: string; countryCode: string; watermark: { timestamp: number; appid: string } }
}

export function phoneNumber(state: WechatState, p: { code?: unknown }): WxError | PhoneAnswer {
  const entry = typeof p.code === 'string' ? state.phoneCodes.get(p.code) : undefined
  if (!entry) return wxError(WX.BAD_CODE)
  state.phoneCodes.delete(p.code as string) // single use, whatever happens next
  if (state.now() > entry.expiresAt) return wxError(WX.BAD_CODE)
  const { purePhoneNumber } = entry
  return {
    phone_info: {
      phoneNumber: purePhoneNumber,
      purePhoneNumber,
      countryCode: '86',
      watermark: { timestamp: Math.floor(state.now() / 1000), appid: 'wx-local' },
    },
  }
}
