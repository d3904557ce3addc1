/**
 * Read-only access to what other services store about one member, for the
 * owner's data export (PIPL). Queries are by the caller's openid only; the
 * names of programmes, sites, events, booths… are looked up by id.
 */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'

const PAGE = 1000

type Doc = Record<string, unknown> & { _id: string }

/** Every document of `coll` matching `filter`: get() returns at most 1000 per call. */
export async function allOf(db: Db, coll: string, filter: Record<string, unknown>): Promise<Doc[]> {
  const out: Doc[] = []
  for (let skip = 0; ; skip += PAGE) {
    const res = await db.collection(coll).where(filter).skip(skip).limit(PAGE).get()
    const page = res.data as Doc[]
    out.push(...page)
    if (page.length < PAGE) return out
  }
}

/** Only the named fields of the documents with these ids (shared catalog data, never other members'), 100 ids per query. */
export async function fieldsByIds(db: Db, coll: string, ids: string[], fields: string[]): Promise<Map<string, Doc>> {
  const unique = [...new Set(ids.filter(Boolean))]
  const projection = Object.fromEntries(fields.map((f) => [f, true]))
  const out = new Map<string, Doc>()
  for (let i = 0; i < unique.length; i += 100) {
    const res = await db.collection(coll).where({ _id: db.command.in(unique.slice(i, i + 100)) }).field(projection).limit(100).get()
    for (const d of res.data as Doc[]) out.set(d._id, d)
  }
  return out
}

export const screeningRecordsOf = async (db: Db, openid: string) => {
  const [bookings, waitlist, results, notices, optin] = await Promise.all([
    allOf(db, COLLECTIONS.screeningBookings, { openid }),
    allOf(db, COLLECTIONS.screeningWaitlist, { openid }),
    allOf(db, COLLECTIONS.screeningResults, { openid }),
    allOf(db, COLLECTIONS.outbox, { openid }),
    fieldsByIds(db, COLLECTIONS.noticeOptins, [openid], ['credits']),
  ])
  return { bookings, waitlist, results, notices, optin: optin.get(openid) ?? null }
}

export const eventRecordsOf = async (db: Db, openid: string) => {
  const [signUps, stamps, redemptions, checkIns] = await Promise.all([
    allOf(db, COLLECTIONS.eventSignups, { openid }),
    allOf(db, COLLECTIONS.eventStamps, { openid }),
    allOf(db, COLLECTIONS.eventRedemptions, { openid }),
    allOf(db, COLLECTIONS.eventCheckins, { openid }),
  ])
  return { signUps, stamps, redemptions, checkIns }
}
