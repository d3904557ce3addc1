import type { ErrorCode } from '~types/errors'

/** Failures where the request may never have arrived or finished: worth another try. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['NETWORK_ERROR', 'UNAVAILABLE', 'DEADLINE_EXCEEDED'])

export const MAX_RETRIES = 2

/**
 * BUSY: the server's plan refused the call after its own retries (issue 17); nothing was done or
 * her first outcome is kept under the request id, so she waits in line instead of tapping again.
 * Eight waits of ~1 s to ~8 s: about half a minute of queueing before she is told to come back.
 */
export const MAX_BUSY_RETRIES = 8

/**
 * Every call may be retried: reads are safe to repeat, and every write is deduplicated by its
 * request id (the retry carries the same id, so it returns the first outcome).
 * `retriesDone` counts retries already made.
 */
export function shouldRetry(code: ErrorCode, retriesDone: number): boolean {
  if (code === 'BUSY') return retriesDone < MAX_BUSY_RETRIES
  return retriesDone < MAX_RETRIES && TRANSIENT.has(code)
}

/** A BUSY wait: full jitter up to an exponential step (1 s … 8 s), so a queue of members spreads out. */
export function busyBackoffMs(retriesDone: number, random: number = Math.random()): number {
  return Math.round(500 + random * Math.min(8000, 1000 * 2 ** retriesDone))
}

/** Exponential backoff with jitter: ~400 ms, then ~800 ms. `random` in [0, 1). */
export function backoffMs(retriesDone: number, random: number = Math.random()): number {
  const base = 400 * 2 ** retriesDone
  return Math.round(base * (0.75 + random * 0.5))
}
