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
  /**
   * Which try of this request the client is sending (1 = the first; src/services/invoke.ts). A first try
   * can have no earlier outcome to replay, so a refusal the function remembers (instance-cache.ts
   * `fullness`) may answer it without reading what an earlier try left. Absent: treated as a retry.
   */
  attempt?: number
  userInfo?: { openId: string; appId?: string; unionId?: string }
}
