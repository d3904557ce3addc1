/** Confirmed or disputed statements (an open one is not stored: it is built from the rows). */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { rowsOf } from '../common/paginate'
import type { StatementDoc } from './vouchers.docs'

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
  }
}

export type StatementRepository = ReturnType<typeof createStatementRepository>
