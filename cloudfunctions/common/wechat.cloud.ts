/**
 * The one WeChat adapter: cloud call (云调用) through WeChat's own server SDK, `wx-server-sdk`
 * `cloud.openapi.*`, as WeChat cloud development documents it
 * (developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/openapi/openapi.html). No AppSecret: in CloudBase the
 * SDK calls WeChat as the function, with the permissions its config.json declares (tools/build-functions.ts).
 * Locally `WX_SERVICE_URL` points the same SDK at the local WeChat (tools/wechat/), as TCB_SERVICE_URL points
 * the database SDK at the emulator: the SDK hands `serviceUrl` on to its bundled @cloudbase/node-sdk.
 *
 * The SDK is loaded on the first WeChat call, not with the function: it bundles a second @cloudbase/node-sdk and
 * would double every cold start (npm run bench:wechat), while the hot paths never call WeChat.
 */
import { env, type WechatEnv } from './env'
import type { PagePath } from '~types/routes'
import type { PhoneNumber, SubscribeMessage, TextScene, TextVerdict, WechatAnswer, WechatPort, WechatRefusal } from './wechat'

/** What the adapter needs: the WeChat settings and, locally, the CloudBase credentials the SDK signs with. */
export interface CloudWechatSettings extends WechatEnv {
  envId: string
  secretId?: string
  secretKey?: string
}

type OpenApi = (params: Record<string, unknown>) => Promise<Record<string, unknown>>
interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: symbol
  createNewInstance(config: Record<string, unknown>): { openapi: Record<string, Record<string, OpenApi>> }
}

/** Which version of the app a notice opens: `miniprogram_state` names them differently from `env_version`. */
const MINIPROGRAM_STATE = { release: 'formal', trial: 'trial', develop: 'developer' } as const

/** getUnlimitedQRCode: 最大32个可见字符，只支持数字，大小写英文以及部分特殊字符 !#$&'()*+,/:;=?@-._~ */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/
/** msgSecCheck v2: 文本字数的上限为2500字. */
const MAX_TEXT = 2500

/**
 * Worth trying again later: -1 系统繁忙; CloudBase's own refusals (-501001 system error, -501002 timeout,
 * -501003/-501004 request and concurrency quotas, -501015/-501016 day quotas); cloud call's system error,
 * network error and timeout (-601001/-601003/-601008); 45009/45011 WeChat's frequency limits. WeChat's
 * definite answers (43101, 40037, 47003, 41030, 40169, 40029…) are never retried.
 */
const TRANSIENT = new Set([-1, -501001, -501002, -501003, -501004, -501015, -501016, -601001, -601003, -601008, 45009, 45011])

export function isTransient(errcode: number): boolean {
  return TRANSIENT.has(errcode)
}

function refusal(errcode: number, errmsg: string): WechatRefusal {
  return { ok: false, errcode, errmsg, transient: isTransient(errcode) }
}

/** A thrown CloudSDKError ({errCode, errMsg}) as data; anything else (a broken connection) is transient. */
export function toRefusal(e: unknown): WechatRefusal {
  const err = e as { errCode?: unknown; errMsg?: unknown; message?: unknown }
  if (typeof err?.errCode === 'number' && err.errCode !== 0) return refusal(err.errCode, String(err.errMsg ?? ''))
  return { ok: false, errcode: -1, errmsg: String(err?.message ?? e), transient: true }
}

/**
 * WeChat's msgid as text. The SDK parses answers with json-bigint, so a number over 15 digits arrives as a
 * BigNumber, which its snake→camel conversion then copies into a plain `{s, e, c}` object (sign, exponent,
 * base-1e14 coefficient): rebuild the integer from that.
 */
export function integerText(v: unknown): string | undefined {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') return String(v)
  const n = v as { s?: number; e?: number; c?: number[] } | null
  if (!n || !Array.isArray(n.c) || typeof n.e !== 'number') return undefined
  const digits = n.c.map((d, i) => (i === 0 ? String(d) : String(d).padStart(14, '0'))).join('')
  return (n.s === -1 ? '-' : '') + (digits.length <= n.e + 1 ? digits.padEnd(n.e + 1, '0') : digits.slice(0, n.e + 1))
}

/**
 * In CloudBase: the function's own environment and identity. Locally: the local WeChat. With credentials and no
 * local WeChat (npm run wechat:smoke from a developer's machine): that environment, signed with its API key.
 */
