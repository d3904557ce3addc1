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

/** What `insertOnce` writes into: any collection of the SDK's database. */
interface Addable {
  add(doc: object): Promise<unknown>
}

/**
 * Adds `doc` under its deterministic `_id` unless that id exists; answers whether THIS call wrote it.
 * The one try/add/catch-duplicate of the kit: a duplicate is the signal, anything else is thrown.
 */
export async function insertOnce<D extends { _id: string }>(col: Addable, doc: D): Promise<boolean> {
  try {
    await col.add(doc)
    return true
  } catch (e) {
    if (isDuplicate(e)) return false
    throw e
  }
}
