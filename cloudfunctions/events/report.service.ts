/** Live figures for staff and officers: the dashboard and the scan log. */
import type { DashboardDTO, ScanKind, ScanLogEntryDTO, ScanLogRequest } from '../../types/events'
import { requireStaff } from '../common/auth'
import { maskName } from '../common/mask'
import { refusalsOf, scansOf } from './activity.repository'
import { boothsOf, tiersOf } from './catalog.repository'
import { counts } from './checkin.service'
import { type EventsDeps, withDeps } from './events.deps'
import { BUCKET_MS, fillBuckets } from './events.rules'
import { stampFigures } from './stamp-stats'
import { loadEvent } from './stamp.service'

/** Stamp figures from the counters beside the event (stamp-stats.ts), not a read of every stamp. */
export async function dashboard(deps: EventsDeps, caller: string, eventId: string): Promise<DashboardDTO> {
  await requireStaff(deps.db, caller, 'event', eventId)
  const e = await loadEvent(deps, eventId)
  const [booths, tiers, stamps, c, refusals] = await Promise.all([
    boothsOf(deps.db, eventId), tiersOf(deps.db, eventId), stampFigures(deps.db, eventId), counts(deps, e), refusalsOf(deps.db, eventId),
  ])
  const checkedIn = c.checkpoints.reduce((n, cp) => n + cp.checkedIn, 0) // the checkpoints' counters, not a count over check-ins
  return {
    eventId, title: e.title, generatedAt: deps.clock(),
    totals: {
      stamps: stamps.stamps, stampers: stamps.stampers, signedUp: c.signedUp, checkedIn,
      giftsRedeemed: tiers.reduce((n, t) => n + t.stock - t.left, 0),
    },
    stampsPerBooth: booths.map((b) => ({ boothId: b.id, name: b.name, zoneId: b.zoneId, stamps: stamps.perBooth[b.id] ?? 0 })).sort((a, b) => b.stamps - a.stamps),
    stampsOverTime: fillBuckets(Object.entries(stamps.perBucket).map(([start, n]) => ({ bucketStart: Number(start), stamps: n })).sort((a, b) => a.bucketStart - b.bucketStart)),
    bucketMs: BUCKET_MS,
    gifts: tiers.map((t) => ({ tierId: t.id, name: t.name, gift: t.gift, stock: t.stock, left: t.left, redeemed: t.stock - t.left })),
    checkIns: c.checkpoints,
    refusals,
  }
}

export async function scanLog(deps: EventsDeps, caller: string, req: ScanLogRequest): Promise<{ entries: ScanLogEntryDTO[] }> {
  await requireStaff(deps.db, caller, 'event', req.eventId)
  await loadEvent(deps, req.eventId) // an unknown event is NOT_FOUND, not an empty log
  const rows = await scansOf(deps.db, req.eventId, req.refusedOnly ?? false, req.before, req.limit ?? 50)
  return {
    entries: rows.map((r) => ({
      // Masked whatever was stored (docs/api.md: names masked to staff and officers alike).
      id: r.id, at: r.at, kind: r.kind as ScanKind, ok: r.ok, code: r.code, member: maskName(r.member),
      boothId: r.boothId, checkpointId: r.checkpointId, tierId: r.tierId, desk: r.desk,
    })),
  }
}

/** Live figures and the scan log. */
export function createReportService(deps: EventsDeps) {
  return withDeps(deps, { dashboard, scanLog })
}
