import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import type { StoredRole, UserDoc } from '../common/member-docs'
import { isDuplicate } from '../common/db-errors'

const col = (db: Db) => db.collection(COLLECTIONS.users)

export async function getUser(db: Db, openid: string): Promise<UserDoc | null> {
  return ((await col(db).doc(openid).get()).data as unknown as UserDoc[])[0] ?? null
}

/** Creates the user document if missing (concurrent callers both succeed). */
export async function ensureUser(db: Db, openid: string, now: number): Promise<void> {
  const doc: UserDoc = { _id: openid, rosterId: null, verifiedAt: null, roles: [], deletionRequestedAt: null, createdAt: now, updatedAt: now }
  try {
    await col(db).add(doc)
  } catch (e) {
    if (!isDuplicate(e)) throw e
  }
}

/** Records the binding only on a user bound to nothing (or already to this record). */
export async function claimRosterForUser(db: Db, openid: string, rosterId: string, now: number): Promise<boolean> {
  const _ = db.command
  const res = await col(db)
    .where({ _id: openid, rosterId: _.in([null, rosterId]) })
    .update({ rosterId, verifiedAt: now, deletionRequestedAt: null, updatedAt: now })
  return res.updated === 1
}

export async function clearBinding(db: Db, openid: string, now: number): Promise<void> {
  await col(db).doc(openid).update({ rosterId: null, verifiedAt: null, updatedAt: now })
}

export async function addRole(db: Db, openid: string, role: StoredRole, now: number): Promise<void> {
  await col(db).doc(openid).update({ roles: db.command.addToSet(role), updatedAt: now })
}

/** Retention: the account keeps only the deletion mark; binding and roles go. */
export async function markDeletion(db: Db, openid: string, now: number): Promise<void> {
  await col(db).doc(openid).update({ rosterId: null, verifiedAt: null, roles: db.command.set([]), deletionRequestedAt: now, updatedAt: now })
}
