/** `roster_imports`: the running totals of one officer's chunked import, so every part can report progress. */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { insertOnce } from '../common/db-errors'
import { rowsOf } from '../common/paginate'

interface RosterImportDoc {
  _id: string // `${officerOpenid}:${importId}`
  importId: string
  officer: string
  parts: number
  partsDone: number[]
  imported: number
  updated: number
  unchanged: number
  refused: number
  startedAt: number
  updatedAt: number
}

export type PartCounts = Pick<RosterImportDoc, 'imported' | 'updated' | 'unchanged' | 'refused'>

export function createRosterImportRepository(db: Db) {
  const col = () => db.collection(COLLECTIONS.rosterImports)
  return {
    async get(id: string): Promise<RosterImportDoc | null> {
      return rowsOf<RosterImportDoc>(await col().doc(id).get())[0] ?? null
    },
    ensure: (doc: RosterImportDoc) => insertOnce(col(), doc),
    /** Adds a part's counts once: a part sent again (a retry) changes the rows idempotently and the totals not at all. */
    async recordPart(id: string, part: number, counts: PartCounts, now: number): Promise<void> {
      const _ = db.command
      await col()
        .where({ _id: id, partsDone: _.nin([part]) })
        .update({
          partsDone: _.push(part),
          imported: _.inc(counts.imported),
          updated: _.inc(counts.updated),
          unchanged: _.inc(counts.unchanged),
          refused: _.inc(counts.refused),
          updatedAt: now,
        })
    },
  }
}

export type RosterImportRepository = ReturnType<typeof createRosterImportRepository>
