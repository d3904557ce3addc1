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
    async many(ids: string[]): Promise<StatementDoc[]> {
      return ids.length ? rowsOf<StatementDoc>(await coll().where({ _id: db.command.in(ids) }).limit(1000).get()) : []
    },
    async put(doc: StatementDoc): Promise<void> {
      const { _id, ...rest } = doc
      await coll().doc(_id).set(rest)
    },
  }
}
