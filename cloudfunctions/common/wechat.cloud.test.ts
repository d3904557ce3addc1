import { integerText, isTransient, toRefusal } from './wechat.cloud'

// json-bigint is what wx-server-sdk parses WeChat's answers with (its own dependency).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSONBigInt = require('json-bigint')({ useNativeBigInt: false }) as { parse(s: string): Record<string, unknown> }

describe('integerText', () => {
  it.each(['3000000000000000000', '1796653088830123', '123456789012345678901234567890', '42', '-1796653088830123'])(
    'rebuilds %s from the plain copy the SDK hands back',
    (text) => {
      const parsed = JSONBigInt.parse(`{"msgid":${text}}`).msgid
      const copied = typeof parsed === 'object' ? { ...(parsed as object) } : parsed // the SDK's convertCase copies objects
      expect(integerText(copied)).toBe(text)
      expect(integerText(parsed)).toBe(text)
    },
  )

  it('passes strings and numbers through; nothing else is an id', () => {
    expect(integerText('abc')).toBe('abc')
    expect(integerText(7)).toBe('7')
    expect(integerText(undefined)).toBeUndefined()
    expect(integerText({})).toBeUndefined()
  })
})

describe('refusals', () => {
  it('retries system busy, CloudBase refusals and cloud-call network errors; never WeChat’s definite answers', () => {
    for (const code of [-1, -501001, -501003, -501004, -601001]) expect(isTransient(code)).toBe(true)
    for (const code of [43101, 40037, 47003, 41030, 40169, 40029, -601004]) expect(isTransient(code)).toBe(false)
  })

  it('maps a CloudSDKError to data, and anything else thrown to a transient refusal', () => {
    expect(toRefusal({ errCode: 43101, errMsg: 'user refuse' })).toEqual({
      ok: false,
      errcode: 43101,
      errmsg: 'user refuse',
      transient: false,
    })
    expect(toRefusal(new Error('socket hang up'))).toEqual({ ok: false, errcode: -1, errmsg: 'socket hang up', transient: true })
  })
})
