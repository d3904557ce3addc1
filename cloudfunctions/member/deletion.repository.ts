import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'

/** `deletion_requests`: what the union must act on (PIPL: erase within the statutory period). */
export interface DeletionRequestDoc {
  _id: string // `${openid}:${requestedAt}`
  openid: string
  rosterId: string | null
  requestedAt: number
  status: 'pending'
}

export async function recordDeletionRequest(db: Db, doc: DeletionRequestDoc): Promise<void> {
  await db.collection(COLLECTIONS.deletionRequests).add(doc)
}
