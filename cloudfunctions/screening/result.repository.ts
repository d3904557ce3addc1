/** Screening results: one per booking (`_id` = the booking's ledger id), so a second mark cannot exist. */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { insertOnce } from '../common/db-errors'
import { getAll, getById } from './catalog.repository'
import type { ResultDoc } from './screening.docs'

export function createResultRepository(db: Db) {
  const coll = () => db.collection(COLLECTIONS.screeningResults)
  return {
    get: (id: string) => getById<ResultDoc>(db, COLLECTIONS.screeningResults, id),
    /** false when the booking has a result already. */
    insert: (doc: ResultDoc) => insertOnce(coll(), doc),
    /** Changes the result only if it is still the one `before` read; true when it did. */
    async correct(before: ResultDoc, patch: Partial<ResultDoc>): Promise<boolean> {
      const corrections = before.corrections ?? db.command.exists(false)
      const unchanged = { _id: before._id, outcome: before.outcome, readyAt: before.readyAt, corrections }
      return (await coll().where(unchanged).update(patch)).updated === 1
    },
    byOpenid: (openid: string) => getAll<ResultDoc>(db, COLLECTIONS.screeningResults, { openid }),
  }
}

export type ResultRepository = ReturnType<typeof createResultRepository>
