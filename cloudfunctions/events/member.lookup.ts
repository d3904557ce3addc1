/** Who a scanned code stands for, as staff may see them: a masked name only (the kit's roster lookup, one read). */
import type { Db } from '../common/db'
import { maskName } from '../common/mask'
import { createRosterLookup } from '../common/roster-lookup'

export async function memberName(db: Db, openid: string, masked = true): Promise<string | null> {
  const roster = await createRosterLookup({ db }).one(openid)
  if (!roster) return null
  return masked ? maskName(roster.name) : roster.name
}
