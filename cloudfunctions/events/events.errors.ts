/**
 * Expected refusals go through the common AppError (the router maps it to the
 * envelope); this file only names the helpers the events services share.
 */
export { AppError as Refusal, fail as refuse } from '../common/errors'

/** The SDK reports a clashing `_id` on insert as DATABASE_DUPLICATE_WRITE. */
export function isDuplicate(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? ''
  return /DUPLICATE/i.test(code) || /duplicate/i.test(String((err as Error | null)?.message))
}
