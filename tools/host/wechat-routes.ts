/**
 * The local demo's stand-in for what happens on her phone, forwarded to the local WeChat's dev API
 * (tools/wechat/dev-api.ts), always as the demo caller (X-Demo-Openid) and never in production mode:
 *   POST /wx/subscribe {tmplIds, decisions}  her answer to wx.requestSubscribeMessage (允许 / 取消 per template)
 *   GET  /wx/messages                        her service notices (服务通知), oldest first
 *   POST /wx/phone-code                      a 手机号快速验证 code for her seeded roster phone
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { DEMO_ROSTER } from '../seed/roster-generator'
import { knownTemplates } from '../wechat/subscribe'
import { demoCaller } from './identity'

/** wx.requestSubscribeMessage takes at most 3 templates a tap (errCode 20003 模板消息数量超过上限 beyond). */
export const MAX_TEMPLATES_PER_TAP = 3

type Reply = (status: number, body: unknown) => void

/** The local WeChat's dev API: beside the WX_SERVICE_URL the functions use (…/openapi → …/_dev). */
function devUrl(): string | undefined {
  const url = process.env.WX_SERVICE_URL
  return url ? new URL('/_dev', url).href : undefined
}

async function dev(path: string, init?: { body: unknown }): Promise<{ status: number; body: Record<string, unknown> }> {
  const base = devUrl()
  if (!base) return { status: 503, body: { message: '本地微信未启动（未设置 WX_SERVICE_URL）' } }
  const res = await fetch(
    `${base}${path}`,
    init ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) } : undefined,
  )
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

async function subscribe(openid: string, body: Record<string, unknown>, reply: Reply): Promise<void> {
  const ids = body.tmplIds
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((i) => typeof i === 'string' && i !== ''))
    return reply(400, { errMsg: 'requestSubscribeMessage:fail 参数错误', errCode: 10001 })
  if (ids.length > MAX_TEMPLATES_PER_TAP)
    return reply(400, { errMsg: 'requestSubscribeMessage:fail 一次最多订阅 3 个模板', errCode: 20003 })
  const known = knownTemplates()
  const unknown = (ids as string[]).filter((id) => !known.has(id))
  if (unknown.length) return reply(400, { errMsg: `requestSubscribeMessage:fail 模板不存在：${unknown.join('、')}`, errCode: 20001 })
  const decisions = (body.decisions ?? {}) as Record<string, unknown>
  // No silent consent: a template without an explicit 'accept' counts as 取消.
  const answer = Object.fromEntries((ids as string[]).map((id) => [id, decisions[id] === 'accept' ? 'accept' : 'reject']))
  const accepted = Object.keys(answer).filter((id) => answer[id] === 'accept')
  const r = accepted.length ? await dev('/accept', { body: { openid, templateIds: accepted } }) : { status: 200, body: {} }
  reply(r.status === 200 ? 200 : 502, r.status === 200 ? { errMsg: 'requestSubscribeMessage:ok', ...answer } : r.body)
}

async function phoneCode(openid: string, reply: Reply): Promise<void> {
  const phone = DEMO_ROSTER[openid]?.phone
  if (!phone) return reply(404, { message: '该演示身份在名册中没有手机号，无法使用手机号快速验证' })
  const r = await dev('/phone-code', { body: { purePhoneNumber: phone } })
  reply(r.status === 200 ? 200 : 502, r.body)
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  try {
    const v = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** Serves /wx/* when the path is one; false otherwise. Unknown callers and production mode get 404. */
export async function serveWechatDemo(req: IncomingMessage, res: ServerResponse, pathname: string, production: boolean): Promise<boolean> {
  const route = `${req.method} ${pathname}`
  if (!['POST /wx/subscribe', 'GET /wx/messages', 'POST /wx/phone-code'].includes(route)) return false
  const reply: Reply = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body))
  }
  const openid = demoCaller(req.headers['x-demo-openid'] as string | undefined, production)
  if (!openid) return (reply(404, { message: production ? '生产模式下没有本地微信' : '请先选择演示身份' }), true)
  if (route === 'GET /wx/messages') {
    const r = await dev(`/messages?openid=${encodeURIComponent(openid)}`)
    reply(r.status === 200 ? 200 : 502, r.body)
  } else if (route === 'POST /wx/phone-code') await phoneCode(openid, reply)
  else {
    const body = await readJson(req)
    if (!body) reply(400, { errMsg: 'requestSubscribeMessage:fail 参数错误', errCode: 10004 })
    else await subscribe(openid, body, reply)
  }
  return true
}
