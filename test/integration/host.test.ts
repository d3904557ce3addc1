import tcb from '@cloudbase/node-sdk'
import { MAX_BODY, startHost, type RunningHost } from '../../tools/host/server'
import type { FunctionMain } from '../../tools/host/functions'
import { DEMO_IDENTITIES } from '../../tools/seed/demo-identities'

/** A function that answers with the caller CloudBase's context names, after a random pause. */
const whoami: FunctionMain = async (event, context) => {
  await new Promise((r) => setTimeout(r, Math.random() * 20))
  const ctx = tcb.getCloudbaseContext(context as never) as unknown as Record<string, string>
  const e = event as { action: string; data: unknown; requestId?: string; userInfo?: { openId: string } }
  return {
    ok: true,
    data: {
      fromContext: ctx.WX_OPENID ?? null,
      fromEvent: e.userInfo?.openId ?? null,
      action: e.action,
      data: e.data,
      requestId: e.requestId,
    },
  }
}

async function post(host: RunningHost, path: string, body: unknown, openid?: string) {
  const res = await fetch(`${host.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-demo-openid': openid } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as any }
}

describe('local function host', () => {
  let dev: RunningHost
  let prod: RunningHost
  beforeAll(async () => {
    const functions = new Map([['whoami', whoami]])
    dev = await startHost({ functions, production: false })
    prod = await startHost({ functions, production: true })
  })
  afterAll(async () => {
    await dev.stop()
    await prod.stop()
  })

  it('hands each concurrent call its own caller, in context and event alike', async () => {
    const calls = Array.from({ length: 140 }, (_, i) => DEMO_IDENTITIES[i % DEMO_IDENTITIES.length].openid)
    const results = await Promise.all(calls.map((openid) => post(dev, '/fn/whoami', { action: 'x', data: { openid } }, openid)))
    results.forEach((r, i) => {
      expect(r.json.data.fromContext).toBe(calls[i])
      expect(r.json.data.fromEvent).toBe(calls[i])
    })
  })

  it('passes action, data and request id through, and ignores a caller forged in the body', async () => {
    const r = await post(
      dev,
      '/fn/whoami',
      { action: 'verify', data: { a: 1 }, requestId: 'req-1', userInfo: { openId: 'demo-officer' } },
      'demo-member',
    )
    expect(r.json.data).toMatchObject({
      fromContext: 'demo-member',
      fromEvent: 'demo-member',
      action: 'verify',
      data: { a: 1 },
      requestId: 'req-1',
    })
    const anon = await post(dev, '/fn/whoami', { action: 'x', userInfo: { openId: 'demo-officer' } })
    expect(anon.json.data.fromContext).toBeNull()
    expect(anon.json.data.fromEvent).toBeNull()
  })

  it('accepts only known demo identities, and none in production mode', async () => {
    expect((await post(dev, '/fn/whoami', { action: 'x' }, 'someone-else')).json.data.fromContext).toBeNull()
    expect((await post(prod, '/fn/whoami', { action: 'x' }, 'demo-officer')).json.data.fromContext).toBeNull()
    expect((await fetch(`${prod.url}/demo/identities`)).status).toBe(404)
    const ids = (await (await fetch(`${dev.url}/demo/identities`)).json()) as { openid: string }[]
    expect(ids.map((d) => d.openid)).toEqual(DEMO_IDENTITIES.map((d) => d.openid))
  })

  it('answers bad requests with an envelope, never a crash', async () => {
    expect(await post(dev, '/fn/whoami', '{not json')).toMatchObject({ status: 400, json: { ok: false, code: 'INVALID_ARGUMENT' } })
    expect(await post(dev, '/fn/whoami', '[1,2]')).toMatchObject({ status: 400, json: { ok: false, code: 'INVALID_ARGUMENT' } })
    expect(await post(dev, '/fn/nope', { action: 'x' })).toMatchObject({ status: 404, json: { ok: false, code: 'NOT_FOUND' } })
  })

  it("takes a body up to CloudBase's 6 MB request limit and refuses one byte more", async () => {
    const envelope = (n: number) => JSON.stringify({ action: 'x', data: 'x'.repeat(n) })
    const fits = envelope(MAX_BODY - envelope(0).length)
    expect(Buffer.byteLength(fits)).toBe(MAX_BODY)
    const ok = await post(dev, '/fn/whoami', fits)
    expect(ok.status).toBe(200)
    expect(ok.json.data.data).toHaveLength(MAX_BODY - envelope(0).length)
    const over = await post(dev, '/fn/whoami', envelope(MAX_BODY - envelope(0).length + 1))
    expect(over).toMatchObject({ status: 413, json: { ok: false, code: 'INVALID_ARGUMENT', field: 'body' } })
  })

  it("answers a path with malformed percent-encoding as the caller's mistake (400), also with static files", async () => {
    const withStatic = await startHost({ functions: new Map(), production: false, staticDir: __dirname })
    try {
      for (const host of [dev, withStatic]) {
        const res = await fetch(`${host.url}/%E0%A4%A`)
        expect(res.status).toBe(400)
        expect(await res.json()).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' })
      }
      expect((await fetch(`${withStatic.url}/fn/%ZZ`, { method: 'POST', body: '{}' })).status).toBe(400)
    } finally {
      await withStatic.stop()
    }
  })
})
