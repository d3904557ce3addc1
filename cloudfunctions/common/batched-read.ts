/**
 * Point reads that many concurrent calls on one warm instance make at once: her
 * roster record at 32 check-in desks, the session and her history at the
 * release rush. The reads of one kind that arrive while such a read is on its
 * way wait for it and then go together, ONE query for all their keys
 * (DataLoader's batching). A caller alone reads at once, so a quiet instance adds
 * no wait; under a rush the batches grow with the load and the round trips do not.
 *
 * Every read is sent after its caller asked for it, so it sees every write that
 * was acknowledged before (unlike joining a read already on its way, which
 * could answer from before the caller's own request). Nothing is kept: this is
 * not a cache. It helps where one instance serves concurrent calls (the local
 * host; SCF's 单实例多并发); with one call per instance each read goes alone.
 */
import type { Db } from './db'

/** Reads the given keys (at most `maxBatch`) in one query; keys not found are absent from the map. */
export type ReadMany<V> = (db: Db, keys: string[]) => Promise<Map<string, V>>

interface Lane<V> {
  queue: Map<string, { resolve(v: V | null): void; reject(e: unknown): void }[]>
  busy: number
}

export interface BatchedReader<V> {
  (db: Db, key: string): Promise<V | null>
}

export function batchedReader<V>(readMany: ReadMany<V>, maxBatch = 100): BatchedReader<V> {
  const lanes = new WeakMap<object, Lane<V>>()

  function flush(db: Db, lane: Lane<V>): void {
    const keys = [...lane.queue.keys()]
    const waiting = lane.queue
    lane.queue = new Map()
    for (let i = 0; i < keys.length; i += maxBatch) {
      const chunk = keys.slice(i, i + maxBatch)
      lane.busy++
      readMany(db, chunk).then(
        (found) => chunk.forEach((k) => waiting.get(k)!.forEach((w) => w.resolve(found.get(k) ?? null))),
        (e) => chunk.forEach((k) => waiting.get(k)!.forEach((w) => w.reject(e))),
      ).finally(() => {
        if (--lane.busy === 0 && lane.queue.size) flush(db, lane)
      })
    }
  }

  return (db, key) => {
    let lane = lanes.get(db)
    if (!lane) lanes.set(db, (lane = { queue: new Map(), busy: 0 }))
    const l = lane
    return new Promise<V | null>((resolve, reject) => {
      const list = l.queue.get(key)
      if (list) list.push({ resolve, reject })
      else l.queue.set(key, [{ resolve, reject }])
      if (l.busy === 0) flush(db, l)
    })
  }
}

/** Documents of `collection` by id, batched: `where({_id: in [...]})`, one query per batch. */
export function batchedById<T extends { _id: string }>(collection: string, maxBatch = 100): BatchedReader<T> {
  return batchedReader<T>(async (db, ids) => {
    const res = await db.collection(collection).where({ _id: ids.length === 1 ? ids[0] : db.command.in(ids) }).limit(ids.length).get()
    return new Map(((res.data ?? []) as T[]).map((d) => [d._id, d]))
  }, maxBatch)
}

/** Every document of `collection` whose `field` is the key (a person's bookings by openid), batched; [] for none. */
export function batchedByField<T extends Record<string, unknown>>(collection: string, field: string, maxBatch = 100): BatchedReader<T[]> {
  return batchedReader<T[]>(async (db, keys) => {
    const found = new Map<string, T[]>(keys.map((k) => [k, []]))
    for (let skip = 0; ; skip += 1000) {
      const page = ((await db.collection(collection).where({ [field]: keys.length === 1 ? keys[0] : db.command.in(keys) }).skip(skip).limit(1000).get()).data ?? []) as T[]
      for (const d of page) found.get(String(d[field]))?.push(d)
      if (page.length < 1000) return found
    }
  }, maxBatch)
}
