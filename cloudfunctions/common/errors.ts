import { ERROR_MESSAGES, type ErrorCode } from '../../types/errors'

/** An expected failure: becomes `{ok: false, code, message, field}`. Anything else thrown is INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly field?: string,
    message?: string,
  ) {
    super(message ?? ERROR_MESSAGES[code])
  }
}

export function fail(code: ErrorCode, field?: string, message?: string): never {
  throw new AppError(code, field, message)
}
