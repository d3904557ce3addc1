/**
 * Point reads that many concurrent calls on one warm instance make at once: her
 * roster record at 32 check-in desks, the session and her history at the
 * release rush. The reads of one kind that arrive while such a read is on its
 * way wait for it and then go together, ONE query for all their keys
 * (DataLoader's batching, on the kit's coalescer: coalesce.ts).
 *
 * Every read is sent after its caller asked for it, so it sees every write that
 * was acknowledged before (unlike joining a read already on its way, which
 * could answer from before the caller's own request). Nothing is kept: this is
 * not a cache.
 */
import { coalescer } from './coalesce'
import type { Db } from './db'

/** Reads the given keys (at most `maxBatch`) in one query; keys not found are absent from the map. */
export type ReadMany<V> = (db: Db, keys: string[]) => Promise<Map<string, V>>

export interface BatchedReader<V> {
  (db: Db, key: string): Promise<V | null>
}

/** A reader whose concurrent reads go as one `readMany` per batch (coalesce.ts), each key read once per batch. */
export function batchedReader<V>(readMany: ReadMany<V>, maxBatch = 100): BatchedReader<V> {
  const reads = coalescer<string, V | null>(async (db, _lane, keys) => {
    const found = await readMany(db, [...new Set(keys)])
    return keys.map((k) => found.get(k) ?? null)
  }, maxBatch)
  return (db, key) => reads(db, '', key)
}

/** Documents of `collection` by id, batched: `where({_id: in [...]})`, one query per batch. */
export function batchedById<T extends { _id: string }>(collection: string, maxBatch = 100): BatchedReader<T> {
  return batchedReader<T>(async (db, ids) => {
    const res = await db
      .collection(collection)
      .where({ _id: ids.length === 1 ? ids[0] : db.command.in(ids) })
      .limit(ids.length)
      .get()
    return new Map(((res.data ?? []) as T[]).map((d) => [d._id, d]))
  }, maxBatch)
}

/** Every document of `collection` whose `field` is the key (a person's bookings by openid), batched; [] for none. */
export function batchedByField<T extends Record<string, unknown>>(collection: string, field: string, maxBatch = 100): BatchedReader<T[]> {
  return batchedReader<T[]>(async (db, keys) => {
    const found = new Map<string, T[]>(keys.map((k) => [k, []]))
    for (let skip = 0; ; skip += 1000) {
      const page = ((
        await db
          .collection(collection)
          .where({ [field]: keys.length === 1 ? keys[0] : db.command.in(keys) })
          .skip(skip)
          .limit(1000)
          .get()
      ).data ?? []) as T[]
      for (const d of page) found.get(String(d[field]))?.push(d)
      if (page.length < 1000) return found
    }
  }, maxBatch)
}
