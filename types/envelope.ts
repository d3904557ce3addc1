import type { ErrorCode } from './errors'

/** Facts an error carries beside its message, for the client to show (e.g. a verification lock-out). */
export interface ErrorDetails {
  /** Verifications left in this window before a lock-out. */
  attemptsLeft?: number
  /** UTC ms from when trying again can succeed. */
  retryAt?: number
}

/** What every cloud function returns, in CloudBase and through the local host alike. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; field?: string; details?: ErrorDetails }

/**
 * The event a function receives. `userInfo` is filled in by CloudBase (or the
 * local host) from the caller's WeChat session; anything a client puts there is
 * overwritten, never trusted.
 */
export interface FunctionEvent {
  action: string
  data?: unknown
  /** Client request id for state-changing calls: a retry with the same id returns the first outcome. */
  requestId?: string
  userInfo?: { openId: string; appId?: string; unionId?: string }
}
