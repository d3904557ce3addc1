/**
 * Counters that many concurrent calls on one warm instance move at once: a
 * checkpoint's check-ins from 32 desks, a mixer's badge numbers, a place's
 * waiting-list numbers. The increments that arrive while one update of the same
 * counter is on its way are merged into the next one: ONE `$inc` of their sum
 * that returns the new value, from which each caller gets its own exact value
 * (handed out in arrival order), as if each had made its own update.
 *
 * Nothing is acknowledged early: every caller waits until the update holding
 * its increment is stored, and if that update fails, every caller in it gets
 * the failure (none of them was counted: it is one atomic update). A caller
 * alone sends at once, so a quiet instance adds no wait. Fewer writes also
 * spare the hot document the contention of many small updates.
 */
import type { Db } from './db'

interface Waiting {
  by: number
  resolve(value: number | null): void
  reject(e: unknown): void
}

interface Lane {
  queue: Waiting[]
  sending: boolean
}

const lanesPerDb = new WeakMap<object, Map<string, Lane>>()

async function send(db: Db, lanes: Map<string, Lane>, key: string, lane: Lane, collection: string, docId: string, field: string): Promise<void> {
  const batch = lane.queue
  lane.queue = []
  lane.sending = true
  const total = batch.reduce((s, w) => s + w.by, 0)
  try {
    const r = await db.collection(collection).where({ _id: docId }).updateAndReturn({ [field]: db.command.inc(total) })
    const after = (r.doc as Record<string, unknown> | null)?.[field]
    let value = typeof after === 'number' ? after - total : null
    for (const w of batch) {
      if (value === null) w.resolve(null)
      else w.resolve((value += w.by))
    }
  } catch (e) {
    for (const w of batch) w.reject(e)
  }
  lane.sending = false
  if (lane.queue.length) void send(db, lanes, key, lane, collection, docId, field)
  else lanes.delete(key)
}

/**
 * Adds `by` to `field` of document `docId`; resolves with the field's value right
 * after this caller's own increment (its number, for a sequence), or null when
 * there is no such document.
 */
export function bumpCounter(db: Db, collection: string, docId: string, field: string, by = 1): Promise<number | null> {
  let lanes = lanesPerDb.get(db)
  if (!lanes) lanesPerDb.set(db, (lanes = new Map()))
  const key = `${collection}\u0000${docId}\u0000${field}`
  let lane = lanes.get(key)
  if (!lane) lanes.set(key, (lane = { queue: [], sending: false }))
  const l = lane
  const m = lanes
  return new Promise((resolve, reject) => {
    l.queue.push({ by, resolve, reject })
    if (!l.sending) void send(db, m, key, l, collection, docId, field)
  })
}
