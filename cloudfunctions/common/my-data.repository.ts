/**
 * Reads for a service's part of the member's data export (PIPL): her own
 * documents by openid, and the names of what they refer to (programmes, sites,
 * events, booths…) by id, never other members' records.
 */
import type { Db } from './db'
import { readAll } from './paginate'

export type Doc = Record<string, unknown> & { _id: string }

/** Every document of `coll` matching `filter` (hers: filter by her openid), typed as the caller's stored shape. */
export async function allOf<T extends { _id: string } = Doc>(db: Db, coll: string, filter: Record<string, unknown>): Promise<T[]> {
  return readAll<T>(db.collection(coll).where(filter))
}

/** Only the named fields of the documents with these ids (shared catalog data, never other members'), 100 ids per query. */
export async function fieldsByIds(db: Db, coll: string, ids: string[], fields: string[]): Promise<Map<string, Doc>> {
  const unique = [...new Set(ids.filter(Boolean))]
  const projection = Object.fromEntries(fields.map((f) => [f, true]))
  const out = new Map<string, Doc>()
  for (let i = 0; i < unique.length; i += 100) {
    const res = await db
      .collection(coll)
      .where({ _id: db.command.in(unique.slice(i, i + 100)) })
      .field(projection)
      .limit(100)
      .get()
    for (const d of res.data as Doc[]) out.set(d._id, d)
  }
  return out
}
