import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { insertOnce } from '../common/db-errors'
import { rowsOf } from '../common/paginate'
import type { InviteScope } from '~types/member'

/** `staff_invites`; `_id` is the SHA-256 of the code, so the stored data never reveals a usable code. */
export interface InviteDoc {
  _id: string
  /** Staff of an event, site or merchant, or an officer of a union (issue 20). */
  scope: InviteScope
  createdBy: string
  createdAt: number
  expiresAt: number
  usedBy: string | null
  usedAt: number | null
  /** The request that used it: a retry of that request answers its outcome, never "already used". */
  usedRequest?: string | null
}

export function createInviteRepository(db: Db) {
  const col = () => db.collection(COLLECTIONS.staffInvites)
  return {
    /** False when an invite with this id exists (the same request's code, made again). */
    insert: (doc: InviteDoc) => insertOnce(col(), doc),
    async get(id: string): Promise<InviteDoc | null> {
      return rowsOf<InviteDoc>(await col().doc(id).get())[0] ?? null
    },
    /** Single use: one conditional update decides between concurrent redeemers. */
    async use(id: string, openid: string, now: number, requestId: string | null): Promise<boolean> {
      const res = await col()
        .where({ _id: id, usedBy: null, expiresAt: db.command.gt(now) })
        .update({ usedBy: openid, usedAt: now, usedRequest: requestId })
      return res.updated === 1
    },
  }
}

export type InviteRepository = ReturnType<typeof createInviteRepository>
