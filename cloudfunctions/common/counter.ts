/**
 * Counters that many concurrent calls on one warm instance move at once: a
 * checkpoint's check-ins from 32 desks, a mixer's badge numbers, a place's
 * waiting-list numbers. The increments that arrive while one update of the same
 * counter is on its way are merged into the next one (coalesce.ts): ONE `$inc`
 * of their sum that returns the new value, from which each caller gets its own
 * exact value (handed out in arrival order), as if each had made its own update.
 * Nothing is acknowledged early, and a failed update fails every caller in it
 * (none of them was counted: it is one atomic update). Fewer writes also spare
 * the hot document the contention of many small updates.
 */
import { coalescer } from './coalesce'
import type { Db } from './db'

interface Bump {
  collection: string
  docId: string
  field: string
  by: number
}

const bumps = coalescer<Bump, number | null>(async (db, _lane, items) => {
  const { collection, docId, field } = items[0]
  const total = items.reduce((s, b) => s + b.by, 0)
  const r = await db
    .collection(collection)
    .where({ _id: docId })
    .updateAndReturn({ [field]: db.command.inc(total) })
  const after = (r.doc as Record<string, unknown> | null)?.[field]
  if (typeof after !== 'number') return items.map(() => null)
  let value = after - total
  return items.map((b) => (value += b.by))
})

/**
 * Adds `by` to `field` of document `docId`; resolves with the field's value right
 * after this caller's own increment (its number, for a sequence), or null when
 * there is no such document.
 */
export function bumpCounter(db: Db, collection: string, docId: string, field: string, by = 1): Promise<number | null> {
  return bumps(db, `${collection}\u0000${docId}\u0000${field}`, { collection, docId, field, by })
}
