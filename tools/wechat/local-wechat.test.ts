import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import jsQR from 'jsqr'
import { localTemplateId, type NoticeTemplate } from '~types/notice-templates'
import { codeText, unlimitedCode } from './codes'
import { CODE_LIFETIME_MS, issuePhoneCode, phoneNumber } from './phone'
import { WechatState } from './state'
import { knownTemplates, send } from './subscribe'
import { checkText } from './text-check'
import words from './words.json'

// pngjs ships no type declarations: type the one call used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PNG } = require('pngjs') as { PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } } }

const RESULT: NoticeTemplate = {
  fn: 'screening',
  topic: 'result',
  kinds: ['result_ready'],
  title: '检查结果通知',
  keywords: [
    { key: 'thing1', label: '检查项目' },
    { key: 'phrase2', label: '结果状态' },
  ],
  sample: { thing1: '两癌筛查', phrase2: '已出结果' },
}
const LOCAL_ID = localTemplateId('screening', 'result')
const known = knownTemplates([RESULT], JSON.stringify({ screening: { result: 'REAL-ID-1' } }))
const PAGE = 'packages/screening/pages/booking/index'
const goodData = { thing1: { value: '两癌筛查' }, phrase2: { value: '已出结果' } }

let clock = 1_800_000_000_000
const state = () => new WechatState(undefined, () => clock)
const ok = (p: object, s = state()) => send(s, { touser: 'o1', template_id: LOCAL_ID, page: `${PAGE}?id=b1`, data: goodData, ...p }, known)
const errcode = (r: object) => ('errcode' in r ? r.errcode : 0)

describe('subscribeMessage.send', () => {
  it('delivers once per opt-in, then answers 43101', () => {
    const s = state()
    expect(errcode(ok({}, s))).toBe(43101)
    s.accept('o1', [LOCAL_ID])
    const first = ok({}, s)
    expect(first).toMatchObject({ message: { touser: 'o1', templateId: LOCAL_ID, page: `${PAGE}?id=b1`, data: goodData, at: clock } })
    expect(errcode(ok({}, s))).toBe(43101)
    expect(s.messages).toHaveLength(1)
  })

  it('knows catalogue templates by local id and configured ids (with their keyword rules), nothing else', () => {
    const s = state()
    s.accept('o1', [LOCAL_ID, 'REAL-ID-1', 'other'])
    expect(errcode(ok({}, s))).toBe(0)
    expect(errcode(ok({ template_id: 'REAL-ID-1' }, s))).toBe(0)
    expect(errcode(ok({ template_id: 'REAL-ID-1', data: { thing1: { value: 'x' } } }, s))).toBe(47003)
    expect(errcode(ok({ template_id: 'other' }, s))).toBe(40037)
  })

  it('refuses a page the app does not declare (41030), whatever its query', () => {
    expect(errcode(ok({ page: 'pages/nowhere/index?id=1' }))).toBe(41030)
    expect(errcode(ok({ page: `/${PAGE}` }))).toBe(41030)
  })

  it('checks each keyword by its type (47003 with the key in WeChat’s errmsg form) and spends nothing', () => {
    const s = state()
    s.accept('o1', [LOCAL_ID])
    const tooLong = ok({ data: { ...goodData, phrase2: { value: '结果已经出来了' } } }, s)
    expect(tooLong).toMatchObject({
      errcode: 47003,
      errmsg: expect.stringMatching(/^argument invalid! data\.phrase2\.value invalid rid: /),
    })
    expect(errcode(ok({ data: { thing1: { value: '两癌筛查' } } }, s))).toBe(47003)
    expect(s.optInsLeft('o1', LOCAL_ID)).toBe(1)
  })
})

