import { PlatformBusy, TransportError, type Transport } from '~src/services/invoke'
import { cloudEnv } from './cloud-env'
import { currentSession } from './session'

/** CloudBase refusing a call for the plan's concurrency or rate: the function never ran (as src/services/transports.ts). */
const PLATFORM_BUSY = /EXCEED_CONCURRENT_REQUEST_LIMIT|EXCEED_RATELIMIT|-50100[34]/
const TIMEOUT_MS = 20_000

/** Locally: POST /fn/<name> to the function host, the session's token as CloudBase's login would carry it. */
const localTransport: Transport = async (name, body) => {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS)
  const token = currentSession()?.token
  try {
    const res = await fetch(`/fn/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: controller.signal,
    }).catch((err: unknown) => {
      throw controller.signal.aborted ? new TransportError('DEADLINE_EXCEEDED') : new TransportError('NETWORK_ERROR', String(err))
    })
    const json: unknown = await res.json().catch(() => undefined)
    if (json && typeof json === 'object' && typeof (json as { ok?: unknown }).ok === 'boolean') return json
    if (res.status === 429) throw new PlatformBusy()
    throw new TransportError('UNAVAILABLE', `HTTP ${res.status}`)
  } finally {
    clearTimeout(timer)
  }
}

/** In production: callFunction through @cloudbase/js-sdk, loaded on first use. */
const cloudTransport: Transport = async (name, body) => {
  const { callCloud } = await import('./cloudbase')
  try {
    return await callCloud(name, body)
  } catch (err) {
    const msg = String((err as { message?: string })?.message ?? err)
    if (PLATFORM_BUSY.test(msg)) throw new PlatformBusy(msg)
    throw new TransportError(/timeout|超时/i.test(msg) ? 'DEADLINE_EXCEEDED' : 'NETWORK_ERROR', msg)
  }
}

export const transport = (): Transport => (cloudEnv() ? cloudTransport : localTransport)
