/**
 * CSV exports of check-ins and gift redemptions for officers (opens in Excel;
 * times in Shanghai). Names are masked by default, as everywhere (docs/api.md);
 * full names only with a reason, which goes to the audit log, as the screening
 * export does.
 */
import type { CsvExportDTO, EventExportRequest } from '~types/events'
import type { AuditLog } from '../common/audit'
import type { Clock } from '../common/clock'
import { toCsv } from '../common/csv'
import { fail } from '../common/errors'
import { maskCardNo, maskName } from '../common/mask'
import { memberRef } from '../common/member-ref'
import type { RosterLookup } from '../common/roster-lookup'
import { shanghai } from '../common/time'
import type { ActivityRepository } from './activity.repository'
import type { CatalogRepository, EventRec } from './catalog.repository'
import { loadEvent } from './event-reads'

interface ExportDeps {
  clock: Clock
  catalog: CatalogRepository
  activity: ActivityRepository
  roster: RosterLookup
  audit: AuditLog
}

export function createExportService({ clock, catalog, activity, roster, audit }: ExportDeps) {
  /**
   * Stable member reference (matches the roster's and the screening export's, common/member-ref.ts), name,
   * masked card number and branch of each member: one roster read per thousand people.
   */
  async function people(openids: string[], full: boolean) {
    const found = await roster.many(openids)
    const out = new Map<string, { ref: string; name: string; card: string; branch: string }>()
    for (const id of new Set(openids)) {
      const r = found.get(id)
      out.set(id, {
        ref: r ? memberRef(r.cardNo) : '',
        name: r ? (full ? r.name : maskName(r.name)) : '',
        card: r ? maskCardNo(r.cardNo) : '',
        branch: r?.branch ?? '',
      })
    }
    return out
  }

  /** `full` needs a reason, recorded before anything is read. */
  async function open(officer: string, req: EventExportRequest, what: string): Promise<{ e: EventRec; full: boolean }> {
    const full = req.full === true
    const reason = req.reason?.trim() ?? ''
    if (full && !reason) fail('INVALID_ARGUMENT', 'reason')
    const e = await loadEvent(catalog, req.eventId)
    if (full) await audit.record({ actor: officer, action: `events.${what}Full`, target: req.eventId, reason })
    return { e, full }
  }

  const filename = (e: EventRec, what: string) => `${e.title}-${what}-${shanghai(clock(), 'YYYYMMDD-HHmm')}.csv`

  return {
    async exportCheckIns(officer: string, req: EventExportRequest): Promise<CsvExportDTO> {
      const { e, full } = await open(officer, req, 'exportCheckIns')
      const names = new Map((await catalog.checkpoints(e.id)).map((c) => [c.id, c.name]))
      const rows = (await activity.checkInsOf({ eventId: e.id })).sort((a, b) => a.checkedInAt - b.checkedInAt)
      const who = await people(
        rows.map((r) => r.openid),
        full,
      )
      const csv = toCsv(
        ['签到点', '签到时间', '会员编号', '姓名', '会员证号', '所属工会', '方式'],
        rows.map((r) => {
          const p = who.get(r.openid)!
          return [
            names.get(r.checkpointId) ?? r.checkpointId,
            shanghai(r.checkedInAt),
            p.ref,
            p.name,
            p.card,
            p.branch,
            r.via === 'self' ? '自助扫码' : '工作人员扫码',
          ]
        }),
      )
      return { filename: filename(e, '签到'), csv, rows: rows.length, masked: !full }
    },

    async exportRedemptions(officer: string, req: EventExportRequest): Promise<CsvExportDTO> {
      const { e, full } = await open(officer, req, 'exportRedemptions')
      const tiers = new Map((await catalog.tiers(e.id)).map((t) => [t.id, t]))
      const rows = (await activity.redemptionsOf({ eventId: e.id, state: 'confirmed' })).sort(
        (a, b) => (a.redeemedAt ?? 0) - (b.redeemedAt ?? 0),
      )
      const who = await people(
        rows.map((r) => r.openid),
        full,
      )
      const csv = toCsv(
        ['礼品档位', '礼品', '兑换时间', '兑换台', '会员编号', '姓名', '会员证号', '所属工会'],
        rows.map((r) => {
          const p = who.get(r.openid)!
          const t = tiers.get(r.tierId)
          return [t?.name ?? r.tierId, t?.gift ?? '', shanghai(r.redeemedAt ?? 0), r.desk, p.ref, p.name, p.card, p.branch]
        }),
      )
      return { filename: filename(e, '礼品兑换'), csv, rows: rows.length, masked: !full }
    },
  }
}
