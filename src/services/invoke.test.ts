import { ERROR_MESSAGES } from '~types/errors'
import { ApiError } from './api-error'
import { invoke, onQueueing, PlatformBusy, TransportError, type CallBody, type Transport } from './invoke'
import { backoffMs, busyBackoffMs, MAX_BUSY_RETRIES, MAX_RETRIES, shouldRetry } from './retry'
import { newRequestId } from './request-id'

const body: CallBody = { action: 'verify', data: { name: '李明' }, requestId: 'req-1' }
const noSleep = async () => undefined

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (err) {
    return err as ApiError
  }
  throw new Error('expected the call to fail')
}

/** A transport that answers from a script and records what it was sent. */
function scripted(answers: Array<unknown | Error>) {
  const sent: Array<{ name: string; body: CallBody }> = []
  const transport: Transport = async (name, b) => {
    sent.push({ name, body: b })
    const next = answers.shift()
    if (next instanceof Error) throw next
    return next
  }
  return { transport, sent }
}

describe('invoke', () => {
  it('retries a network failure with the same request id, then succeeds', async () => {
    const { transport, sent } = scripted([
      new TransportError('NETWORK_ERROR'),
      { ok: false, code: 'UNAVAILABLE', message: '' },
      { ok: true, data: 7 },
    ])
    await expect(invoke('member', body, { transport, sleep: noSleep })).resolves.toBe(7)
    expect(sent).toHaveLength(3)
    expect(new Set(sent.map((s) => s.body.requestId))).toEqual(new Set(['req-1']))
    // each send says which try it is: only the first may be answered from a function's remembered refusal
    expect(sent.map((s) => s.body.attempt)).toEqual([1, 2, 3])
    expect(sent.every((s) => s.name === 'member' && s.body.action === 'verify')).toBe(true)
  })

  it('gives up after two retries with the last transient error', async () => {
    const { transport, sent } = scripted([
      new TransportError('DEADLINE_EXCEEDED'),
      new TransportError('DEADLINE_EXCEEDED'),
      new TransportError('DEADLINE_EXCEEDED'),
      { ok: true, data: 'too late' },
    ])
    const err = await failure(invoke('member', body, { transport, sleep: noSleep }))
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('DEADLINE_EXCEEDED')
    expect(err.message).toBe(ERROR_MESSAGES.DEADLINE_EXCEEDED)
    expect(sent).toHaveLength(1 + MAX_RETRIES)
  })

  it('never retries a business error', async () => {
    const { transport, sent } = scripted([
      { ok: false, code: 'VERIFY_MISMATCH', message: '' },
      { ok: true, data: 1 },
    ])
    const err = await failure(invoke('member', body, { transport, sleep: noSleep }))
    expect(err.code).toBe('VERIFY_MISMATCH')
    expect(sent).toHaveLength(1)
  })

  it('waits between retries with growing backoff', async () => {
    const waits: number[] = []
    const { transport } = scripted([new TransportError('UNAVAILABLE'), new TransportError('UNAVAILABLE'), { ok: true, data: 1 }])
    await invoke('member', body, { transport, sleep: async (ms) => void waits.push(ms) })
    expect(waits).toHaveLength(2)
    expect(waits[1]).toBeGreaterThan(waits[0])
  })

  it('turns an unexpected throw into INTERNAL without retrying', async () => {
    const { transport, sent } = scripted([new TypeError('boom'), { ok: true, data: 1 }])
    const err = await failure(invoke('member', body, { transport, sleep: noSleep }))
    expect(err.code).toBe('INTERNAL')
    expect(sent).toHaveLength(1)
  })
})

describe('BUSY (issue 17: the plan refused, she waits in line)', () => {
  it('retries BUSY and a platform refusal with the same request id, saying it is queueing meanwhile', async () => {
    const seen: number[] = []
    const off = onQueueing((n) => seen.push(n))
    const { transport, sent } = scripted([
      new PlatformBusy('EXCEED_CONCURRENT_REQUEST_LIMIT'),
      { ok: false, code: 'BUSY', message: '人多排队中…' },
      { ok: true, data: 'booked' },
    ])
    await expect(invoke('screening', body, { transport, sleep: noSleep })).resolves.toBe('booked')
    off()
    expect(new Set(sent.map((s) => s.body.requestId))).toEqual(new Set(['req-1']))
    expect(seen).toEqual([1, 0])
  })

  it('gives up with BUSY after her patience; a used-up day quota is never retried', async () => {
    const { transport, sent } = scripted(Array.from({ length: 20 }, () => ({ ok: false, code: 'BUSY', message: '' })))
    expect((await failure(invoke('screening', body, { transport, sleep: noSleep }))).code).toBe('BUSY')
    expect(sent).toHaveLength(1 + MAX_BUSY_RETRIES)
    const quota = scripted([
      { ok: false, code: 'QUOTA_EXHAUSTED', message: '' },
      { ok: true, data: 1 },
    ])
    expect((await failure(invoke('screening', body, { transport: quota.transport, sleep: noSleep }))).code).toBe('QUOTA_EXHAUSTED')
    expect(quota.sent).toHaveLength(1)
  })

  it('spreads the queue: waits of 0.5 s up to 8.5 s, jittered', () => {
    expect(busyBackoffMs(0, 0)).toBe(500)
    expect(busyBackoffMs(0, 0.999)).toBeLessThanOrEqual(1500)
    expect(busyBackoffMs(10, 0.999)).toBeLessThanOrEqual(8500)
  })
})

describe('retry policy', () => {
  it('retries only transient codes, at most twice', () => {
    expect(shouldRetry('NETWORK_ERROR', 0)).toBe(true)
    expect(shouldRetry('UNAVAILABLE', 1)).toBe(true)
    expect(shouldRetry('DEADLINE_EXCEEDED', 2)).toBe(false)
    expect(shouldRetry('INTERNAL', 0)).toBe(false)
    expect(shouldRetry('CONFLICT', 0)).toBe(false)
  })

  it('backs off within ±25% of 400 ms doubling', () => {
    expect(backoffMs(0, 0)).toBe(300)
    expect(backoffMs(0, 0.999)).toBeLessThanOrEqual(500)
    expect(backoffMs(1, 0.5)).toBe(800)
  })
})

describe('newRequestId', () => {
  it('differs between calls made in the same millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newRequestId(1700000000000)))
    expect(ids.size).toBe(1000)
  })
})
