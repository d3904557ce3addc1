import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { Db } from '../../cloudfunctions/common/db'
import type { StoredRole, UserDoc } from '../../cloudfunctions/common/member-docs'
import { createRosterRepository } from '../../cloudfunctions/member/roster.repository'
import { DEMO_IDENTITIES } from './demo-identities'
import { CITY_UNION_ID } from './union-structure'
import { DEMO_ROSTER, rosterDoc, UNVERIFIED_DEMO } from './roster-generator'

/** The staff scopes and roles of the demo identities; other seeds create the matching merchant, event and site. */
export const DEMO_ROLES: Record<string, StoredRole[]> = {
  'demo-cashier': [{ role: 'staff', scope: { kind: 'merchant', id: 'merchant-suguo-xjk', name: '苏果超市（新街口店）' } }],
  'demo-event-staff': [{ role: 'staff', scope: { kind: 'event', id: 'event-fair-2027', name: '跟着劳模赶大集' } }],
  'demo-nurse': [{ role: 'staff', scope: { kind: 'site', id: 'site-fuyou', name: '妇女保健科（南京市妇幼保健院）' } }],
  'demo-officer': [{ role: 'officer', unionId: CITY_UNION_ID }],
  'demo-district-officer': [{ role: 'officer', unionId: 'u-qinhuai' }],
  'demo-grassroots-officer': [{ role: 'officer', unionId: 'u-qh-meituan' }],
}

async function missingIds(db: Db, collection: string, ids: string[]): Promise<Set<string>> {
  const res = await db
    .collection(collection)
    .where({ _id: db.command.in(ids) })
    .limit(1000)
    .get()
  const have = new Set((res.data as { _id: string }[]).map((d) => d._id))
  return new Set(ids.filter((id) => !have.has(id)))
}

/** Demo people: roster records (bound unless still to verify) and user documents with their roles. Inserts only what is missing. */
export async function seedDemoAccounts(db: Db, now: number): Promise<number> {
  const people = DEMO_IDENTITIES.map((d) => ({ openid: d.openid, row: DEMO_ROSTER[d.openid] }))
  const existing = await createRosterRepository(db).many(people.map((p) => p.row.cardNo))
  const records = people.filter((p) => !existing.has(p.row.cardNo))
  const verified = (openid: string) => !UNVERIFIED_DEMO.has(openid)
  if (records.length)
    await db.collection(COLLECTIONS.roster).add(records.map((p) => rosterDoc(p.row, verified(p.openid) ? p.openid : null, now)))
  const absent = await missingIds(
    db,
    COLLECTIONS.users,
    people.map((p) => p.openid),
  )
  const users = people
    .filter((p) => absent.has(p.openid) && (verified(p.openid) || DEMO_ROLES[p.openid]))
    .map((p): UserDoc => ({
      _id: p.openid,
      rosterId: verified(p.openid) ? p.row.cardNo : null,
      verifiedAt: verified(p.openid) ? now : null,
      roles: DEMO_ROLES[p.openid] ?? [],
      deletionRequestedAt: null,
      createdAt: now,
      updatedAt: now,
    }))
  if (users.length) await db.collection(COLLECTIONS.users).add(users)
  return records.length + users.length
}
