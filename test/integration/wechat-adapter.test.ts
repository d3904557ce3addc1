/**
 * The REAL adapter (`getWechat()`: wx-server-sdk `cloud.openapi.*` over its bundled @cloudbase/node-sdk) against
 * the local WeChat, for all four APIs and each refusal the services build on: what the functions will meet in
 * production, minus WeChat itself. Refusals come back as data with `transient` set the way the delivery queue
 * retries (system busy and CloudBase refusals: yes; WeChat's definite answers: never).
 */
import jsQR from 'jsqr'
import { getWechat } from '../../cloudfunctions/common/wechat.cloud'
import { resetEnvCache } from '../../cloudfunctions/common/env'
import { localTemplateId, NOTICE_TEMPLATES } from '~types/notice-templates'
import { noticePage, type PagePath, ROUTES } from '~types/routes'
import { startTestEmulator, TEST_APP_URL, type TestEmulator } from '../support/emulator'

// pngjs ships no type declarations: type the one call used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PNG } = require('pngjs') as { PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } } }

jest.setTimeout(60_000)

let emu: TestEmulator
beforeAll(async () => {
  process.env.WX_TEMPLATE_IDS = JSON.stringify({ screening: { console: 'tmpl-from-console' } })
  emu = await startTestEmulator()
})
afterAll(() => emu.stop())

/** A template that is in the catalogue whatever helper N names: the local WeChat knows it by its local id. */
function someTemplate() {
  const t = NOTICE_TEMPLATES[0]
  if (!t) throw new Error('NOTICE_TEMPLATES is empty: the catalogue should list at least one template')
  const data = Object.fromEntries(Object.entries(t.sample).map(([k, value]) => [k, { value }]))
  return { id: localTemplateId(t.fn, t.topic), data }
}
const page = noticePage('screeningBooking', { id: 'b-1' })
const refused = (errcode: number, transient = false) => ({ ok: false, errcode, errmsg: expect.any(String), transient })

describe('subscribeMessage.send', () => {
  it('delivers a message after her opt-in, once; the next one is 43101', async () => {
    const { id, data } = someTemplate()
    emu.wechat.accept('o-ada', [id])
    const first = await getWechat().sendSubscribeMessage({ touser: 'o-ada', templateId: id, page, data })
    expect(first).toEqual({ ok: true, msgid: expect.stringMatching(/^\d+$/) })
    expect(emu.wechat.messages('o-ada')).toEqual([
      { msgid: first.ok && first.msgid, touser: 'o-ada', templateId: id, page, data, at: expect.any(Number) },
    ])
    expect(await getWechat().sendSubscribeMessage({ touser: 'o-ada', templateId: id, page, data })).toEqual(refused(43101))
  })

  it('refuses an unknown template (40037), a page not in the app (41030), broken data (47003), spending nothing', async () => {
    const { id, data } = someTemplate()
    emu.wechat.accept('o-bea', [id])
    const send = (m: object) => getWechat().sendSubscribeMessage({ touser: 'o-bea', templateId: id, page, data, ...m })
    expect(await send({ templateId: 'nobody-knows' })).toEqual(refused(40037))
    expect(await send({ page: 'pages/gone/index' })).toEqual(refused(41030))
    const broken = Object.fromEntries(Object.keys(data).map((k) => [k, { value: '' }]))
    expect(await send({ data: broken })).toEqual(refused(47003))
    expect(emu.wechat.optInsLeft('o-bea', id)).toBe(1)
    expect((await send({})).ok).toBe(true)
  })

  it('knows the ids configured in WX_TEMPLATE_IDS', async () => {
    emu.wechat.accept('o-cai', ['tmpl-from-console'])
    const data = { anything: { value: 'no catalogue entry: no keyword rules to keep' } }
    expect((await getWechat().sendSubscribeMessage({ touser: 'o-cai', templateId: 'tmpl-from-console', page, data })).ok).toBe(true)
  })

  it('a system-busy answer is transient and spends nothing; the retry is delivered once', async () => {
    const { id, data } = someTemplate()
    emu.wechat.accept('o-dan', [id])
    emu.wechat.failNext('subscribeMessage.send', -1)
    const before = emu.wechat.calls('subscribeMessage.send')
    expect(await getWechat().sendSubscribeMessage({ touser: 'o-dan', templateId: id, page, data })).toEqual(refused(-1, true))
    expect((await getWechat().sendSubscribeMessage({ touser: 'o-dan', templateId: id, page, data })).ok).toBe(true)
    expect(emu.wechat.calls('subscribeMessage.send') - before).toBe(2)
    expect(emu.wechat.messages('o-dan')).toHaveLength(1)
  })

  it('CloudBase refusals (-501003 quota) and cloud-call permission errors (-601004) come back as data', async () => {
    const { id, data } = someTemplate()
    emu.wechat.failNext('subscribeMessage.send', -501003)
    emu.wechat.failNext('subscribeMessage.send', -601004)
    expect(await getWechat().sendSubscribeMessage({ touser: 'o-eve', templateId: id, page, data })).toEqual(refused(-501003, true))
    expect(await getWechat().sendSubscribeMessage({ touser: 'o-eve', templateId: id, page, data })).toEqual(refused(-601004, false))
  })
})

