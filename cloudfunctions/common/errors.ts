import type { ErrorDetails } from '~types/envelope'
import { ERROR_MESSAGES, type ErrorCode } from '~types/errors'

/** An expected failure: becomes `{ok: false, code, message, field}`. Anything else thrown is INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly field?: string,
    message?: string,
    /** Facts the client shows beside the message (attempts left, when to retry). */
    readonly details?: ErrorDetails,
  ) {
    super(message ?? ERROR_MESSAGES[code])
  }
}

export function fail(code: ErrorCode, field?: string, message?: string, details?: ErrorDetails): never {
  throw new AppError(code, field, message, details)
}
