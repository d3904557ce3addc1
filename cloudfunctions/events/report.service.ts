/** Live figures for staff and officers: the dashboard and the scan log. */
import type { DashboardDTO, ScanLogEntryDTO, ScanLogRequest } from '~types/events'
import type { Clock } from '../common/clock'
import { maskName } from '../common/mask'
import type { ActivityRepository } from './activity.repository'
import type { CatalogRepository } from './catalog.repository'
import type { CheckInService } from './checkin.service'
import { loadEvent } from './event-reads'
import { BUCKET_MS, fillBuckets } from './events.rules'
import type { StampStats } from './stamp-stats'

interface ReportDeps {
  clock: Clock
  catalog: CatalogRepository
  activity: ActivityRepository
  stats: StampStats
  checkin: Pick<CheckInService, 'counts'>
}

export function createReportService({ clock, catalog, activity, stats, checkin }: ReportDeps) {
  return {
    /** Stamp figures from the counters beside the event (stamp-stats.ts), not a read of every stamp. */
    async dashboard(eventId: string): Promise<DashboardDTO> {
      const e = await loadEvent(catalog, eventId)
      const [booths, tiers, stamps, c, refusals] = await Promise.all([
        catalog.booths(eventId),
        catalog.tiers(eventId),
        stats.figures(eventId),
        checkin.counts(e),
        activity.refusalsOf(eventId),
      ])
      const checkedIn = c.checkpoints.reduce((n, cp) => n + cp.checkedIn, 0) // the checkpoints' counters, not a count over check-ins
      const overTime = Object.entries(stamps.perBucket)
        .map(([start, n]) => ({ bucketStart: Number(start), stamps: n }))
        .sort((a, b) => a.bucketStart - b.bucketStart)
      return {
        eventId,
        title: e.title,
        generatedAt: clock(),
        totals: {
          stamps: stamps.stamps,
          stampers: stamps.stampers,
          signedUp: c.signedUp,
          checkedIn,
          giftsRedeemed: tiers.reduce((n, t) => n + t.stock - t.left, 0),
        },
        stampsPerBooth: booths
          .map((b) => ({ boothId: b.id, name: b.name, zoneId: b.zoneId, stamps: stamps.perBooth[b.id] ?? 0 }))
          .sort((a, b) => b.stamps - a.stamps),
        stampsOverTime: fillBuckets(overTime),
        bucketMs: BUCKET_MS,
        gifts: tiers.map((t) => ({ tierId: t.id, name: t.name, gift: t.gift, stock: t.stock, left: t.left, redeemed: t.stock - t.left })),
        checkIns: c.checkpoints,
        refusals,
      }
    },

    async scanLog(req: ScanLogRequest): Promise<{ entries: ScanLogEntryDTO[] }> {
      await loadEvent(catalog, req.eventId) // an unknown event is NOT_FOUND, not an empty log
      const rows = await activity.scansOf(req.eventId, req.refusedOnly ?? false, req.before, req.limit ?? 50)
      return {
        entries: rows.map((r) => ({
          // Masked whatever was stored (docs/api.md: names masked to staff and officers alike).
          id: r.id,
          at: r.at,
          kind: r.kind,
          ok: r.ok,
          code: r.code,
          member: maskName(r.member),
          boothId: r.boothId,
          checkpointId: r.checkpointId,
          tierId: r.tierId,
          desk: r.desk,
        })),
      }
    },
  }
}
