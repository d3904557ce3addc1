import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import type { RosterDoc } from '../common/member-docs'
import { isDuplicate } from '../common/db-errors'

/** The roster fields an import writes; the binding and timestamps are the repository's business. */
export type RosterFields = Omit<RosterDoc, '_id' | 'boundOpenid' | 'importedAt' | 'updatedAt'>

const col = (db: Db) => db.collection(COLLECTIONS.roster)

export async function getRoster(db: Db, id: string): Promise<RosterDoc | null> {
  return ((await col(db).doc(id).get()).data as unknown as RosterDoc[])[0] ?? null
}

export async function findRosterByPhone(db: Db, phone: string): Promise<RosterDoc[]> {
  return (await col(db).where({ phone }).limit(10).get()).data as unknown as RosterDoc[]
}

export async function getRosterMany(db: Db, ids: string[]): Promise<Map<string, RosterDoc>> {
  const found = new Map<string, RosterDoc>()
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    const res = await col(db).where({ _id: db.command.in(chunk) }).limit(1000).get()
    for (const doc of res.data as unknown as RosterDoc[]) found.set(doc._id, doc)
  }
  return found
}

/** At most one openid per record: only an unbound record (or one already ours) can be taken. */
export async function bindRoster(db: Db, id: string, openid: string, now: number): Promise<boolean> {
  const res = await col(db).where({ _id: id, boundOpenid: null }).update({ boundOpenid: openid, updatedAt: now })
  return res.updated === 1
}

export async function unbindRoster(db: Db, id: string, openid: string, now: number): Promise<void> {
  await col(db).where({ _id: id, boundOpenid: openid }).update({ boundOpenid: null, updatedAt: now })
}

/** Inserts many new records in one call; throws on a duplicate card number (the caller falls back to one by one). */
export async function insertRoster(db: Db, rows: RosterFields[], now: number): Promise<void> {
  const docs = rows.map((r): RosterDoc => ({ _id: r.cardNo, ...r, boundOpenid: null, importedAt: now, updatedAt: now }))
  await col(db).add(docs)
}

/** Inserts one record; false when a record with this card number already exists. */
export async function insertRosterOne(db: Db, row: RosterFields, now: number): Promise<boolean> {
  try {
    await col(db).add({ _id: row.cardNo, ...row, boundOpenid: null, importedAt: now, updatedAt: now } satisfies RosterDoc)
    return true
  } catch (e) {
    if (isDuplicate(e)) return false
    throw e
  }
}

export async function updateRosterFields(db: Db, row: RosterFields, now: number): Promise<void> {
  const { cardNo, ...fields } = row
  await col(db).doc(cardNo).update({ ...fields, tags: db.command.set(fields.tags), updatedAt: now })
}

export interface RosterQuery {
  q?: string
  branch?: string
  tag?: string
}

function condition(db: Db, query: RosterQuery) {
  const _ = db.command
  const where: Record<string, unknown> = {}
  if (query.branch) where.branch = query.branch
  if (query.tag) where.tags = query.tag
  if (!query.q) return where
  const escaped = query.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return _.and([where, _.or([{ _id: query.q.toUpperCase() }, { name: db.RegExp({ regexp: `^${escaped}` }) }])])
}

export async function listRoster(db: Db, query: RosterQuery, page: number, pageSize: number): Promise<{ items: RosterDoc[]; total: number }> {
  const where = condition(db, query)
  const [res, count] = await Promise.all([
    col(db).where(where).orderBy('_id', 'asc').skip(page * pageSize).limit(pageSize).get(),
    col(db).where(where).count(),
  ])
  return { items: res.data as unknown as RosterDoc[], total: count.total ?? 0 }
}
