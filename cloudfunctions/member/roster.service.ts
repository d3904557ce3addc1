import type { AuditLog } from '../common/audit'
import type { Clock } from '../common/clock'
import type { RosterDoc } from '../common/member-docs'
import { type OfficerScope, ownedWhere } from '../common/unions'
import type {
  ListRosterRequest,
  RosterImportChunk,
  RosterImportProgress,
  RosterImportRequest,
  RosterImportResult,
  RosterPageDTO,
  RosterPreviewResult,
} from '~types/member'
import { toRosterRow } from './member.dto'
import { cardKey, checkRoster, NOTHING, outcomeOf, sameFields } from './roster-check'
import { createRosterExportService } from './roster-export.service'
import { createRosterRecordService } from './roster-record.service'
import { sealRecordId } from './roster-record-id'
import type { TreeNode } from './unions.rules'
import type { PartCounts, RosterImportRepository } from './roster-import.repository'
import type { RosterFields, RosterRepository } from './roster.repository'

interface Deps {
  clock: Clock
  roster: RosterRepository
  imports: RosterImportRepository
  audit: AuditLog
  /** The union tree as it is now (rows are placed in it by their 所属工会). */
  tree: () => Promise<TreeNode[]>
}

const INSERT_BATCH = 100
const PARALLEL_UPDATES = 10 // one update per changed record; a few at a time keeps a big re-import within the function timeout

/** The roster: imports (whole or in parts) and the officers' masked list. */
export function createRosterService(deps: Deps) {
  const { clock, roster, imports, audit, tree } = deps
  /** New rows in batches; a batch that meets a record created meanwhile falls back to one by one. */
  async function insertNew(rows: RosterFields[], now: number): Promise<{ inserted: number; updated: number }> {
    let inserted = 0
    let updated = 0
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      const batch = rows.slice(i, i + INSERT_BATCH)
      try {
        await roster.insertMany(batch, now)
        inserted += batch.length
      } catch {
        for (const row of batch) {
          if (await roster.insertOne(row, now)) inserted++
          else await roster.updateFields(row, now).then(() => updated++)
        }
      }
    }
    return { inserted, updated }
  }

  /**
   * Stores checked rows keyed by card number: a re-import updates and never duplicates; bindings survive.
   * A member whose union changed keeps where she was (`unionMoves`).
   */
  async function store(rows: RosterFields[], existing: Map<string, RosterDoc>, now: number) {
    const fresh = rows.filter((r) => !existing.has(r.cardNo))
    const changed = rows.filter((r) => existing.has(r.cardNo) && !sameFields(existing.get(r.cardNo)!, r))
    for (let i = 0; i < changed.length; i += PARALLEL_UPDATES) {
      await Promise.all(changed.slice(i, i + PARALLEL_UPDATES).map((row) => roster.updateFields(row, now, existing.get(row.cardNo))))
    }
    const { inserted, updated } = await insertNew(fresh, now)
    return { imported: inserted, updated: changed.length + updated, unchanged: rows.length - fresh.length - changed.length }
  }

  async function recordProgress(officer: string, chunk: RosterImportChunk, counts: PartCounts, now: number): Promise<RosterImportProgress> {
    const id = `${officer}:${chunk.importId}`
    const totals = { imported: 0, updated: 0, unchanged: 0, refused: 0 }
    await imports.ensure({
      _id: id,
      importId: chunk.importId,
      officer,
      parts: chunk.parts,
      partsDone: [],
      ...totals,
      startedAt: now,
      updatedAt: now,
    })
    await imports.recordPart(id, chunk.part, counts, now)
    const doc = (await imports.get(id))!
    const partsDone = new Set(doc.partsDone).size
    const { imported, updated, unchanged, refused } = doc
    return { importId: chunk.importId, parts: doc.parts, partsDone, imported, updated, unchanged, refused, done: partsDone >= doc.parts }
  }

  return {
    /**
     * Officers import the roster, in one call or in parts (a big union's tens of thousands of rows): bad rows
     * are reported with their line numbers in the whole file, good rows are stored, and a chunked import
     * reports its running totals after every part.
     */
    async importRoster(officer: string, scope: OfficerScope, req: RosterImportRequest): Promise<RosterImportResult> {
      const now = clock()
      const checked = await checkRoster(req, scope, { roster, tree, now })
      if ('refused' in checked)
        return { imported: 0, updated: 0, unchanged: 0, errors: [checked.refused], encoding: 'utf-8', progress: null }
      const { errors } = checked
      const counts = await store(checked.rows, checked.existing, now)
      await audit.record({
        actor: officer,
        action: 'member.importRoster',
        target: 'roster',
        imported: counts.imported,
        updated: counts.updated,
        refused: errors.length,
        ...(req.chunk ? { importId: req.chunk.importId, part: req.chunk.part } : {}),
      })
      const progress = req.chunk ? await recordProgress(officer, req.chunk, { ...counts, refused: errors.length }, now) : null
      return { ...counts, errors, encoding: checked.encoding, progress }
    },

    /** What `importRoster` would do with the same request (issue 18: shown before anything is written); writes nothing. */
    async previewRoster(scope: OfficerScope, req: RosterImportRequest): Promise<RosterPreviewResult> {
      const checked = await checkRoster(req, scope, { roster, tree, now: clock() })
      if ('refused' in checked) return { ...NOTHING, errors: [checked.refused] }
      const accepted = checked.rows.map((row, i) => ({
        line: checked.lines[i],
        key: cardKey(row.cardNo),
        outcome: outcomeOf(row, checked.existing.get(row.cardNo)),
      }))
      const count = (o: string) => accepted.filter((a) => a.outcome === o).length
      const moves = count('move')
      const [adds, updates, unchanged] = [count('add'), count('update') + moves, count('same')]
      return { adds, updates, moves, unchanged, errors: checked.errors, encoding: checked.encoding, accepted }
    },

    /** Her subtree's members only (issue 20): the city sees everyone, a district officer her district's. */
    async listRosterPage(officer: string, scope: OfficerScope, req: ListRosterRequest): Promise<RosterPageDTO> {
      const page = req.page ?? 0
      const pageSize = req.pageSize ?? 20
      const query = { q: req.q, branch: req.branch, tag: req.tag }
      const { items, total } = await roster.list({ ...query, ...ownedWhere(scope) }, page, pageSize)
      await audit.record({
        actor: officer,
        action: 'member.listRoster',
        target: 'roster',
        query: JSON.stringify(query),
        page,
        shown: items.length,
      })
      return { items: items.map((d) => ({ ...toRosterRow(d), id: sealRecordId(d._id) })), total, page, pageSize }
    },

    ...createRosterRecordService({ clock, roster, audit, tree }),
    ...createRosterExportService({ clock, roster, audit }),
  }
}
