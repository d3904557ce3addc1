import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { insertOnce } from '../common/db-errors'
import { rowsOf } from '../common/paginate'

/** `verify_attempts`: one fixed-window counter per key (`verify:<openid>`, `invite:<openid>`). */
interface AttemptDoc {
  _id: string
  windowStart: number
  count: number
}

/** A budget of `max` attempts per `windowMs` for each key. */
interface AttemptBudget {
  max: number
  windowMs: number
}

export function createAttemptCounter(db: Db) {
  const col = () => db.collection(COLLECTIONS.verifyAttempts)
  const read = async (key: string) => rowsOf<AttemptDoc>(await col().doc(key).get())[0]
  const spent = (doc: AttemptDoc | undefined, now: number, b: AttemptBudget) =>
    !!doc && doc.count >= b.max && doc.windowStart > now - b.windowMs
  return {
    /**
     * Takes one attempt out of the budget, atomically: each step is one conditional update, so
     * concurrent attempts never exceed it. False when the budget of the current window is spent.
     */
    async take(key: string, now: number, b: AttemptBudget): Promise<boolean> {
      const _ = db.command
      for (let round = 0; round < 3; round++) {
        if (
          (
            await col()
              .where({ _id: key, windowStart: _.gt(now - b.windowMs), count: _.lt(b.max) })
              .update({ count: _.inc(1) })
          ).updated === 1
        )
          return true
        if (
          (
            await col()
              .where({ _id: key, windowStart: _.lte(now - b.windowMs) })
              .update({ windowStart: now, count: 1 })
          ).updated === 1
        )
          return true
        const first: AttemptDoc = { _id: key, windowStart: now, count: 1 }
        if (await insertOnce(col(), first)) return true
        if (spent(await read(key), now, b)) return false
      }
      return false
    },
    /** The budget is spent for this window (read only: no attempt taken). */
    isLimited: async (key: string, now: number, b: AttemptBudget): Promise<boolean> => spent(await read(key), now, b),
    /** The counter of this key's window, or null before the first attempt. */
    async window(key: string): Promise<{ count: number; windowStart: number } | null> {
      const doc = await read(key)
      return doc ? { count: doc.count, windowStart: doc.windowStart } : null
    },
  }
}

export type AttemptCounter = ReturnType<typeof createAttemptCounter>
