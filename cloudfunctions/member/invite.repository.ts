import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { insertOnce } from '../common/db-errors'
import { rowsOf } from '../common/paginate'
import type { InviteScope } from '~types/member'
import type { TablePage, TablePageRequest } from '~types/table'
import { readTablePage } from '../common/table-query'

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
  /**
   * Issue 18, absent on invites made before: `open` until used or revoked (已过期 is `open` past
   * `expiresAt`); the target's owner path, so an officer's table is her subtree's; `ref`, the handle
   * the table gives for 撤销 (random: neither the code nor its hash).
   */
  state?: 'open' | 'used' | 'revoked'
  unionPath?: string[]
  /** The owner itself (the path's last node): a move of that union rewrites `unionPath` (union-moves.ts). */
  unionId?: string | null
  ref?: string
  revokedAt?: number | null
  revokedBy?: string | null
}

/** The table's filters, as stored fields (officer-side: invite-admin.service.ts). */
export interface InviteQuery {
  scope: { unionPath?: string }
  state?: 'open' | 'used' | 'revoked' | 'expired'
  kind?: string
  now: number
}

export function createInviteRepository(db: Db) {
  const col = () => db.collection(COLLECTIONS.staffInvites)
  return {
    /** False when an invite with this id exists (the same request's code, made again). */
    insert: (doc: InviteDoc) => insertOnce(col(), doc),
    async get(id: string): Promise<InviteDoc | null> {
      return rowsOf<InviteDoc>(await col().doc(id).get())[0] ?? null
    },
    /** Single use: one conditional update decides between concurrent redeemers, and against a 撤销. */
    async use(id: string, openid: string, now: number, requestId: string | null): Promise<boolean> {
      const _ = db.command
      const res = await col()
        .where({ _id: id, usedBy: null, state: _.neq('revoked'), expiresAt: _.gt(now) })
        .update({ usedBy: openid, usedAt: now, usedRequest: requestId, state: 'used' })
      return res.updated === 1
    },
    async byRef(ref: string): Promise<InviteDoc | null> {
      return rowsOf<InviteDoc>(await col().where({ ref }).limit(1).get())[0] ?? null
    },
    /** 撤销: only while nobody has used it (the same conditional document a redeemer races on). */
    async revoke(id: string, by: string, now: number): Promise<boolean> {
      const _ = db.command
      const res = await col()
        .where({ _id: id, usedBy: null, state: _.neq('revoked') })
        .update({ state: 'revoked', revokedAt: now, revokedBy: by })
      return res.updated === 1
    },
    /** One page of the officers' table: 有效 and 已过期 are `open` on either side of now. */
    page(q: InviteQuery, req: TablePageRequest): Promise<TablePage<InviteDoc>> {
      const _ = db.command
      const where: Record<string, unknown> = { ...q.scope }
      if (q.state === 'open') Object.assign(where, { state: 'open', expiresAt: _.gt(q.now) })
      else if (q.state === 'expired') Object.assign(where, { state: 'open', expiresAt: _.lte(q.now) })
      else if (q.state) where.state = q.state
      if (q.kind) where['scope.kind'] = q.kind
      return readTablePage<InviteDoc>(col(), where, req, { field: 'createdAt', order: 'desc' })
    },
  }
}

export type InviteRepository = ReturnType<typeof createInviteRepository>
