import { ERROR_MESSAGES, isErrorCode, type ErrorCode } from '../../types/errors'

/** What every failed call throws: a stable code, its one Chinese message, and the offending field if any. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly field?: string

  constructor(code: ErrorCode, field?: string) {
    super(ERROR_MESSAGES[code])
    this.name = 'ApiError'
    this.code = code
    this.field = field
  }
}

/** The client shows its own message for a code; unknown codes read as INTERNAL so nothing raw reaches a member. */
export function errorFor(code: unknown, field?: unknown): ApiError {
  return new ApiError(isErrorCode(code) ? code : 'INTERNAL', typeof field === 'string' && field ? field : undefined)
}

/**
 * Unwraps a function's envelope. Anything that is not a well-formed envelope
 * (an HTML error page, an SDK "not supported" result) is INTERNAL, never data.
 */
export function unwrapEnvelope<T>(raw: unknown): T {
  if (!raw || typeof raw !== 'object') throw errorFor('INTERNAL')
  const env = raw as { ok?: unknown; data?: unknown; code?: unknown; field?: unknown }
  if (env.ok === true && 'data' in env) return env.data as T
  if (env.ok === false) throw errorFor(env.code, env.field)
  throw errorFor('INTERNAL')
}

/** Message to show for anything a call threw, ApiError or not. */
export function messageOf(err: unknown): string {
  return err instanceof ApiError ? err.message : ERROR_MESSAGES.INTERNAL
}
