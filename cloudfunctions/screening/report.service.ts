/**
 * Officers' figures: places booked / left per site and day, check-ins,
 * no-shows, results ready, per-branch uptake against the roster; and the
 * bookings export, masked unless full details are asked for with a reason
 * (which is audit-logged). Never a result itself: only whether it is ready.
 */
import type { AuditLog } from '../common/audit'
import type { Clock } from '../common/clock'
import { toCsv } from '../common/csv'
import type { Db } from '../common/db'
import { fail } from '../common/errors'
import { maskCardNo, maskName, maskPhone } from '../common/mask'
import { memberRef } from '../common/member-ref'
import { audienceByBranch } from '../common/roster-audience'
import { type BookingsExportDTO, type DashboardDTO, type DashboardRowDTO, type ExportRowDTO, siteLabel } from '~types/screening'
import type { BookingRepository } from './booking.repository'
import type { CatalogRepository } from './catalog.repository'
import type { BookingDoc, ProgrammeDoc, QuotaDoc, SessionDoc, SiteDoc } from './screening.docs'
import { bookingStatusOf } from './screening.dto'
import type { WaitlistRepository } from './waitlist.repository'

const LIVE = ['booked', 'checked_in', 'no_show']
const STATUS = { booked: '已预约', checked_in: '已签到', no_show: '未到', cancelled: '已取消' }
const HEADER = ['预约号', '会员编号', '姓名', '会员证号', '手机号', '所属工会', '筛查点', '日期', '时段', '状态', '结果']

export interface ReportDeps {
  /** For the roster's eligible women per branch (common/roster-audience.ts). */
  db: Db
  clock: Clock
  catalog: CatalogRepository
  bookings: BookingRepository
  entries: WaitlistRepository
  audit: AuditLog
}

const tally = (list: BookingDoc[]) => ({
  booked: list.length,
  checkedIn: list.filter((b) => b.status === 'checked_in').length,
  noShows: list.filter((b) => b.status === 'no_show').length,
  resultsReady: list.filter((b) => b.resultReady).length,
})

/** One row per site and day: places, and what became of the bookings. */
function bySiteDay(sessions: SessionDoc[], sites: SiteDoc[], live: BookingDoc[]): DashboardRowDTO[] {
  const rows = new Map<string, DashboardRowDTO>()
  for (const s of sessions) {
    const key = `${s.siteId}|${s.date}`
    const site = sites.find((x) => x._id === s.siteId)
    const siteName = site ? siteLabel(site) : s.siteId
    const r = rows.get(key) ?? { siteId: s.siteId, siteName, date: s.date, capacity: 0, left: 0, ...tally([]) }
    const t = tally(live.filter((b) => b.sessionId === s._id))
    rows.set(key, {
      ...r,
      capacity: r.capacity + s.capacity,
      left: r.left + Math.max(0, s.left),
      booked: r.booked + t.booked,
      checkedIn: r.checkedIn + t.checkedIn,
      noShows: r.noShows + t.noShows,
      resultsReady: r.resultsReady + t.resultsReady,
    })
  }
  return [...rows.values()].sort((a, b) => a.date.localeCompare(b.date) || a.siteName.localeCompare(b.siteName))
}

/** Uptake per branch: booked against the roster's eligible women (and the branch quota, if any). */
function byBranch(quotas: QuotaDoc[], live: BookingDoc[], eligible: Map<string, number>): DashboardDTO['byBranch'] {
  const branches = [...new Set([...quotas.map((q) => q.branch), ...live.map((b) => b.member.branch), ...eligible.keys()])].sort()
  return branches.map((branch) => {
    const t = tally(live.filter((b) => b.member.branch === branch))
    const eligibleMembers = eligible.get(branch) ?? 0
    const quota = quotas.find((q) => q.branch === branch)?.quota ?? null
    const uptake = eligibleMembers ? Math.min(1, t.booked / eligibleMembers) : 0
    return { branch, quota, booked: t.booked, checkedIn: t.checkedIn, eligibleMembers, uptake }
  })
}

/** One export row: masked unless the full export was asked for (with a reason, audited). */
export function exportRow(b: BookingDoc, full: boolean, site: string, s: SessionDoc | undefined): ExportRowDTO {
  const m = b.member
  return {
    bookingId: b.ref,
    memberRef: memberRef(m.cardNo),
    name: full ? m.name : maskName(m.name),
    cardNo: full ? m.cardNo : maskCardNo(m.cardNo),
    phone: full ? m.phone : maskPhone(m.phone),
    branch: m.branch,
    site,
    date: s?.date ?? '',
    time: s ? `${s.start}–${s.end}` : '',
    status: bookingStatusOf(b),
    result: b.resultReady ? '已出' : '未出',
  }
}

const csvOf = (rows: ExportRowDTO[]) =>
  toCsv(
    HEADER,
    rows.map((r) => [r.bookingId, r.memberRef, r.name, r.cardNo, r.phone, r.branch, r.site, r.date, r.time, STATUS[r.status], r.result]),
  )

export function createReportService({ db, clock, catalog, bookings: ledger, entries, audit }: ReportDeps) {
  async function load(programmeId: string): Promise<{ p: ProgrammeDoc; live: BookingDoc[] }> {
    const p = (await catalog.programme(programmeId)) ?? fail('NOT_FOUND', 'programmeId')
    return { p, live: (await ledger.byProgramme(programmeId)).filter((b) => LIVE.includes(b.status)) }
  }

  return {
    async dashboard(programmeId: string): Promise<DashboardDTO> {
      const { p, live } = await load(programmeId)
      const [sites, sessions, quotas, eligible, waitlist] = await Promise.all([
        catalog.sites(p.siteIds),
        catalog.sessions({ programmeId }),
        catalog.quotas(programmeId),
        audienceByBranch(db, p.eligibility, p.firstDay),
        entries.byProgramme(programmeId),
      ])
      const count = (status: string) => waitlist.filter((w) => w.status === status).length
      const totals = {
        capacity: sessions.reduce((n, s) => n + s.capacity, 0),
        left: sessions.reduce((n, s) => n + Math.max(0, s.left), 0),
        ...tally(live),
        waiting: count('waiting'),
        offered: count('offered'),
      }
      return {
        programmeId,
        programmeName: p.name,
        generatedAt: clock(),
        totals,
        bySiteDay: bySiteDay(sessions, sites, live),
        byBranch: byBranch(quotas, live, eligible),
      }
    },

    async exportBookings(openid: string, programmeId: string, full: boolean, reason?: string): Promise<BookingsExportDTO> {
      if (full && !reason?.trim()) fail('INVALID_ARGUMENT', 'reason')
      const { live } = await load(programmeId)
      if (full) {
        const why = reason!.trim()
        await audit.record({ actor: openid, action: 'screening.exportFull', target: programmeId, reason: why, rows: live.length })
      }
      const [sites, sessions] = await Promise.all([catalog.allSites(), catalog.sessions({ programmeId })])
      const siteName = (id: string) => {
        const site = sites.find((x) => x._id === id)
        return site ? siteLabel(site) : id
      }
      const rows = live
        .map((b) =>
          exportRow(
            b,
            full,
            siteName(b.siteId),
            sessions.find((s) => s._id === b.sessionId),
          ),
        )
        .sort((a, b) => `${a.date}${a.time}`.localeCompare(`${b.date}${b.time}`))
      return { programmeId, generatedAt: clock(), masked: !full, rows, csv: csvOf(rows) }
    },
  }
}