describe('wxacode.getUnlimited', () => {
  it('answers a PNG whose QR opens the page with its scene', async () => {
    const code = await getWechat().codeFor(ROUTES.eventsStampCard.path as PagePath, 'b=E1K2')
    if (!code.ok) throw new Error(code.errmsg)
    expect(code.contentType).toBe('image/png')
    const img = PNG.sync.read(code.image)
    const text = jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data
    expect(text).toBe(`${TEST_APP_URL}/#/packages/events/pages/stamp-card/index?scene=b%3DE1K2`)
  })

  it('refuses a scene over 32 characters (40169) and a page with a query (41030) before calling WeChat', async () => {
    const before = emu.wechat.calls('wxacode.getUnlimited')
    expect(await getWechat().codeFor(noticePage('home'), 'x'.repeat(33))).toEqual(refused(40169))
    expect(await getWechat().codeFor(noticePage('screeningBooking', { id: '1' }), 'a')).toEqual(refused(41030))
    expect(emu.wechat.calls('wxacode.getUnlimited')).toBe(before)
  })

  it('the local WeChat itself refuses a page the app does not have (41030)', async () => {
    expect(await getWechat().codeFor('pages/gone/index' as PagePath, 'a')).toEqual(refused(41030))
  })
})

describe('security.msgSecCheck', () => {
  it.each([
    ['周末喜欢爬山', 'pass', 100],
    ['想认识我就加微信', 'review', 10001],
    ['一起去赌博吧', 'risky', 20006],
  ])('%p → %p', async (content, suggest, label) => {
    expect(await getWechat().checkText({ openid: 'o-fay', scene: 1, content })).toEqual({ ok: true, suggest, label })
  })

  it('refuses text over 2,500 characters (47001) without calling WeChat', async () => {
    const before = emu.wechat.calls('security.msgSecCheck')
    expect(await getWechat().checkText({ openid: 'o-fay', scene: 2, content: '好'.repeat(2501) })).toEqual(refused(47001))
    expect(emu.wechat.calls('security.msgSecCheck')).toBe(before)
  })
})

describe('phonenumber.getPhoneNumber', () => {
  it('resolves a code to the number, once; a used or unknown code is 40029', async () => {
    const code = emu.wechat.phoneCode('13912345678')
    expect(await getWechat().phoneNumber(code)).toEqual({
      ok: true,
      phoneNumber: '13912345678',
      purePhoneNumber: '13912345678',
      countryCode: '86',
    })
    expect(await getWechat().phoneNumber(code)).toEqual(refused(40029))
    expect(await getWechat().phoneNumber('made-up')).toEqual(refused(40029))
  })
})

test('an unreachable WeChat is a transient refusal, not a throw; a port kept by a context follows env changes', async () => {
  const kept = getWechat() // as a composition root keeps it for the instance's life
  const saved = process.env.WX_SERVICE_URL
  process.env.WX_SERVICE_URL = 'http://127.0.0.1:1/openapi'
  resetEnvCache()
  try {
    expect(await kept.phoneNumber('x')).toEqual(refused(-501001, true))
  } finally {
    process.env.WX_SERVICE_URL = saved
    resetEnvCache()
  }
  expect(await kept.phoneNumber('x')).toEqual(refused(40029))
})
