import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import type { StaffScope } from '../common/member-docs'

/** `staff_invites`; `_id` is the SHA-256 of the code, so the stored data never reveals a usable code. */
export interface InviteDoc {
  _id: string
  scope: StaffScope
  createdBy: string
  createdAt: number
  expiresAt: number
  usedBy: string | null
  usedAt: number | null
}

const col = (db: Db) => db.collection(COLLECTIONS.staffInvites)

export async function insertInvite(db: Db, doc: InviteDoc): Promise<void> {
  await col(db).add(doc)
}

export async function getInvite(db: Db, id: string): Promise<InviteDoc | null> {
  return ((await col(db).doc(id).get()).data as unknown as InviteDoc[])[0] ?? null
}

/** Single use: one conditional update decides between concurrent redeemers. */
export async function useInvite(db: Db, id: string, openid: string, now: number): Promise<boolean> {
  const res = await col(db).where({ _id: id, usedBy: null, expiresAt: db.command.gt(now) }).update({ usedBy: openid, usedAt: now })
  return res.updated === 1
}
