/**
 * The dashboard's stamp figures (total, members, per booth, per 15-minute
 * bucket) as counters kept beside the event, not a read of every stamp: at a
 * 10,000-visitor fair that is 300,000 documents per refresh. The stamp path
 * stays at 4 calls (nothing added to it): the events timer rolls the counters
 * up each minute from the stamps since their watermark (one indexed range
 * read), and the dashboard adds the few minutes after it. The watermark trails
 * the clock by LAG_MS so a stamp whose call is still in flight (its
 * `stampedAt` is the call's start) is not passed over.
 */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { insertOnce } from '../common/db-errors'
import { readAll } from '../common/paginate'
import { bucketOf } from './events.rules'

const LAG_MS = 60_000
const BATCH = 100

interface StampFigures {
  /** Stamps with `stampedAt` up to here are counted. */
  through: number
  stamps: number
  stampers: number
  perBooth: Record<string, number>
  perBucket: Record<string, number>
}

interface StampRow {
  openid: string
  boothId: string
  stampedAt: number
}

const empty = (): StampFigures => ({ through: 0, stamps: 0, stampers: 0, perBooth: {}, perBucket: {} })

function stampsAfter(db: Db, eventId: string, after: number, upTo?: number): Promise<StampRow[]> {
  const _ = db.command
  const range = upTo === undefined ? _.gt(after) : _.gt(after).and(_.lte(upTo))
  return readAll<StampRow>(
    db.collection(COLLECTIONS.eventStamps).where({ eventId, stampedAt: range }).field({ openid: true, boothId: true, stampedAt: true }),
  )
}

/** Which of these members already had a stamp at or before `before` (counted then). */
async function earlier(db: Db, eventId: string, openids: string[], before: number): Promise<Set<string>> {
  const out = new Set<string>()
  if (before <= 0) return out
  for (let i = 0; i < openids.length; i += BATCH) {
    const rows = await readAll<{ openid: string }>(
      db
        .collection(COLLECTIONS.eventStamps)
        .where({ eventId, openid: db.command.in(openids.slice(i, i + BATCH)), stampedAt: db.command.lte(before) })
        .field({ openid: true }),
    )
    for (const r of rows) out.add(r.openid)
  }
  return out
}

/** The counters with these stamps (all after `stats.through`) added. */
async function fold(db: Db, eventId: string, stats: StampFigures, rows: StampRow[], through: number): Promise<StampFigures> {
  const next: StampFigures = { ...stats, through, perBooth: { ...stats.perBooth }, perBucket: { ...stats.perBucket } }
  const members = [...new Set(rows.map((r) => r.openid))]
  const before = await earlier(db, eventId, members, stats.through)
  next.stamps += rows.length
  next.stampers += members.filter((m) => !before.has(m)).length
  for (const r of rows) {
    next.perBooth[r.boothId] = (next.perBooth[r.boothId] ?? 0) + 1
    const b = String(bucketOf(r.stampedAt))
    next.perBucket[b] = (next.perBucket[b] ?? 0) + 1
  }
  return next
}

async function stored(db: Db, eventId: string): Promise<StampFigures | null> {
  const doc = (await db.collection(COLLECTIONS.eventStampStats).doc(eventId).get()).data[0] as (StampFigures & { _id: string }) | undefined
  if (!doc) return null
  const { _id, ...stats } = doc
  return stats
}

/**
 * The timer's part (`rollUp`: moves the watermark up to `now - LAG_MS`; two ticks at once: the second's
 * write finds the watermark moved and is dropped) and the dashboard's (`figures`: the counters plus
 * the stamps after their watermark).
 */
export function createStampStats(db: Db) {
  return {
    async rollUp(eventId: string, now: number): Promise<void> {
      const prev = await stored(db, eventId)
      const base = prev ?? empty()
      const upTo = now - LAG_MS
      if (upTo <= base.through) return
      const next = await fold(db, eventId, base, await stampsAfter(db, eventId, base.through, upTo), upTo)
      const coll = db.collection(COLLECTIONS.eventStampStats)
      // No counters yet: created here; if another tick created them first, its figures stand.
      if (!prev) return void (await insertOnce(coll, { _id: eventId, ...next }))
      await coll
        .where({ _id: eventId, through: prev.through })
        .update({ ...next, perBooth: db.command.set(next.perBooth), perBucket: db.command.set(next.perBucket) })
    },

    async figures(eventId: string): Promise<StampFigures> {
      const base = (await stored(db, eventId)) ?? empty()
      return fold(db, eventId, base, await stampsAfter(db, eventId, base.through), base.through)
    },
  }
}

export type StampStats = ReturnType<typeof createStampStats>
