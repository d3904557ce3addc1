import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { Db } from '../../cloudfunctions/common/db'
import { createRosterRepository } from '../../cloudfunctions/member/roster.repository'
import { generateRoster, rosterDoc } from './roster-generator'

const BATCH = 100

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
