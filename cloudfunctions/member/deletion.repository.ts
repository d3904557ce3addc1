import { createHash } from 'node:crypto'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { readAll } from '../common/paginate'
import type { DeletionState, ErasureOutcomeDTO } from '../../types/member'

/** `deletion_requests`: the officers' queue (PIPL: erase what may be erased, record what is kept and why). */
export interface DeletionRequestDoc {
  _id: string // not the openid: officers' screens carry this id
  openid: string
  rosterId: string | null
  requestedAt: number
  status: DeletionState
  processedAt?: number | null
  processedBy?: string | null
  outcome?: ErasureOutcomeDTO | null
}

const col = (db: Db) => db.collection(COLLECTIONS.deletionRequests)

export function deletionId(openid: string, requestedAt: number): string {
  return `del-${createHash('sha256').update(`${openid}:${requestedAt}`).digest('hex').slice(0, 24)}`
}

export async function recordDeletionRequest(db: Db, doc: DeletionRequestDoc): Promise<void> {
  await col(db).add(doc)
}

export async function getDeletionRequest(db: Db, id: string): Promise<DeletionRequestDoc | null> {
  return ((await col(db).doc(id).get()).data as unknown as DeletionRequestDoc[])[0] ?? null
}

/** Her latest request, if any. */
export async function latestDeletionRequest(db: Db, openid: string): Promise<DeletionRequestDoc | null> {
  const res = await col(db).where({ openid }).orderBy('requestedAt', 'desc').limit(1).get()
  return (res.data as unknown as DeletionRequestDoc[])[0] ?? null
}

export async function deletionQueue(db: Db, open: boolean): Promise<DeletionRequestDoc[]> {
  const where = open ? { status: db.command.in(['pending', 'partly']) } : {}
  return readAll<DeletionRequestDoc>(col(db).where(where))
}

/** Records the outcome only on a request still open: two officers pressing at once record one outcome. */
export async function settleDeletionRequest(db: Db, doc: DeletionRequestDoc, change: Pick<DeletionRequestDoc, 'status' | 'processedAt' | 'processedBy' | 'outcome'>): Promise<boolean> {
  const res = await col(db).where({ _id: doc._id, status: doc.status, processedAt: doc.processedAt ?? null }).update({ ...change, outcome: db.command.set(change.outcome ?? null) })
  return res.updated === 1
}
