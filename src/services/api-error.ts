import type { ErrorDetails } from '~types/envelope'
import { ERROR_MESSAGES, isErrorCode, type ErrorCode } from '~types/errors'
import { formatShanghai } from '../utils/datetime'

/** What every failed call throws: a stable code, its one Chinese message, and the offending field if any. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly field?: string
  readonly details?: ErrorDetails

  constructor(code: ErrorCode, field?: string, details?: ErrorDetails, now = Date.now()) {
    super(messageFor(code, details, now))
    this.name = 'ApiError'
    this.code = code
    this.field = field
    this.details = details
  }
}

const WARN_FROM = 2

function when(at: number, now: number): string {
  const sameDay = formatShanghai(at, 'YYYYMMDD') === formatShanghai(now, 'YYYYMMDD')
  return formatShanghai(at, sameDay ? 'HH:mm' : 'M月D日 HH:mm')
}

/**
 * The code's one message, plus what the details say she can do about it: the
 * last tries are counted down, and a lock-out names the time to come back.
 */
export function messageFor(code: ErrorCode, details: ErrorDetails | undefined, now: number): string {
  const base = ERROR_MESSAGES[code]
  const { attemptsLeft, retryAt } = details ?? {}
  if (retryAt && (attemptsLeft === 0 || code === 'RATE_LIMITED')) {
    const minutes = Math.max(1, Math.ceil((retryAt - now) / 60_000))
    const again = `请在 ${when(retryAt, now)} 后再试（约 ${minutes} 分钟后）`
    return code === 'RATE_LIMITED' ? `尝试次数过多，${again}` : `${base}。尝试次数已用完，${again}`
  }
  if (attemptsLeft !== undefined && attemptsLeft <= WARN_FROM) {
    return `${base}。还可尝试 ${attemptsLeft} 次${retryAt ? `，用完后需等到 ${when(retryAt, now)} 才能再试` : ''}`
  }
  return base
}

function detailsOf(raw: unknown): ErrorDetails | undefined {
  if (!raw || typeof raw !== 'object') return undefined
  const d = raw as Record<string, unknown>
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
  const details = { attemptsLeft: num(d.attemptsLeft), retryAt: num(d.retryAt) }
  return details.attemptsLeft === undefined && details.retryAt === undefined ? undefined : details
}

/** The client shows its own message for a code; unknown codes read as INTERNAL so nothing raw reaches a member. */
export function errorFor(code: unknown, field?: unknown, details?: unknown): ApiError {
  return new ApiError(isErrorCode(code) ? code : 'INTERNAL', typeof field === 'string' && field ? field : undefined, detailsOf(details))
}

/**
 * Unwraps a function's envelope. Anything that is not a well-formed envelope
 * (an HTML error page, an SDK "not supported" result) is INTERNAL, never data.
 */
export function unwrapEnvelope<T>(raw: unknown): T {
  if (!raw || typeof raw !== 'object') throw errorFor('INTERNAL')
  const env = raw as { ok?: unknown; data?: unknown; code?: unknown; field?: unknown; details?: unknown }
  if (env.ok === true && 'data' in env) return env.data as T
  if (env.ok === false) throw errorFor(env.code, env.field, env.details)
  throw errorFor('INTERNAL')
}

/** Message to show for anything a call threw, ApiError or not. */
export function messageOf(err: unknown): string {
  return err instanceof ApiError ? err.message : ERROR_MESSAGES.INTERNAL
}
