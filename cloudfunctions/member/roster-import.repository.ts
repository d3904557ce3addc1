/** `roster_imports`: the running totals of one officer's chunked import, so every part can report progress. */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { isDuplicate } from '../common/db-errors'

export interface RosterImportDoc {
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

const col = (db: Db) => db.collection(COLLECTIONS.rosterImports)

export async function getImport(db: Db, id: string): Promise<RosterImportDoc | null> {
  return ((await col(db).doc(id).get()).data as unknown as RosterImportDoc[])[0] ?? null
}

export async function ensureImport(db: Db, doc: RosterImportDoc): Promise<void> {
  try {
    await col(db).add(doc)
  } catch (e) {
    if (!isDuplicate(e)) throw e
  }
}

/** Adds a part's counts once: a part sent again (a retry) changes the rows idempotently and the totals not at all. */
export async function recordPart(db: Db, id: string, part: number, counts: PartCounts, now: number): Promise<void> {
  const _ = db.command
  await col(db)
    .where({ _id: id, partsDone: _.nin([part]) })
    .update({
      partsDone: _.push(part), imported: _.inc(counts.imported), updated: _.inc(counts.updated),
      unchanged: _.inc(counts.unchanged), refused: _.inc(counts.refused), updatedAt: now,
    })
}
