import { ApiError, errorFor, unwrapEnvelope } from './api-error'
import { backoffMs, shouldRetry } from './retry'

export interface CallBody {
  action: string
  data: unknown
  requestId: string
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

export interface InvokeOptions {
  transport: Transport
  sleep?: (ms: number) => Promise<void>
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  if (err instanceof TransportError) return errorFor(err.code)
  return errorFor('INTERNAL')
}

/**
 * Calls a function once, retrying transient failures with the same body (and request id): reads are
 * safe to repeat, and every mutation is deduplicated by its request id on the server (function.ts).
 */
export async function invoke<T>(fnName: string, body: CallBody, opts: InvokeOptions): Promise<T> {
  const sleep = opts.sleep ?? defaultSleep
  for (let retries = 0; ; retries++) {
    try {
      return unwrapEnvelope<T>(await opts.transport(fnName, body))
    } catch (err) {
      const apiErr = toApiError(err)
      if (!shouldRetry(apiErr.code, retries)) throw apiErr
      await sleep(backoffMs(retries))
    }
  }
}
