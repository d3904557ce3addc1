/**
 * The local demo's /wx/* routes (tools/host/wechat-routes.ts): her answer to wx.requestSubscribeMessage, her
 * service notices and a 手机号快速验证 code, always as the demo caller and never in production mode; then the
 * REAL adapter spends what she allowed, through the same local WeChat.
 */
import { getWechat } from '../../cloudfunctions/common/wechat.cloud'
import { startHost, type RunningHost } from '../../tools/host/server'
import { DEMO_ROSTER } from '../../tools/seed/roster-generator'
import { localTemplateId, NOTICE_TEMPLATES } from '~types/notice-templates'
import { noticePage } from '~types/routes'
import { startTestEmulator, type TestEmulator } from '../support/emulator'

jest.setTimeout(60_000)

let emu: TestEmulator
let dev: RunningHost
let prod: RunningHost
beforeAll(async () => {
  emu = await startTestEmulator()
  dev = await startHost({ functions: new Map(), production: false })
  prod = await startHost({ functions: new Map(), production: true })
})
afterAll(async () => {
  await dev.stop()
  await prod.stop()
  await emu.stop()
})

async function call(host: RunningHost, method: string, path: string, openid?: string, body?: unknown) {
  const res = await fetch(`${host.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-demo-openid': openid } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

/** Four templates the local WeChat knows (the catalogue's, by their local ids). */
const [A, B, C, D] = NOTICE_TEMPLATES.slice(0, 4).map((t) => localTemplateId(t.fn, t.topic))

test('POST /wx/subscribe records what she allowed, one send each, and answers as wx.requestSubscribeMessage', async () => {
  const r = await call(dev, 'POST', '/wx/subscribe', 'demo-rider', { tmplIds: [A, B, C], decisions: { [A]: 'accept', [B]: 'reject' } })
  expect(r).toEqual({ status: 200, json: { errMsg: 'requestSubscribeMessage:ok', [A]: 'accept', [B]: 'reject', [C]: 'reject' } })
  expect([A, B, C].map((id) => emu.wechat.optInsLeft('demo-rider', id))).toEqual([1, 0, 0])
})

test('at most 3 templates a tap (20003), only templates WeChat knows (20001), only for a demo caller outside production', async () => {
  expect((await call(dev, 'POST', '/wx/subscribe', 'demo-rider', { tmplIds: [A, B, C, D], decisions: {} })).json).toMatchObject({
    errCode: 20003,
  })
  const unknown = await call(dev, 'POST', '/wx/subscribe', 'demo-rider', { tmplIds: [A, 'nobody-knows'], decisions: { [A]: 'accept' } })
  expect(unknown).toMatchObject({ status: 400, json: { errCode: 20001 } })
  expect(emu.wechat.optInsLeft('demo-rider', A)).toBe(1) // only the first test's opt-in: a refused tap records nothing
  expect((await call(dev, 'POST', '/wx/subscribe', 'not-a-demo', { tmplIds: [A], decisions: { [A]: 'accept' } })).status).toBe(404)
  expect((await call(prod, 'POST', '/wx/subscribe', 'demo-rider', { tmplIds: [A], decisions: { [A]: 'accept' } })).status).toBe(404)
  expect((await call(prod, 'GET', '/wx/messages', 'demo-rider')).status).toBe(404)
  expect((await call(prod, 'POST', '/wx/phone-code', 'demo-rider')).status).toBe(404)
})

test('GET /wx/messages lists only her own delivered notices', async () => {
  const t = NOTICE_TEMPLATES[0]
  const id = localTemplateId(t.fn, t.topic)
  const data = Object.fromEntries(Object.entries(t.sample).map(([k, value]) => [k, { value }]))
  await call(dev, 'POST', '/wx/subscribe', 'demo-single-woman', { tmplIds: [id], decisions: { [id]: 'accept' } })
  const page = noticePage('screeningOutbox')
  expect((await getWechat().sendSubscribeMessage({ touser: 'demo-single-woman', templateId: id, page, data })).ok).toBe(true)
  const mine = await call(dev, 'GET', '/wx/messages', 'demo-single-woman')
  expect(mine.json.messages).toEqual([expect.objectContaining({ touser: 'demo-single-woman', templateId: id, page, data })])
  expect((await call(dev, 'GET', '/wx/messages', 'demo-officer')).json.messages).toEqual([])
})

test('POST /wx/phone-code gives a code WeChat resolves to her seeded roster phone, once', async () => {
  const r = await call(dev, 'POST', '/wx/phone-code', 'demo-member')
  expect(r.status).toBe(200)
  const phone = await getWechat().phoneNumber(r.json.code as string)
  expect(phone).toMatchObject({ ok: true, purePhoneNumber: DEMO_ROSTER['demo-member'].phone })
  expect((await getWechat().phoneNumber(r.json.code as string)).ok).toBe(false)
})

test('the dev API over HTTP (for processes that cannot hold the handle): fail-next, calls, opt-ins', async () => {
  const dev = new URL('/_dev', process.env.WX_SERVICE_URL).href
  const post = (path: string, body: unknown) =>
    fetch(`${dev}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const get = async (path: string) => (await fetch(`${dev}${path}`)).json() as Promise<Record<string, unknown>>
  const before = (await get('/calls?api=security.msgSecCheck')).calls as number
  expect((await post('/fail-next', { api: 'security.msgSecCheck', errcode: -1 })).status).toBe(200)
  expect(await getWechat().checkText({ openid: 'o', scene: 1, content: '你好' })).toMatchObject({ ok: false, errcode: -1, transient: true })
  expect(await getWechat().checkText({ openid: 'o', scene: 1, content: '你好' })).toEqual({ ok: true, suggest: 'pass', label: 100 })
  expect((await get('/calls?api=security.msgSecCheck')).calls).toBe(before + 2)
  await post('/accept', { openid: 'o-http', templateIds: ['t-1'] })
  expect(await get('/opt-ins?openid=o-http&templateId=t-1')).toEqual({ left: 1 })
  expect((await post('/accept', { openid: 'o-http', templateIds: 'not-a-list' })).status).toBe(400)
  expect((await fetch(`${dev}/nothing`)).status).toBe(404)
})
