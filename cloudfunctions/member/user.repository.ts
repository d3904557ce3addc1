import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { insertOnce } from '../common/db-errors'
import type { StoredRole, UserDoc } from '../common/member-docs'
import { rowsOf } from '../common/paginate'

/** The user document as member writes it: the request that bound or unbound her last, for a retry to read back. */
interface UserRecord extends UserDoc {
  verifyRequest?: string | null
  unbindRequest?: string | null
}

/** `users`: her account, its binding to a roster record, and her roles. */
export function createUserRepository(db: Db) {
  const col = () => db.collection(COLLECTIONS.users)
  return {
    async get(openid: string): Promise<UserRecord | null> {
      return rowsOf<UserRecord>(await col().doc(openid).get())[0] ?? null
    },
    /** Creates the user document if missing (concurrent callers both succeed). */
    async ensure(openid: string, now: number): Promise<void> {
      const doc: UserDoc = {
        _id: openid,
        rosterId: null,
        verifiedAt: null,
        roles: [],
        deletionRequestedAt: null,
        createdAt: now,
        updatedAt: now,
      }
      await insertOnce(col(), doc)
    },
    /** Records the binding only on a user bound to nothing (or already to this record). */
    async claimRoster(openid: string, rosterId: string, now: number, requestId: string | null): Promise<boolean> {
      const res = await col()
        .where({ _id: openid, rosterId: db.command.in([null, rosterId]) })
        .update({ rosterId, verifiedAt: now, deletionRequestedAt: null, verifyRequest: requestId, updatedAt: now })
      return res.updated === 1
    },
    async clearBinding(openid: string, now: number, requestId: string | null): Promise<void> {
      await col().doc(openid).update({ rosterId: null, verifiedAt: null, unbindRequest: requestId, updatedAt: now })
    },
    async addRole(openid: string, role: StoredRole, now: number): Promise<void> {
      await col()
        .doc(openid)
        .update({ roles: db.command.addToSet(role), updatedAt: now })
    },
    /**
     * An officer of `unionId` (issue 20): replaces any officer role she held (one node per officer),
     * keeps her staff roles. Setting the same role again changes nothing.
     */
    async setOfficer(openid: string, unionId: string, now: number): Promise<void> {
      const roles = (await this.get(openid))?.roles ?? []
      const next: StoredRole[] = [...roles.filter((r) => r.role !== 'officer'), { role: 'officer', unionId }]
      await col()
        .doc(openid)
        .update({ roles: db.command.set(next), updatedAt: now })
    },
    /** Her request is noted; she stays a member (binding, roles) until the union carries it out. */
    async markDeletionRequested(openid: string, requestedAt: number): Promise<void> {
      await col().doc(openid).update({ deletionRequestedAt: requestedAt, updatedAt: requestedAt })
    },
    /** Retention, once the union carries it out: the account keeps only the deletion mark; binding and roles go. */
    async markDeletion(openid: string, requestedAt: number): Promise<void> {
      await col()
        .doc(openid)
        .update({ rosterId: null, verifiedAt: null, roles: db.command.set([]), deletionRequestedAt: requestedAt, updatedAt: requestedAt })
    },
  }
}

export type UserRepository = ReturnType<typeof createUserRepository>