function sdkConfig(sdk: WxServerSdk, s: CloudWechatSettings): Record<string, unknown> {
  if (s.serviceUrl)
    return { env: s.envId, serviceUrl: s.serviceUrl, secretId: s.secretId || 'local', secretKey: s.secretKey || 'local', timeout: 10000 }
  if (s.secretId && s.secretKey) return { env: s.envId, secretId: s.secretId, secretKey: s.secretKey, timeout: 10000 }
  return { env: sdk.DYNAMIC_CURRENT_ENV }
}

/** `cloud.openapi.<category>.<method>`, loaded and initialised on first use, answering data instead of throwing. */
function openApiCaller(
  s: CloudWechatSettings,
): (api: string, params: Record<string, unknown>) => Promise<WechatAnswer<Record<string, unknown>>> {
  let openapi: Record<string, Record<string, OpenApi>> | undefined
  return async (api, params) => {
    try {
      if (!openapi) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on the first WeChat call (see the header)
        const sdk = require('wx-server-sdk') as WxServerSdk
        openapi = sdk.createNewInstance(sdkConfig(sdk, s)).openapi
      }
      const [category, method] = api.split('.')
      return { ok: true, ...(await openapi[category][method](params)) }
    } catch (e) {
      return toRefusal(e)
    }
  }
}

export function createCloudWechat(s: CloudWechatSettings): WechatPort {
  const call = openApiCaller(s)
  return {
    async sendSubscribeMessage(m: SubscribeMessage) {
      const params = {
        touser: m.touser,
        templateId: m.templateId,
        page: m.page,
        data: m.data,
        miniprogramState: MINIPROGRAM_STATE[s.envVersion],
      }
      const r = await call('subscribeMessage.send', params)
      return r.ok ? { ok: true, msgid: integerText(r.msgid) } : r
    },
    async codeFor(page: PagePath, scene: string) {
      if (!SCENE.test(scene)) return refusal(40169, `invalid length for scene: ${scene.length} characters, or a character WeChat refuses`)
      if (page.includes('?')) return refusal(41030, 'invalid page: a code page carries no query')
      const r = await call('wxacode.getUnlimited', { scene, page, checkPath: false, envVersion: s.envVersion })
      return r.ok ? { ok: true, contentType: String(r.contentType), image: r.buffer as Buffer } : r
    },
    checkText: (input) => checkText(call, input),
    async phoneNumber(code: string) {
      const r = await call('phonenumber.getPhoneNumber', { code })
      if (!r.ok) return r
      const info = r.phoneInfo as Record<string, unknown>
      const phone: PhoneNumber = {
        phoneNumber: String(info.phoneNumber),
        purePhoneNumber: String(info.purePhoneNumber),
        countryCode: String(info.countryCode),
      }
      return { ok: true, ...phone }
    },
  }
}

async function checkText(
  call: ReturnType<typeof openApiCaller>,
  input: { openid: string; scene: TextScene; content: string },
): Promise<WechatAnswer<TextVerdict>> {
  if ([...input.content].length > MAX_TEXT) return refusal(47001, `data format error: content over ${MAX_TEXT} characters`)
  const r = await call('security.msgSecCheck', { version: 2, openid: input.openid, scene: input.scene, content: input.content })
  if (!r.ok) return r
  const result = r.result as { suggest: TextVerdict['suggest']; label: number }
  return { ok: true, suggest: result.suggest, label: Number(result.label) }
}

let cached: { from: WechatEnv; port: WechatPort } | undefined

/** The adapter for the current `env()`: built on first use, again after resetEnvCache() changed it. */
function current(): WechatPort {
  const e = env()
  if (cached?.from !== e.wechat) {
    cached = { from: e.wechat, port: createCloudWechat({ ...e.wechat, envId: e.envId, secretId: e.secretId, secretKey: e.secretKey }) }
  }
  return cached.port
}

/**
 * The port of this function instance. Composition roots keep it for the instance's life, so it resolves the
 * adapter on each call: a test that starts a fresh local WeChat (and resets env) is followed by contexts built before.
 */
export function getWechat(): WechatPort {
  return {
    sendSubscribeMessage: (m) => current().sendSubscribeMessage(m),
    codeFor: (page, scene) => current().codeFor(page, scene),
    checkText: (input) => current().checkText(input),
    phoneNumber: (code) => current().phoneNumber(code),
  }
}