describe('wxacode.getUnlimited', () => {
  it('answers a PNG QR carrying the page and scene as an app URL', () => {
    const r = unlimitedCode({ scene: 'b=E1.K2~x', page: 'packages/events/pages/stamp-card/index' }, 'http://app.local')
    if ('errcode' in r) throw new Error(r.errmsg)
    const img = PNG.sync.read(r.png)
    const decoded = jsQR(new Uint8ClampedArray(img.data), img.width, img.height)
    expect(decoded?.data).toBe('http://app.local/#/packages/events/pages/stamp-card/index?scene=b%3DE1.K2~x')
    expect(decoded?.data).toBe(codeText('http://app.local/', 'packages/events/pages/stamp-card/index', 'b=E1.K2~x'))
  })

  it.each([
    ['', 40169],
    ['x'.repeat(33), 40169],
    ['有中文', 40169],
    ['a b', 40169],
    ['x'.repeat(32), 0],
  ])('scene %p → %p', (scene, code) => {
    expect(errcode(unlimitedCode({ scene, page: 'pages/index/index' }, 'http://a'))).toBe(code)
  })

  it('refuses a page with a query or not in the app (41030)', () => {
    expect(errcode(unlimitedCode({ scene: 'a', page: 'pages/index/index?x=1' }, 'http://a'))).toBe(41030)
    expect(errcode(unlimitedCode({ scene: 'a', page: 'pages/none/index' }, 'http://a'))).toBe(41030)
  })
})

describe('security.msgSecCheck v2', () => {
  const check = (content: string, p: object = {}) => checkText({ version: 2, openid: 'o1', scene: 1, content, ...p })
  it.each([
    ['我喜欢爬山和看书', 'pass', 100],
    [`周末有空${words.review[0].word}聊`, 'review', words.review[0].label],
    [`${words.risky[0].word}，${words.review[0].word}`, 'risky', words.risky[0].label],
  ])('%p → %p', (content, suggest, label) => {
    expect(check(content)).toMatchObject({ result: { suggest, label } })
  })

  it('refuses what WeChat refuses', () => {
    expect(errcode(check('x'.repeat(2501)))).toBe(47001)
    expect(errcode(check('x'.repeat(2500)))).toBe(0)
    expect(errcode(check('x', { scene: 5 }))).toBe(40129)
    expect(errcode(check(''))).toBe(44002)
    expect(errcode(check('x', { openid: '' }))).toBe(40003)
  })
})

describe('phonenumber.getPhoneNumber', () => {
  it('resolves a code once, within 5 minutes; otherwise 40029', () => {
    const s = state()
    const code = issuePhoneCode(s, '13800001111')
    expect(phoneNumber(s, { code })).toMatchObject({ phone_info: { purePhoneNumber: '13800001111', countryCode: '86' } })
    expect(errcode(phoneNumber(s, { code }))).toBe(40029)
    const late = issuePhoneCode(s, '13800001111')
    clock += CODE_LIFETIME_MS + 1
    expect(errcode(phoneNumber(s, { code: late }))).toBe(40029)
    expect(errcode(phoneNumber(s, { code: 'made-up' }))).toBe(40029)
  })
})

describe('state', () => {
  it('keeps opt-ins and messages in the data dir across restarts, not failures or codes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wechat-state-'))
    try {
      const a = WechatState.inDir(dir, () => clock)
      a.accept('o1', [LOCAL_ID, LOCAL_ID])
      expect(errcode(ok({}, a))).toBe(0)
      a.failNext('x', -1, 1)
      const b = WechatState.inDir(dir, () => clock)
      expect(b.optInsLeft('o1', LOCAL_ID)).toBe(1)
      expect(b.messages.map((m) => m.touser)).toEqual(['o1'])
      expect(b.serve('x')).toBeUndefined()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('answers queued failures in order, then none, counting every call', () => {
    const s = state()
    s.failNext('a', -1, 2)
    expect([s.serve('a'), s.serve('a'), s.serve('a')]).toEqual([-1, -1, undefined])
    expect(s.calls('a')).toBe(3)
  })
})
