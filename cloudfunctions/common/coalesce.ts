/**
 * The one mechanism behind the kit's batched reads and merged counters: work of
 * one lane (a database handle and a key) that arrives while a batch of that lane
 * is on its way waits for it, then goes together as the next batch. A caller
 * alone goes at once, so a quiet instance adds no wait; under a rush the batches
 * grow with the load and the round trips do not. Every item is sent after its
 * caller asked, and every caller waits for the batch that carries its item; a
 * failed batch fails every caller in it.
 *
 * It helps where one instance serves concurrent calls (the local host; SCF's
 * 单实例多并发); with one call per instance each item goes alone.
 */
import type { Db } from './db'

/** Sends one batch of a lane; answers one result per item, in order. */
export type SendBatch<I, R> = (db: Db, lane: string, items: I[]) => Promise<R[]>

interface Lane<I, R> {
  queue: { item: I; resolve(r: R): void; reject(e: unknown): void }[]
  busy: number
}

export function coalescer<I, R>(send: SendBatch<I, R>, maxBatch = Infinity): (db: Db, lane: string, item: I) => Promise<R> {
  const lanesPerDb = new WeakMap<object, Map<string, Lane<I, R>>>()

  function flush(db: Db, lanes: Map<string, Lane<I, R>>, key: string, lane: Lane<I, R>): void {
    const waiting = lane.queue
    lane.queue = []
    for (let i = 0; i < waiting.length; i += maxBatch) {
      const part = waiting.slice(i, i + maxBatch)
      lane.busy++
      send(
        db,
        key,
        part.map((w) => w.item),
      )
        .then(
          (results) => part.forEach((w, k) => w.resolve(results[k])),
          (e) => part.forEach((w) => w.reject(e)),
        )
        .finally(() => {
          if (--lane.busy > 0) return
          if (lane.queue.length) flush(db, lanes, key, lane)
          else lanes.delete(key)
        })
    }
  }

  return (db, key, item) => {
    let lanes = lanesPerDb.get(db)
    if (!lanes) lanesPerDb.set(db, (lanes = new Map()))
    let lane = lanes.get(key)
    if (!lane) lanes.set(key, (lane = { queue: [], busy: 0 }))
    const l = lane
    const m = lanes
    return new Promise<R>((resolve, reject) => {
      l.queue.push({ item, resolve, reject })
      if (l.busy === 0) flush(db, m, key, l)
    })
  }
}
