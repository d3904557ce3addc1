import { randomUUID } from 'node:crypto'
import { DEMO_IDENTITIES } from '../seed/demo-identities'

export const DEMO_APPID = 'wx-local-demo'
const DEMO_OPENIDS = new Set(DEMO_IDENTITIES.map((d) => d.openid))

/**
 * Which demo identity a request claims. Only demo openids are accepted, and only
 * outside production: the local host is a stand-in for WeChat's own login.
 */
export function demoCaller(header: string | undefined, production: boolean): string | undefined {
  if (production || !header) return undefined
  return DEMO_OPENIDS.has(header) ? header : undefined
}

/**
 * A web caller as CloudBase's login puts it in the context (tools/host/console-auth.ts plays that part):
 * `uid` its CloudBase user, `customUserId` after a custom-ticket sign-in (the console), else anonymous.
 */
export interface WebCaller {
  uid: string
  customUserId?: string
  ip?: string
}

/** The TCB_* keys CloudBase sets for a web caller (node-sdk `auth().getUserInfo()` reads them). */
function webContext(web: WebCaller | undefined): Record<string, string> {
  if (!web) return {}
  const who: Record<string, string> = web.customUserId ? { TCB_CUSTOM_USER_ID: web.customUserId } : { TCB_ISANONYMOUS_USER: 'true' }
  return { TCB_UUID: web.uid, ...who, ...(web.ip ? { TCB_SOURCE_IP: web.ip } : {}) }
}

/**
 * Builds the per-call event and context exactly as CloudBase hands them to a
 * function: identity in `userInfo` and in the context's `environment`, never in
 * process.env, so concurrent calls cannot see each other's caller. A WeChat
 * caller (`openid`) wins over a web one.
 */
export function buildInvocation(
  fnName: string,
  body: { action?: unknown; data?: unknown; requestId?: unknown; attempt?: unknown },
  openid: string | undefined,
  web?: WebCaller,
) {
  const requestId = randomUUID()
  const wx = openid ? { WX_OPENID: openid, WX_APPID: DEMO_APPID, WX_UNIONID: '' } : {}
  const tcb = openid ? {} : webContext(web)
  const event = {
    action: body.action,
    data: body.data,
    requestId: body.requestId,
    ...(body.attempt !== undefined ? { attempt: body.attempt } : {}),
    ...(openid ? { userInfo: { openId: openid, appId: DEMO_APPID } } : {}),
  }
  const context = {
    request_id: requestId,
    function_name: fnName,
    function_version: '$LATEST',
    namespace: 'local',
    memory_limit_in_mb: 256,
    time_limit_in_ms: 20000,
    environment: JSON.stringify({
      ...wx,
      ...tcb,
      WX_CONTEXT_KEYS: Object.keys(wx).join(','),
      ...(Object.keys(tcb).length ? { TCB_CONTEXT_KEYS: Object.keys(tcb).join(',') } : {}),
      TCB_ENV: 'local',
    }),
  }
  return { event, context }
}

/** Said loudly at start, so nobody mistakes the demo host for a production one. */
export function modeBanner(production: boolean): string {
  return production
    ? '[host] 生产模式：不接受演示身份，调用方身份只来自 CloudBase 上下文。'
    : '[host] ⚠ 本地演示模式：接受演示身份（请求头 X-Demo-Openid）。切勿用于生产；设置 NODE_ENV=production 可关闭。'
}
