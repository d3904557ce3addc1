/** Reports of attendees: the only code touching `mixer_reports`. */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { insertOnce } from '../common/db-errors'
import { readAll, rowsOf } from '../common/paginate'
import type { ReportDoc } from './matchmaking.docs'

export function createReportRepository(db: Db) {
  const coll = () => db.collection(COLLECTIONS.mixerReports)
  return {
    async get(id: string): Promise<ReportDoc | null> {
      return rowsOf<ReportDoc>(await coll().doc(id).get())[0] ?? null
    },
    /** Create-only: a second report of the same person by the same reporter is the first one. */
    insert: (doc: ReportDoc) => insertOnce(coll(), { ...doc }),
    all: () =>
      readAll<ReportDoc>(
        coll()
          .where({ at: db.command.gt(0) })
          .orderBy('at', 'desc'),
      ),
    async setStatus(id: string, status: ReportDoc['status']): Promise<void> {
      await coll().doc(id).update({ status })
    },
  }
}

export type ReportRepository = ReturnType<typeof createReportRepository>
