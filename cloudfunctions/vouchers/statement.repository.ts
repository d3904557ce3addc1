/** Confirmed or disputed statements (an open one is not stored: it is built from the rows). */
import type { TablePage, TablePageRequest } from '~types/table'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { rowsOf } from '../common/paginate'
import { readTablePage } from '../common/table-query'
import type { StatementDoc, StoredDispute } from './vouchers.docs'

export function createStatementRepository(db: Db) {
  const coll = () => db.collection(COLLECTIONS.voucherStatements)
  return {
    async get(id: string): Promise<StatementDoc | null> {
      return rowsOf<StatementDoc>(await coll().doc(id).get())[0] ?? null
    },
    async put(doc: StatementDoc): Promise<void> {
      const { _id, ...rest } = doc
      await coll().doc(_id).set(rest)
    },
    /**
     * The union's answer, once: one conditional update on the dispute as the officer read it (its digest,
     * no answer yet), so two officers answering at once, or a manager disputing again meanwhile, cannot
     * both land. False: it was not there to answer.
     */
    async answer(id: string, digest: string, answer: NonNullable<StoredDispute['answer']>): Promise<boolean> {
      const res = await coll()
        .where({ _id: id, state: 'disputed', digest, 'dispute.answer': null })
        .update({ 'dispute.answer': answer, disputeState: 'answered' })
      return res.updated === 1
    },
    /** The officers' dispute table: her subtree's (`unionPath`) or the city's (`disputeState_at`), newest first. */
    disputes: (where: { unionPath?: string }, state: 'open' | 'answered', req: TablePageRequest): Promise<TablePage<StatementDoc>> =>
      readTablePage<StatementDoc>(coll(), { ...where, disputeState: state }, req, { field: 'at', order: 'desc' }),
  }
}

export type StatementRepository = ReturnType<typeof createStatementRepository>
