import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createCloudWechat } from '../../cloudfunctions/common/wechat.cloud'
import type { WechatPort } from '../../cloudfunctions/common/wechat'
import type { PagePath } from '~types/routes'
import { decodeRequest, encodeBinary, encodeJson, encodeJsonText, type OpenApiRequest } from '../../tools/wechat/protocol'
import { skipMetadataProbe } from '../support/emulator'

/**
 * Pins the requests the REAL adapter sends through wx-server-sdk for each of the four APIs (cloud call's
 * `wx.openApi`: multipart fields, and the protobuf CommApiData pairs in order, decoded with tools/wechat's
 * openapi.proto), which the local WeChat is built to understand — as sdk-contract.test.ts pins the database
 * payloads. An SDK upgrade that changes any of it must fail here first: then re-read
 * node_modules/wx-server-sdk/index.js (CommApiData, callWXOpenAPI), update tools/wechat and these pins.
 */
let server: Server
let recorded: { url: string; contentType: string; request: OpenApiRequest }[] = []
let reply: Buffer = encodeJson({ errcode: 0, errmsg: 'ok' })
let port: WechatPort

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

beforeAll(async () => {
  skipMetadataProbe()
  server = createServer((req, res) => {
    void readAll(req).then((body) => {
      const contentType = req.headers['content-type'] ?? ''
      recorded.push({ url: req.url ?? '', contentType, request: decodeRequest(contentType, body) })
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(reply)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/openapi`
  port = createCloudWechat({ serviceUrl: url, envVersion: 'trial', templateIds: {}, phoneNumber: true, envId: 'local' })
})

afterAll(() => new Promise<void>((r) => server.close(() => r())))

/** The one request a call sent: the fields every request carries are checked here, the rest returned. */
async function sent(answer: Buffer, call: () => Promise<{ ok: boolean }>) {
  recorded = []
  reply = answer
  expect((await call()).ok).toBe(true)
  expect(recorded).toHaveLength(1)
  const [{ url, contentType, request }] = recorded
  expect(url).toMatch(/^\/openapi\?env=local&seqId=[^&]+$/)
  expect(contentType).toMatch(/^multipart\/form-data; boundary=/)
  expect(request.fields).toEqual({
    action: 'wx.openApi',
    apiName: request.apiName,
    envName: 'local',
    wxCloudApiToken: '',
    wxCloudbaseAccesstoken: '',
    tcb_sessionToken: '',
    crossAuthorizationToken: '',
  })
  expect(request.wire.apiType).toBe(0) // OPEN_API
  expect(request.wire.appid).toBe('')
  return { apiName: request.apiName, pairs: request.wire.pairs }
}

test('the pinned SDK versions are installed', () => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const wx = require('wx-server-sdk/package.json').version
  const inner = require(require.resolve('@cloudbase/node-sdk/package.json', { paths: [require.resolve('wx-server-sdk')] })).version
  /* eslint-enable @typescript-eslint/no-require-imports */
  expect({ wx, inner }).toEqual({ wx: '4.0.2', inner: '3.17.2' })
})

test('subscribeMessage.send', async () => {
  const data = { thing1: { value: '两癌筛查' }, time2: { value: '2026年12月7日 08:00' } }
  const m = { touser: 'o-1', templateId: 'T-1', page: 'packages/screening/pages/booking/index?id=b1', data }
  expect(await sent(encodeJson({ errcode: 0, errmsg: 'ok', msgid: 1 }), () => port.sendSubscribeMessage(m))).toEqual({
    apiName: 'subscribeMessage.send',
    pairs: [
      // The SDK renames camelCase keys by deleting and re-adding them: renamed keys come last.
      { key: 'touser', value: '"o-1"' },
      { key: 'page', value: '"packages/screening/pages/booking/index?id=b1"' },
      { key: 'data', value: JSON.stringify(data) },
      { key: 'template_id', value: '"T-1"' },
      { key: 'miniprogram_state', value: '"trial"' },
    ],
  })
})

test('wxacode.getUnlimited', async () => {
  const png = encodeBinary('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  expect(await sent(png, () => port.codeFor('packages/events/pages/stamp-card/index' as PagePath, 'b=E1'))).toEqual({
    apiName: 'wxacode.getUnlimited',
    pairs: [
      { key: 'scene', value: '"b=E1"' },
      { key: 'page', value: '"packages/events/pages/stamp-card/index"' },
      { key: 'check_path', value: 'false' },
      { key: 'env_version', value: '"trial"' },
    ],
  })
})

test('security.msgSecCheck', async () => {
  const answer = encodeJson({ errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, detail: [], trace_id: 't' })
  expect(await sent(answer, () => port.checkText({ openid: 'o-1', scene: 1, content: '喜欢爬山' }))).toEqual({
    apiName: 'security.msgSecCheck',
    pairs: [
      { key: 'version', value: '2' },
      { key: 'openid', value: '"o-1"' },
      { key: 'scene', value: '1' },
      { key: 'content', value: '"喜欢爬山"' },
    ],
  })
})

test('phonenumber.getPhoneNumber', async () => {
  const answer = encodeJson({ errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: '1', purePhoneNumber: '1', countryCode: 86 } })
  expect(await sent(answer, () => port.phoneNumber('c0de'))).toEqual({
    apiName: 'phonenumber.getPhoneNumber',
    pairs: [{ key: 'code', value: '"c0de"' }],
  })
})

test('what WeChat answers is read as the SDK reads it: snake_case → camelCase, a big msgid intact, the image bytes', async () => {
  reply = encodeJsonText('{"errcode":0,"errmsg":"ok","msgid":3141592653589793238}')
  expect(await port.sendSubscribeMessage({ touser: 'o', templateId: 't', page: 'p', data: {} })).toEqual({
    ok: true,
    msgid: '3141592653589793238',
  })
  reply = encodeJson({ errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: '+1 5550100', purePhoneNumber: '5550100', countryCode: 1 } })
  expect(await port.phoneNumber('x')).toEqual({ ok: true, phoneNumber: '+1 5550100', purePhoneNumber: '5550100', countryCode: '1' })
  reply = encodeBinary('image/png', Buffer.from('PNGDATA'))
  expect(await port.codeFor('pages/index/index' as PagePath, 'a')).toEqual({
    ok: true,
    contentType: 'image/png',
    image: Buffer.from('PNGDATA'),
  })
})
