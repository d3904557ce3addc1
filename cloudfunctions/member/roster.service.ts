import { requireOfficer } from '../common/auth'
import type { Db } from '../common/db'
import type { RosterDoc } from '../common/member-docs'
import type { ListRosterRequest, RosterImportResult, RosterPageDTO } from '../../types/member'
import { createAuditLog } from '../common/audit'
import { toRosterRow } from './member.dto'
import { parseRosterCsv } from './roster-csv.rules'
import { getRosterMany, insertRoster, insertRosterOne, listRoster, type RosterFields, updateRosterFields } from './roster.repository'

interface Deps {
  db: Db
  now: number
}

const INSERT_BATCH = 100
const PARALLEL_UPDATES = 10 // one update per changed record; a few at a time keeps a big re-import within the function timeout

function sameFields(doc: RosterDoc, row: RosterFields): boolean {
  return (
    doc.name === row.name && doc.phone === row.phone && doc.branch === row.branch && doc.gender === row.gender &&
    doc.birthDate === row.birthDate && doc.tags.join('|') === row.tags.join('|')
  )
}

/** New rows in batches; a batch that meets a record created meanwhile falls back to one by one. */
async function insertNew(db: Db, rows: RosterFields[], now: number): Promise<{ inserted: number; updated: number }> {
  let inserted = 0
  let updated = 0
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const batch = rows.slice(i, i + INSERT_BATCH)
    try {
      await insertRoster(db, batch, now)
      inserted += batch.length
    } catch {
      for (const row of batch) {
        if (await insertRosterOne(db, row, now)) inserted++
        else {
          await updateRosterFields(db, row, now)
          updated++
        }
      }
    }
  }
  return { inserted, updated }
}

/**
 * Officers import the roster: bad rows are reported with their line numbers,
 * good rows are stored keyed by card number, so a re-import updates and never
 * duplicates. Bindings survive re-imports.
 */
export async function importRoster({ db, now }: Deps, openid: string, csv: string): Promise<RosterImportResult> {
  await requireOfficer(db, openid)
  const { rows, errors } = parseRosterCsv(csv, new Date(now).getUTCFullYear())
  const existing = await getRosterMany(db, rows.map((r) => r.cardNo))
  const fresh = rows.filter((r) => !existing.has(r.cardNo))
  const changed = rows.filter((r) => existing.has(r.cardNo) && !sameFields(existing.get(r.cardNo)!, r))
  for (let i = 0; i < changed.length; i += PARALLEL_UPDATES) {
    await Promise.all(changed.slice(i, i + PARALLEL_UPDATES).map((row) => updateRosterFields(db, row, now)))
  }
  const { inserted, updated } = await insertNew(db, fresh, now)
  const result = { imported: inserted, updated: changed.length + updated, unchanged: rows.length - fresh.length - changed.length, errors }
  await createAuditLog({ db, clock: () => now }).record({ actor: openid, action: 'member.importRoster', target: 'roster', imported: result.imported, updated: result.updated, refused: errors.length })
  return result
}

export async function listRosterPage({ db, now }: Deps, openid: string, req: ListRosterRequest): Promise<RosterPageDTO> {
  await requireOfficer(db, openid)
  const page = req.page ?? 0
  const pageSize = req.pageSize ?? 20
  const query = { q: req.q, branch: req.branch, tag: req.tag }
  const { items, total } = await listRoster(db, query, page, pageSize)
  await createAuditLog({ db, clock: () => now }).record({ actor: openid, action: 'member.listRoster', target: 'roster', query: JSON.stringify(query), page, shown: items.length })
  return { items: items.map(toRosterRow), total, page, pageSize }
}
