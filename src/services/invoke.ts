import { ApiError, errorFor, unwrapEnvelope } from './api-error'
import { backoffMs, busyBackoffMs, shouldRetry } from './retry'

export interface CallBody {
  action: string
  data: unknown
  requestId: string
  /** Set by `invoke` on each send: 1 the first try, 2 the first retry… (types/envelope.ts FunctionEvent). */
  attempt?: number
}

/** Sends one request and resolves to the raw envelope; throws TransportError when no envelope came back. */
export type Transport = (fnName: string, body: CallBody) => Promise<unknown>

/** A failure below the envelope: no answer, a timeout, a server that is down. */
export class TransportError extends Error {
  constructor(
    readonly code: 'NETWORK_ERROR' | 'DEADLINE_EXCEEDED' | 'UNAVAILABLE',
    detail?: string,
  ) {
    super(detail ?? code)
    this.name = 'TransportError'
  }
}

/** The platform refused the call before the function ran (function concurrency, EXCEED_*): wait in line. */
export class PlatformBusy extends Error {
  constructor(detail?: string) {
    super(detail ?? 'BUSY')
    this.name = 'PlatformBusy'
  }
}

export interface InvokeOptions {
  transport: Transport
  sleep?: (ms: number) => Promise<void>
}

/**
 * Who wants to know that a call is waiting in line (BUSY retries): the loading indicator and the
 * remote-state view show 人多排队中… while any call is queueing.
 */
type QueueListener = (queueing: number) => void
const queueListeners = new Set<QueueListener>()
let queueing = 0

export function onQueueing(listener: QueueListener): () => void {
  queueListeners.add(listener)
  return () => void queueListeners.delete(listener)
}

function setQueueing(delta: number): void {
  queueing += delta
  for (const l of queueListeners) l(queueing)
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  if (err instanceof TransportError) return errorFor(err.code)
  if (err instanceof PlatformBusy) return errorFor('BUSY')
  return errorFor('INTERNAL')
}

/**
 * Calls a function once, retrying transient failures with the same body (and request id): reads are
 * safe to repeat, and every mutation is deduplicated by its request id on the server (function.ts).
 */
export async function invoke<T>(fnName: string, body: CallBody, opts: InvokeOptions): Promise<T> {
  const sleep = opts.sleep ?? defaultSleep
  let queued = false
  try {
    for (let retries = 0; ; retries++) {
      try {
        return unwrapEnvelope<T>(await opts.transport(fnName, { ...body, attempt: retries + 1 }))
      } catch (err) {
        const apiErr = toApiError(err)
        if (!shouldRetry(apiErr.code, retries)) throw apiErr
        if (apiErr.code === 'BUSY' && !queued) setQueueing(+1)
        queued ||= apiErr.code === 'BUSY'
        await sleep(apiErr.code === 'BUSY' ? busyBackoffMs(retries) : backoffMs(retries))
      }
    }
  } finally {
    if (queued) setQueueing(-1)
  }
}
