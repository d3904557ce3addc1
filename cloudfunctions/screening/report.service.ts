/**
 * Officers' figures: places booked / left per site and day, check-ins,
 * no-shows, results ready, per-branch uptake against the roster; and the
 * bookings export, masked unless full details are asked for with a reason
 * (which is audit-logged). Never a result itself: only whether it is ready.
 */
import type { ScreeningDeps } from './screening.deps'
import { createAuditLog } from '../common/audit'
import { requireOfficer } from '../common/auth'
import { toCsv } from '../common/csv'
import { COLLECTIONS } from '../common/collections'
import { fail } from '../common/errors'
import { maskCardNo, maskName, maskPhone } from '../common/mask'
import { memberRef } from '../common/member-ref'
import { audienceByBranch } from '../common/roster-audience'
import type { BookingsExportDTO, DashboardDTO, DashboardRowDTO, ExportRowDTO } from '../../types/screening'
import { createBookingRepository } from './booking.repository'
import { createCatalogRepository, getAll } from './catalog.repository'
import type { BookingDoc, ProgrammeDoc, WaitlistDoc } from './screening.docs'
import { bookingStatusOf } from './screening.dto'

const LIVE = ['booked', 'checked_in', 'no_show']

export function createReportService({ db, clock }: ScreeningDeps) {
  const catalog = createCatalogRepository(db)
  const ledger = createBookingRepository(db)

  async function load(openid: string, programmeId: string): Promise<{ p: ProgrammeDoc; live: BookingDoc[] }> {
    await requireOfficer(db, openid)
    const p = await catalog.programme(programmeId)
    if (!p) fail('NOT_FOUND', 'programmeId')
    return { p, live: (await ledger.byProgramme(programmeId)).filter((b) => LIVE.includes(b.status)) }
  }

  const tally = (list: BookingDoc[]) => ({
    booked: list.length,
    checkedIn: list.filter((b) => b.status === 'checked_in').length,
    noShows: list.filter((b) => b.status === 'no_show').length,
    resultsReady: list.filter((b) => b.resultReady).length,
  })

  return {
    async dashboard(openid: string, programmeId: string): Promise<DashboardDTO> {
      const { p, live } = await load(openid, programmeId)
      const [sites, sessions, quotas, eligible, waitlist] = await Promise.all([
        catalog.sites(p.siteIds), catalog.sessions({ programmeId }), catalog.quotas(programmeId),
        audienceByBranch(db, p.eligibility, p.firstDay), getAll<WaitlistDoc>(db, COLLECTIONS.screeningWaitlist, { programmeId }),
      ])
      const rows = new Map<string, DashboardRowDTO>()
      for (const s of sessions) {
        const key = `${s.siteId}|${s.date}`
        const r = rows.get(key) ?? { siteId: s.siteId, siteName: sites.find((x) => x._id === s.siteId)?.name ?? s.siteId, date: s.date, capacity: 0, booked: 0, left: 0, checkedIn: 0, noShows: 0, resultsReady: 0 }
        const t = tally(live.filter((b) => b.sessionId === s._id))
        rows.set(key, { ...r, capacity: r.capacity + s.capacity, left: r.left + Math.max(0, s.left), booked: r.booked + t.booked, checkedIn: r.checkedIn + t.checkedIn, noShows: r.noShows + t.noShows, resultsReady: r.resultsReady + t.resultsReady })
      }
      const branches = [...new Set([...quotas.map((q) => q.branch), ...live.map((b) => b.member.branch), ...eligible.keys()])].sort()
      const byBranch = branches.map((branch) => {
        const t = tally(live.filter((b) => b.member.branch === branch))
        const eligibleMembers = eligible.get(branch) ?? 0
        return { branch, quota: quotas.find((q) => q.branch === branch)?.quota ?? null, booked: t.booked, checkedIn: t.checkedIn, eligibleMembers, uptake: eligibleMembers ? Math.min(1, t.booked / eligibleMembers) : 0 }
      })
      const capacity = sessions.reduce((n, s) => n + s.capacity, 0)
      return {
        programmeId, programmeName: p.name, generatedAt: clock(),
        totals: { capacity, left: sessions.reduce((n, s) => n + Math.max(0, s.left), 0), ...tally(live), waiting: waitlist.filter((w) => w.status === 'waiting').length, offered: waitlist.filter((w) => w.status === 'offered').length },
        bySiteDay: [...rows.values()].sort((a, b) => a.date.localeCompare(b.date) || a.siteName.localeCompare(b.siteName)),
        byBranch,
      }
    },

    async exportBookings(openid: string, programmeId: string, full: boolean, reason?: string): Promise<BookingsExportDTO> {
      if (full && !reason?.trim()) fail('INVALID_ARGUMENT', 'reason')
      const { live } = await load(openid, programmeId)
      if (full) await createAuditLog({ db, clock }).record({ actor: openid, action: 'screening.exportFull', target: programmeId, reason: reason!.trim(), rows: live.length })
      const [sites, sessions] = await Promise.all([getAll<{ _id: string; name: string }>(db, COLLECTIONS.screeningSites, {}), catalog.sessions({ programmeId })])
      const rows: ExportRowDTO[] = live.map((b) => {
        const s = sessions.find((x) => x._id === b.sessionId)
        return {
          bookingId: b.ref, memberRef: memberRef(b.member.cardNo), name: full ? b.member.name : maskName(b.member.name), cardNo: full ? b.member.cardNo : maskCardNo(b.member.cardNo),
          phone: full ? b.member.phone : maskPhone(b.member.phone), branch: b.member.branch, site: sites.find((x) => x._id === b.siteId)?.name ?? b.siteId,
          date: s?.date ?? '', time: s ? `${s.start}–${s.end}` : '', status: bookingStatusOf(b), result: b.resultReady ? '已出' : '未出',
        }
      }).sort((a, b) => `${a.date}${a.time}`.localeCompare(`${b.date}${b.time}`))
      const STATUS = { booked: '已预约', checked_in: '已签到', no_show: '未到', cancelled: '已取消' }
      const csv = toCsv(['预约号', '会员编号', '姓名', '会员证号', '手机号', '所属工会', '筛查点', '日期', '时段', '状态', '结果'],
        rows.map((r) => [r.bookingId, r.memberRef, r.name, r.cardNo, r.phone, r.branch, r.site, r.date, r.time, STATUS[r.status], r.result]))
      return { programmeId, generatedAt: clock(), masked: !full, rows, csv }
    },
  }
}
