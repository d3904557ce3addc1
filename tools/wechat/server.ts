/**
 * The local WeChat: answers cloud call (`wx.openApi`, as wx-server-sdk sends it through @cloudbase/node-sdk's
 * `serviceUrl`) for the four APIs the functions use, as WeChat answers them, plus a dev API (`/_dev/*`, JSON, not
 * part of WeChat) standing in for what happens on her phone: tapping 允许, reading service notices, getting a
 * phone code. Started in-process by `npm start` and the test supports; see docs/wechat.md.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { unlimitedCode } from './codes'
import { type WxError } from './errors'
import { issuePhoneCode, phoneNumber } from './phone'
import { decodeRequest, encodeBinary, encodeJson, encodeSystemError } from './protocol'
import { type DeliveredMessage, type WechatApi, WechatState } from './state'
import { send } from './subscribe'
import { checkText } from './text-check'
import { serveDev } from './dev-api'

export type { DeliveredMessage, WechatApi } from './state'

/** What a test (or the local host) does in place of her phone and of WeChat's bad moments. */
export interface LocalWechatHandle {
  /** She tapped 允许 in wx.requestSubscribeMessage for these templates: one send each. */
  accept(openid: string, templateIds: readonly string[]): void
  /** Her opt-ins not yet spent for one template. */
  optInsLeft(openid: string, templateId: string): number
  /** Messages WeChat accepted (her service notices), oldest first. */
  messages(openid?: string): DeliveredMessage[]
  /** The next `times` calls of `api` answer `errcode` (-1 system busy; -501xxx a CloudBase refusal; -601xxx cloud call). */
  failNext(api: WechatApi, errcode: number, times?: number): void
  /** Calls of `api` served so far, refused ones included. */
  calls(api: WechatApi): number
  /** A code `phonenumber.getPhoneNumber` resolves to this number, once, within 5 minutes. */
  phoneCode(purePhoneNumber: string): string
}

export interface LocalWechatOptions {
  /** 0 or omitted: a free port. */
  port?: number
  host?: string
  /** Keep opt-ins and messages in `<dataDir>/wechat.json`; omitted: memory only. */
  dataDir?: string
  /** Where the app is served: codes carry `${appUrl}/#/${page}?scene=…` (a function: read per code, for a host started later). */
  appUrl: string | (() => string)
  quiet?: boolean
  now?: () => number
}

export interface LocalWechat {
  /** Pass as WX_SERVICE_URL. */
  url: string
  /** The dev API's base (`${origin}/_dev`), for processes that cannot hold the handle. */
  devUrl: string
  handle: LocalWechatHandle
  stop(): Promise<void>
}

export function createHandle(state: WechatState): LocalWechatHandle {
  return {
    accept: (openid, ids) => state.accept(openid, ids),
    optInsLeft: (openid, id) => state.optInsLeft(openid, id),
    messages: (openid) => state.messages.filter((m) => openid === undefined || m.touser === openid).map((m) => structuredClone(m)),
    failNext: (api, errcode, times = 1) => state.failNext(api, errcode, times),
    calls: (api) => state.calls(api),
    phoneCode: (pure) => issuePhoneCode(state, pure),
  }
}

/** CloudBase's own refusals come back as its JSON error, not as WeChat's answer (the SDK maps the code name). */
const TCB_CODES: Record<number, string> = {
  [-501001]: 'SYS_ERR',
  [-501002]: 'SERVER_TIMEOUT',
  [-501003]: 'EXCEED_REQUEST_LIMIT',
  [-501004]: 'EXCEED_CONCURRENT_REQUEST_LIMIT',
}

function injected(errcode: number): Buffer {
  if (TCB_CODES[errcode]) return Buffer.from(JSON.stringify({ code: TCB_CODES[errcode], message: `local WeChat: injected ${errcode}` }))
  if (errcode <= -600000) return encodeSystemError(errcode)
  return encodeJson({ errcode, errmsg: errcode === -1 ? 'system error' : `injected ${errcode}` })
}

function answer(result: WxError | object): Buffer {
  return encodeJson('errcode' in result ? { ...result } : { errcode: 0, errmsg: 'ok', ...result })
}

function dispatch(state: WechatState, appUrl: () => string, apiName: string, params: Record<string, unknown>): Buffer {
  switch (apiName) {
    case 'subscribeMessage.send': {
      const r = send(state, params)
      return answer('errcode' in r ? r : { msgid: Number(r.msgid) })
    }
    case 'wxacode.getUnlimited': {
      const r = unlimitedCode(params, appUrl())
      return 'errcode' in r ? answer(r) : encodeBinary('image/png', r.png)
    }
    case 'security.msgSecCheck':
      return answer(checkText(params))
    case 'phonenumber.getPhoneNumber':
      return answer(phoneNumber(state, params))
    default:
      return encodeJson({ errcode: 48001, errmsg: `api unauthorized: the local WeChat does not serve ${apiName}` })
  }
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

async function serveOpenApi(state: WechatState, appUrl: () => string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let out: Buffer
  try {
    const r = decodeRequest(req.headers['content-type'] ?? '', await body(req))
    if (r.action !== 'wx.openApi') throw new Error(`action ${r.action} is not served here`)
    const fail = state.serve(r.apiName)
    out = fail !== undefined ? injected(fail) : dispatch(state, appUrl, r.apiName, r.params)
  } catch (e) {
    out = Buffer.from(JSON.stringify({ code: 'INVALID_PARAM', message: `local WeChat: ${(e as Error).message}` }))
  }
  res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(out)
}

/** Starts the local WeChat; see docs/wechat.md. */
export async function startLocalWechat(opts: LocalWechatOptions): Promise<LocalWechat> {
  const state = WechatState.inDir(opts.dataDir, opts.now ?? Date.now)
  const handle = createHandle(state)
  const appUrl = typeof opts.appUrl === 'function' ? opts.appUrl : () => opts.appUrl as string
  const server = createServer((req, res) => {
    if ((req.url ?? '').startsWith('/_dev/')) void serveDev(handle, req, res)
    else if (req.method === 'POST') void serveOpenApi(state, appUrl, req, res)
    else res.writeHead(405, { allow: 'POST' }).end()
  })
  const host = opts.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => resolve())
  })
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`
  if (!opts.quiet) console.log(`[wechat] 本地微信 ${origin}/openapi${opts.dataDir ? `（通知保存在 ${opts.dataDir}）` : ''}`)
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  return { url: `${origin}/openapi`, devUrl: `${origin}/_dev`, handle, stop }
}
