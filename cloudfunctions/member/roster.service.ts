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
} from '~types/member'
import { toRosterRow } from './member.dto'
import { parseRosterCsv } from './roster-csv.rules'
import { decodeRosterBytes } from './roster-encoding.rules'
import { placeRows } from './roster-placement.rules'
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
const GARBLED = '文件内容有乱码：它不是 UTF-8 编码（多为 Excel 保存的 GBK），请直接上传文件本身，或在 Excel 中“另存为 CSV UTF-8”后重试'

function sameFields(doc: RosterDoc, row: RosterFields): boolean {
  return (
    doc.name === row.name &&
    doc.phone === row.phone &&
    doc.branch === row.branch &&
    (doc.unionId ?? null) === (row.unionId ?? null) &&
    doc.gender === row.gender &&
    doc.birthDate === row.birthDate &&
    doc.tags.join('|') === row.tags.join('|')
  )
}

/** The text of the request: the CSV as sent, or its bytes decoded (UTF-8 or GBK). */
function textOf(req: RosterImportRequest): { text: string; encoding: RosterImportResult['encoding'] } | { refused: string } {
  // U+FFFD: a client read GBK bytes as UTF-8 before sending; the names are lost, say so instead of importing mojibake.
  if (req.csv?.includes('\uFFFD')) return { refused: GARBLED }
  if (req.csv !== undefined) return { text: req.csv, encoding: 'utf-8' }
  const decoded = decodeRosterBytes(Buffer.from(req.csvBase64 ?? '', 'base64'))
  return decoded.ok ? decoded : { refused: decoded.reason }
}

/** The roster: imports (whole or in parts) and the officers' masked list. */
export function createRosterService({ clock, roster, imports, audit, tree }: Deps) {
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
      const input = textOf(req)
      if ('refused' in input)
        return { imported: 0, updated: 0, unchanged: 0, errors: [{ line: 1, reason: input.refused }], encoding: 'utf-8', progress: null }
      const parsed = parseRosterCsv(input.text, new Date(now).getUTCFullYear())
      const shift = req.chunk ? req.chunk.firstLine - 2 : 0
      const [existing, unions] = await Promise.all([roster.many(parsed.rows.map((r) => r.cardNo)), tree()])
      // Rows of unions outside her subtree are refused with the rest, row by row (issue 20).
      const placed = placeRows(parsed.rows, parsed.lines, unions, scope, existing)
      const errors = [...parsed.errors, ...placed.errors]
        .sort((a, b) => a.line - b.line)
        .map((e) => (e.line > 1 ? { ...e, line: e.line + shift } : e))
      const counts = await store(placed.rows, existing, now)
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
      return { ...counts, errors, encoding: input.encoding, progress }
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
      return { items: items.map(toRosterRow), total, page, pageSize }
    },
  }
}
