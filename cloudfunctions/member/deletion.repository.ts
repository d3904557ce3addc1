import { createHash } from 'node:crypto'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { insertOnce } from '../common/db-errors'
import { readAll, rowsOf } from '../common/paginate'
import type { DeletionState, ErasureOutcomeDTO } from '~types/member'

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
  /** Her request that asked, and the officer's that settled it: a retry of either reads its outcome here. */
  requestId?: string | null
  processRequest?: string | null
}

export type DeletionChange = Pick<DeletionRequestDoc, 'status' | 'processedAt' | 'processedBy' | 'outcome' | 'processRequest'>

export function deletionId(openid: string, requestedAt: number): string {
  return `del-${createHash('sha256').update(`${openid}:${requestedAt}`).digest('hex').slice(0, 24)}`
}

export function createDeletionRepository(db: Db) {
  const col = () => db.collection(COLLECTIONS.deletionRequests)
  return {
    record: (doc: DeletionRequestDoc) => insertOnce(col(), doc),
    async get(id: string): Promise<DeletionRequestDoc | null> {
      return rowsOf<DeletionRequestDoc>(await col().doc(id).get())[0] ?? null
    },
    /** Her latest request, if any. */
    async latest(openid: string): Promise<DeletionRequestDoc | null> {
      return rowsOf<DeletionRequestDoc>(await col().where({ openid }).orderBy('requestedAt', 'desc').limit(1).get())[0] ?? null
    },
    queue(open: boolean): Promise<DeletionRequestDoc[]> {
      return readAll<DeletionRequestDoc>(col().where(open ? { status: db.command.in(['pending', 'partly']) } : {}))
    },
    /** Records the outcome only on a request still open: two officers pressing at once record one outcome. */
    async settle(doc: DeletionRequestDoc, change: DeletionChange): Promise<boolean> {
      const res = await col()
        .where({ _id: doc._id, status: doc.status, processedAt: doc.processedAt ?? null })
        .update({ ...change, outcome: db.command.set(change.outcome ?? null) })
      return res.updated === 1
    },
  }
}

export type DeletionRepository = ReturnType<typeof createDeletionRepository>
