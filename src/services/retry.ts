import type { ErrorCode } from '~types/errors'

/** Failures where the request may never have arrived or finished: worth another try. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['NETWORK_ERROR', 'UNAVAILABLE', 'DEADLINE_EXCEEDED'])

export const MAX_RETRIES = 2

/**
 * Every call may be retried: reads are safe to repeat, and every write is deduplicated by its
 * request id (the retry carries the same id, so it returns the first outcome).
 * `retriesDone` counts retries already made.
 */
export function shouldRetry(code: ErrorCode, retriesDone: number): boolean {
  return retriesDone < MAX_RETRIES && TRANSIENT.has(code)
}

/** Exponential backoff with jitter: ~400 ms, then ~800 ms. `random` in [0, 1). */
export function backoffMs(retriesDone: number, random: number = Math.random()): number {
  const base = 400 * 2 ** retriesDone
  return Math.round(base * (0.75 + random * 0.5))
}
