import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { isDuplicate } from '../common/db-errors'

/** `verify_attempts`: one fixed-window counter per key (`verify:<openid>`, `invite:<openid>`). */
interface AttemptDoc {
  _id: string
  windowStart: number
  count: number
}


/**
 * Takes one attempt out of `max` per `windowMs`, atomically: each step is one
 * conditional update, so concurrent attempts never exceed the budget.
 * Returns false when the budget of the current window is spent.
 */
export async function takeAttempt(db: Db, key: string, now: number, max: number, windowMs: number): Promise<boolean> {
  const _ = db.command
  const col = db.collection(COLLECTIONS.verifyAttempts)
  for (let round = 0; round < 3; round++) {
    const inWindow = await col.where({ _id: key, windowStart: _.gt(now - windowMs), count: _.lt(max) }).update({ count: _.inc(1) })
    if (inWindow.updated === 1) return true
    const fresh = await col.where({ _id: key, windowStart: _.lte(now - windowMs) }).update({ windowStart: now, count: 1 })
    if (fresh.updated === 1) return true
    try {
      await col.add({ _id: key, windowStart: now, count: 1 } satisfies AttemptDoc)
      return true
    } catch (e) {
      if (!isDuplicate(e)) throw e
      const existing = (await col.doc(key).get()).data as unknown as AttemptDoc[]
      if (existing[0] && existing[0].count >= max && existing[0].windowStart > now - windowMs) return false
    }
  }
  return false
}

/** The budget is spent for this window (read only: no attempt taken). */
export async function isLimited(db: Db, key: string, now: number, max: number, windowMs: number): Promise<boolean> {
  const doc = ((await db.collection(COLLECTIONS.verifyAttempts).doc(key).get()).data as unknown as AttemptDoc[])[0]
  return !!doc && doc.count >= max && doc.windowStart > now - windowMs
}

/** The counter of this key's window, or null before the first attempt. */
export async function attemptWindow(db: Db, key: string): Promise<{ count: number; windowStart: number } | null> {
  const doc = ((await db.collection(COLLECTIONS.verifyAttempts).doc(key).get()).data as unknown as AttemptDoc[])[0]
  return doc ? { count: doc.count, windowStart: doc.windowStart } : null
}
