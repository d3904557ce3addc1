/**
 * One answer to "did this insert clash with an existing `_id`?". Deterministic
 * ledger ids make a duplicate insert THE signal that a claim already exists, so
 * every service must read that signal the same way. CloudBase (and the emulator,
 * which copies it) reports DATABASE_DUPLICATE_WRITE with an E11000 message.
 */
export function isDuplicate(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null
  return /DUPLICATE/i.test(String(e?.code ?? '')) || /duplicate key|E11000|DuplicateWrite/i.test(String(e?.message ?? ''))
}
