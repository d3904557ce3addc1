/**
 * CSV exports of check-ins and gift redemptions for officers (opens in Excel;
 * times in Shanghai). Names are masked by default, as everywhere (docs/api.md);
 * full names only with a reason, which goes to the audit log, as the screening
 * export does.
 */
import type { CsvExportDTO, EventExportRequest } from '../../types/events'
import { createAuditLog } from '../common/audit'
import { requireOfficer } from '../common/auth'
import { fail } from '../common/errors'
import { maskCardNo, maskName } from '../common/mask'
import { memberRef } from '../common/member-ref'
import { createRosterLookup } from '../common/roster-lookup'
import { checkInsOf, redemptionsOf } from './activity.repository'
import { checkpointsOf, tiersOf } from './catalog.repository'
import { toCsv } from '../common/csv'
import { type EventsDeps, withDeps } from './events.deps'
import { shanghai } from '../common/time'
import { loadEvent } from './stamp.service'

/**
 * Stable member reference (matches the roster's and the screening export's, common/member-ref.ts), name,
 * masked card number and branch of each member: one roster read per thousand people.
 */
async function people(deps: EventsDeps, openids: string[], full: boolean) {
  const found = await createRosterLookup({ db: deps.db }).many(openids)
  const out = new Map<string, { ref: string; name: string; card: string; branch: string }>()
  for (const id of new Set(openids)) {
    const r = found.get(id)
    out.set(id, { ref: r ? memberRef(r.cardNo) : '', name: r ? (full ? r.name : maskName(r.name)) : '', card: r ? maskCardNo(r.cardNo) : '', branch: r?.branch ?? '' })
  }
  return out
}

/** Officers only; `full` needs a reason, recorded before anything is read. */
async function authorise(deps: EventsDeps, officer: string, req: EventExportRequest, what: string): Promise<boolean> {
  await requireOfficer(deps.db, officer)
  const full = req.full === true
  const reason = req.reason?.trim() ?? ''
  if (full && !reason) fail('INVALID_ARGUMENT', 'reason')
  await loadEvent(deps, req.eventId)
  if (full) await createAuditLog(deps).record({ actor: officer, action: `events.${what}Full`, target: req.eventId, reason })
  return full
}

export async function exportCheckIns(deps: EventsDeps, officer: string, req: EventExportRequest): Promise<CsvExportDTO> {
  const full = await authorise(deps, officer, req, 'exportCheckIns')
  const eventId = req.eventId
  const e = await loadEvent(deps, eventId)
  const names = new Map((await checkpointsOf(deps.db, eventId)).map((c) => [c.id, c.name]))
  const rows = (await checkInsOf(deps.db, { eventId })).sort((a, b) => a.checkedInAt - b.checkedInAt)
  const who = await people(deps, rows.map((r) => r.openid), full)
  const csv = toCsv(['签到点', '签到时间', '会员编号', '姓名', '会员证号', '所属工会', '方式'], rows.map((r) => {
    const p = who.get(r.openid)!
    return [names.get(r.checkpointId) ?? r.checkpointId, shanghai(r.checkedInAt), p.ref, p.name, p.card, p.branch, r.via === 'self' ? '自助扫码' : '工作人员扫码']
  }))
  return { filename: `${e.title}-签到-${shanghai(deps.clock(), 'YYYYMMDD-HHmm')}.csv`, csv, rows: rows.length, masked: !full }
}

export async function exportRedemptions(deps: EventsDeps, officer: string, req: EventExportRequest): Promise<CsvExportDTO> {
  const full = await authorise(deps, officer, req, 'exportRedemptions')
  const eventId = req.eventId
  const e = await loadEvent(deps, eventId)
  const tiers = new Map((await tiersOf(deps.db, eventId)).map((t) => [t.id, t]))
  const rows = (await redemptionsOf(deps.db, { eventId, state: 'confirmed' })).sort((a, b) => (a.redeemedAt ?? 0) - (b.redeemedAt ?? 0))
  const who = await people(deps, rows.map((r) => r.openid), full)
  const csv = toCsv(['礼品档位', '礼品', '兑换时间', '兑换台', '会员编号', '姓名', '会员证号', '所属工会'], rows.map((r) => {
    const p = who.get(r.openid)!
    const t = tiers.get(r.tierId)
    return [t?.name ?? r.tierId, t?.gift ?? '', shanghai(r.redeemedAt ?? 0), r.desk, p.ref, p.name, p.card, p.branch]
  }))
  return { filename: `${e.title}-礼品兑换-${shanghai(deps.clock(), 'YYYYMMDD-HHmm')}.csv`, csv, rows: rows.length, masked: !full }
}

/** Officers' CSV exports. */
export function createExportService(deps: EventsDeps) {
  return withDeps(deps, { exportCheckIns, exportRedemptions })
}
