import Taro from '@tarojs/taro'
import { getDemoOpenid } from './demo-session'
import { PlatformBusy, TransportError, type CallBody, type Transport } from './invoke'

/** CloudBase refusing a call for the plan's concurrency or rate (errCode -501003/-501004): the function never ran. */
const PLATFORM_BUSY = /EXCEED_CONCURRENT_REQUEST_LIMIT|EXCEED_RATELIMIT|-50100[34]/

const TIMEOUT_MS = 15000

interface CloudError {
  errCode?: number
  errMsg?: string
}

/** WeChat: the platform carries the caller's identity; result.result is the function's envelope. */
export const weappTransport: Transport = async (name, body) => {
  try {
    const res = await Taro.cloud.callFunction({ name, data: body as unknown as Record<string, unknown> })
    return (res as { result?: unknown }).result
  } catch (err) {
    const msg = String((err as CloudError)?.errMsg ?? err)
    if (PLATFORM_BUSY.test(`${(err as CloudError)?.errCode ?? ''} ${msg}`)) throw new PlatformBusy(msg)
    if (/timeout|超时/i.test(msg)) throw new TransportError('DEADLINE_EXCEEDED', msg)
    if (/network|网络|request:fail/i.test(msg)) throw new TransportError('NETWORK_ERROR', msg)
    throw new TransportError('UNAVAILABLE', msg)
  }
}

function isEnvelope(value: unknown): boolean {
  return !!value && typeof value === 'object' && typeof (value as { ok?: unknown }).ok === 'boolean'
}

async function post(url: string, body: CallBody, signal: AbortSignal): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-openid': getDemoOpenid() },
      body: JSON.stringify(body),
      signal,
    })
  } catch (err) {
    if (signal.aborted) throw new TransportError('DEADLINE_EXCEEDED')
    throw new TransportError('NETWORK_ERROR', String(err))
  }
}

/** H5 (local demo, browser tests): POST to the local function host. */
export const h5Transport: Transport = async (name, body) => {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS)
  try {
    const res = await post(`${process.env.TARO_APP_API_BASE || ''}/fn/${name}`, body, controller.signal)
    const json: unknown = await res.json().catch(() => undefined)
    if (isEnvelope(json)) return json
    if (res.status === 429) throw new PlatformBusy(JSON.stringify(json))
    if (res.status === 502 || res.status === 503 || res.status === 504) throw new TransportError('UNAVAILABLE')
    return json
  } finally {
    clearTimeout(timer)
  }
}
