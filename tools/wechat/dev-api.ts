/**
 * The local WeChat's dev API (`/_dev/*`, JSON; NOT part of WeChat): the same handle the in-process tests hold,
 * over HTTP for processes that cannot hold it (the local host's /wx/* routes, a spawned host's tests).
 *   POST /_dev/accept {openid, templateIds}      GET /_dev/messages?openid=      GET /_dev/opt-ins?openid=&templateId=
 *   POST /_dev/fail-next {api, errcode, times}   GET /_dev/calls?api=            POST /_dev/phone-code {purePhoneNumber}
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { LocalWechatHandle } from './server'
import type { WechatApi } from './state'

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body))
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown
  if (typeof parsed !== 'object' || parsed === null) throw new Error('body must be a JSON object')
  return parsed as Record<string, unknown>
}

const str = (v: unknown, name: string): string => {
  if (typeof v !== 'string' || v === '') throw new Error(`${name} must be a non-empty string`)
  return v
}

type Route = (h: LocalWechatHandle, q: URLSearchParams, b: Record<string, unknown>) => unknown

const ROUTES: Record<string, Route> = {
  'POST /_dev/accept': (h, _q, b) => {
    const ids = b.templateIds
    if (!Array.isArray(ids) || !ids.every((i) => typeof i === 'string')) throw new Error('templateIds must be strings')
    h.accept(str(b.openid, 'openid'), ids as string[])
    return { ok: true }
  },
  'GET /_dev/messages': (h, q) => ({ messages: h.messages(q.get('openid') ?? undefined) }),
  'GET /_dev/opt-ins': (h, q) => ({ left: h.optInsLeft(str(q.get('openid'), 'openid'), str(q.get('templateId'), 'templateId')) }),
  'POST /_dev/fail-next': (h, _q, b) => {
    h.failNext(str(b.api, 'api') as WechatApi, Number(b.errcode), b.times === undefined ? 1 : Number(b.times))
    return { ok: true }
  },
  'GET /_dev/calls': (h, q) => ({ calls: h.calls(str(q.get('api'), 'api') as WechatApi) }),
  'POST /_dev/phone-code': (h, _q, b) => ({ code: h.phoneCode(str(b.purePhoneNumber, 'purePhoneNumber')) }),
}

export async function serveDev(handle: LocalWechatHandle, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local')
  const route = ROUTES[`${req.method} ${url.pathname}`]
  if (!route) return json(res, 404, { error: `no such dev route: ${req.method} ${url.pathname}` })
  try {
    json(res, 200, route(handle, url.searchParams, req.method === 'POST' ? await readJson(req) : {}))
  } catch (e) {
    json(res, 400, { error: (e as Error).message })
  }
}
