/** Who a scanned code stands for, as staff may see them: a masked name only. */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { maskName } from '../common/mask'
import type { RosterDoc, UserDoc } from '../common/member-docs'

export async function memberName(db: Db, openid: string, masked = true): Promise<string | null> {
  const user = (await db.collection(COLLECTIONS.users).doc(openid).get()).data[0] as UserDoc | undefined
  if (!user?.verifiedAt || !user.rosterId) return null
  const roster = (await db.collection(COLLECTIONS.roster).doc(user.rosterId).get()).data[0] as RosterDoc | undefined
  if (!roster || roster.boundOpenid !== openid) return null
  return masked ? maskName(roster.name) : roster.name
}
