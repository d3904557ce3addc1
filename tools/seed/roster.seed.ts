import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { Db } from '../../cloudfunctions/common/db'
import { createRosterRepository } from '../../cloudfunctions/member/roster.repository'
import { readAll } from '../../cloudfunctions/common/paginate'
import { generateRoster, rosterDoc } from './roster-generator'
import { unionDocs } from './union-structure'

const BATCH = 100

/** The union tree itself (issue 20): inserts only the nodes not yet there. */
export async function seedUnions(db: Db, now: number): Promise<number> {
  const docs = unionDocs(now)
  const have = await readAll<{ _id: string }>(
    db
      .collection(COLLECTIONS.unions)
      .where({ _id: db.command.in(docs.map((d) => d._id)) })
      .field({ _id: true }),
  )
  const known = new Set(have.map((d) => d._id))
  const missing = docs.filter((d) => !known.has(d._id))
  if (missing.length) await db.collection(COLLECTIONS.unions).add(missing)
  return missing.length
}

/** The generated members of every grassroots union; inserts only card numbers not yet on the roster. */
export async function seedRoster(db: Db, now: number): Promise<number> {
  const rows = generateRoster(now)
  const existing = await createRosterRepository(db).many(rows.map((r) => r.cardNo))
  const missing = rows.filter((r) => !existing.has(r.cardNo))
  for (let i = 0; i < missing.length; i += BATCH) {
    await db.collection(COLLECTIONS.roster).add(missing.slice(i, i + BATCH).map((r) => rosterDoc(r, null, now)))
  }
  return missing.length
}
