import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { insertOnce } from '../common/db-errors'
import type { RosterDoc } from '../common/member-docs'
import { PAGE_MAX, rowsOf } from '../common/paginate'

/** The roster fields an import writes; the binding and timestamps are the repository's business. */
export type RosterFields = Omit<RosterDoc, '_id' | 'boundOpenid' | 'importedAt' | 'updatedAt'>

interface RosterQuery {
  q?: string
  branch?: string
  tag?: string
  /** Her subtree (unions.ts ownedWhere). */
  unionPath?: string
}

const fresh = (row: RosterFields, now: number): RosterDoc => ({
  _id: row.cardNo,
  ...row,
  boundOpenid: null,
  importedAt: now,
  updatedAt: now,
})

function condition(db: Db, query: RosterQuery) {
  const _ = db.command
  const where: Record<string, unknown> = {}
  if (query.unionPath) where.unionPath = query.unionPath
  if (query.branch) where.branch = query.branch
  if (query.tag) where.tags = query.tag
  if (!query.q) return where
  const escaped = query.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return _.and([where, _.or([{ _id: query.q.toUpperCase() }, { name: db.RegExp({ regexp: `^${escaped}` }) }])])
}

/** `roster`: the union's register, keyed by member card number. */
export function createRosterRepository(db: Db) {
  const col = () => db.collection(COLLECTIONS.roster)
  return {
    async get(id: string): Promise<RosterDoc | null> {
      return rowsOf<RosterDoc>(await col().doc(id).get())[0] ?? null
    },
    async byPhone(phone: string): Promise<RosterDoc[]> {
      return rowsOf<RosterDoc>(await col().where({ phone }).limit(10).get())
    },
    async many(ids: string[]): Promise<Map<string, RosterDoc>> {
      const found = new Map<string, RosterDoc>()
      for (let i = 0; i < ids.length; i += 500) {
        const res = await col()
          .where({ _id: db.command.in(ids.slice(i, i + 500)) })
          .limit(1000)
          .get()
        for (const doc of rowsOf<RosterDoc>(res)) found.set(doc._id, doc)
      }
      return found
    },
    /** At most one openid per record: only an unbound record can be taken. */
    async bind(id: string, openid: string, now: number): Promise<boolean> {
      return (await col().where({ _id: id, boundOpenid: null }).update({ boundOpenid: openid, updatedAt: now })).updated === 1
    },
    async unbind(id: string, openid: string, now: number): Promise<void> {
      await col().where({ _id: id, boundOpenid: openid }).update({ boundOpenid: null, updatedAt: now })
    },
    /** Every record still bound to her goes free (the roster side of an unbinding that died half way). */
    async release(openid: string, now: number): Promise<void> {
      await col().where({ boundOpenid: openid }).update({ boundOpenid: null, updatedAt: now })
    },
    /** Inserts many new records in one call; throws on a duplicate card number (the caller falls back to one by one). */
    async insertMany(rows: RosterFields[], now: number): Promise<void> {
      await col().add(rows.map((r) => fresh(r, now)))
    },
    /** Inserts one record; false when a record with this card number already exists. */
    insertOne: (row: RosterFields, now: number): Promise<boolean> => insertOnce(col(), fresh(row, now)),
    /** `before`: the record as read; a changed union adds her old place to `unionMoves`. */
    async updateFields(row: RosterFields, now: number, before?: RosterDoc): Promise<void> {
      const { cardNo, unionMoves: _m, ...fields } = row
      const _ = db.command
      const moved = before && row.unionId !== undefined && (before.unionId ?? null) !== (row.unionId ?? null)
      const move = moved ? { unionId: before.unionId ?? null, branch: before.branch, until: now } : null
      await col()
        .doc(cardNo)
        .update({
          ...fields,
          tags: _.set(fields.tags),
          ...(fields.unionPath ? { unionPath: _.set(fields.unionPath) } : {}),
          ...(move ? { unionMoves: _.push(move) } : {}),
          updatedAt: now,
        })
    },
    /**
     * An officer's correction: the whole record as corrected, written only if nobody changed it since she read
     * it (false: an import or another officer came first). A new union keeps her old place in `unionMoves`.
     */
    async correct(before: RosterDoc, row: RosterFields, now: number): Promise<boolean> {
      const { cardNo, unionMoves: _m, ...fields } = row
      const _ = db.command
      const moved = (before.unionId ?? null) !== (row.unionId ?? null)
      const move = { unionId: before.unionId ?? null, branch: before.branch, until: now }
      const res = await col()
        .where({ _id: cardNo, updatedAt: before.updatedAt })
        .update({
          ...fields,
          tags: _.set(fields.tags),
          unionPath: _.set(fields.unionPath ?? []),
          ...(moved ? { unionMoves: _.push(move) } : {}),
          updatedAt: now,
        })
      return res.updated === 1
    },
    /**
     * Up to `limit` records the query matches after the card number `after`, in card order: an export's part.
     * Walked 1,000 at a time (PAGE_MAX) from the last card read rather than by `skip`, so a late part of a
     * big union's roster costs what the first did.
     */
    async listFrom(query: RosterQuery, after: string | null, limit: number): Promise<RosterDoc[]> {
      const _ = db.command
      const where = condition(db, query)
      const out: RosterDoc[] = []
      for (let last = after; out.length < limit;) {
        const want = Math.min(PAGE_MAX, limit - out.length)
        const from = last === null ? where : _.and([where, { _id: _.gt(last) }])
        const page = rowsOf<RosterDoc>(await col().where(from).orderBy('_id', 'asc').limit(want).get())
        out.push(...page)
        if (page.length < want) break
        last = page[page.length - 1]._id
      }
      return out
    },
    async count(query: RosterQuery): Promise<number> {
      return (await col().where(condition(db, query)).count()).total ?? 0
    },
    async list(query: RosterQuery, page: number, pageSize: number): Promise<{ items: RosterDoc[]; total: number }> {
      const where = condition(db, query)
      const [res, count] = await Promise.all([
        col()
          .where(where)
          .orderBy('_id', 'asc')
          .skip(page * pageSize)
          .limit(pageSize)
          .get(),
        col().where(where).count(),
      ])
      return { items: rowsOf<RosterDoc>(res), total: count.total ?? 0 }
    },
  }
}

export type RosterRepository = ReturnType<typeof createRosterRepository>
