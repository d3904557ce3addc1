/**
 * The front desk: her rotating check-in code, staff scanning it within the
 * session's window, the day's sessions and lists, no-shows in one step.
 * Staff act only on their own site (officers everywhere).
 */
import type { ScreeningDeps } from './screening.deps'
import { loadAccount, isOfficer, requireStaff } from '../common/auth'
import { fail } from '../common/errors'
import { maskName, maskPhone } from '../common/mask'
import type { TokenService } from '../common/qr-token.service'
import type { CheckinCodeDTO, CheckInResultDTO, CodeStatusDTO, StaffBookingRowDTO, StaffSessionDTO } from '../../types/screening'
import { checkinWindow } from './booking.rules'
import { createBookingRepository, ledgerId } from './booking.repository'
import { createCatalogRepository } from './catalog.repository'
import type { BookingDoc, SessionDoc } from './screening.docs'
import { bookingStatusOf, sessionDTO, timesOf } from './screening.dto'
import { beijingClock, beijingDate } from '../common/time'

const CODE_TTL_MS = 30_000

export interface DeskDeps extends ScreeningDeps {
  tokens: TokenService
}

export function createDeskService({ db, clock, tokens }: DeskDeps) {
  const catalog = createCatalogRepository(db)
  const ledger = createBookingRepository(db)

  async function stats(s: SessionDoc, programmeName: string): Promise<StaffSessionDTO> {
    const list = (await ledger.bySession(s._id)).filter((b) => ['booked', 'checked_in', 'no_show'].includes(b.status))
    const count = (f: (b: BookingDoc) => boolean) => list.filter(f).length
    return {
      ...sessionDTO(s), programmeName, booked: list.length, checkedIn: count((b) => b.status === 'checked_in'),
      noShows: count((b) => b.status === 'no_show'), resultsReady: count((b) => b.resultReady),
    }
  }

  async function staffSession(openid: string, sessionId: string): Promise<SessionDoc> {
    const s = await catalog.session(sessionId)
    if (!s) fail('NOT_FOUND', 'sessionId')
    await requireStaff(db, openid, 'site', s.siteId)
    return s
  }

  return {
    async checkinCode(openid: string, programmeId: string): Promise<CheckinCodeDTO> {
      const b = await ledger.get(ledgerId(programmeId, openid))
      if (!b || b.status === 'failed' || b.status === 'pending') fail('NOT_FOUND', 'programmeId')
      if (b.status !== 'booked' && b.status !== 'checked_in') fail('BOOKING_NOT_ACTIVE')
      const { token, expiresAt } = tokens.issueRotating('screening', b.ref, CODE_TTL_MS)
      return { bookingId: b.ref, token, expiresAt, refreshInMs: CODE_TTL_MS - 5_000 }
    },

    /** Polled while her code is on screen (one read): 已签到 as soon as the desk has checked her in. */
    async codeStatus(openid: string, programmeId: string): Promise<CodeStatusDTO> {
      const b = await ledger.get(ledgerId(programmeId, openid))
      if (!b || b.status === 'failed' || b.status === 'pending') fail('NOT_FOUND', 'programmeId')
      if (b.status !== 'checked_in' || b.checkedInAt === null) return { done: false, title: null, detail: null, at: null }
      const site = await catalog.site(b.siteId)
      return { done: true, title: '已签到', detail: [beijingClock(b.checkedInAt), site?.name].filter(Boolean).join(' · '), at: b.checkedInAt }
    },

    async checkIn(openid: string, token: string): Promise<CheckInResultDTO> {
      const v = tokens.verifyRotating(token, 'screening')
      if (!v.ok) fail(v.code, 'token')
      const b = await ledger.byRef(v.claims.subject)
      if (!b) fail('NOT_FOUND', 'token')
      await requireStaff(db, openid, 'site', b.siteId)
      const [p, s] = await Promise.all([catalog.programme(b.programmeId), catalog.session(b.sessionId)])
      if (!p || !s) fail('NOT_FOUND', 'token')
      const answer = (at: number, already: boolean): CheckInResultDTO => ({
        bookingId: b.ref, name: maskName(b.member.name), session: sessionDTO(s), alreadyCheckedIn: already,
        checkedInAt: at, message: `${already ? '已签到' : '签到成功'} ${beijingClock(at)}`,
      })
      if (b.status === 'checked_in') return answer(b.checkedInAt!, true)
      if (b.status !== 'booked') fail('BOOKING_NOT_ACTIVE')
      const now = clock()
      const w = checkinWindow(timesOf(p), s)
      if (now < w.opensAt || now > w.closesAt) fail('CHECKIN_OUTSIDE_WINDOW')
      if (await ledger.updateIf(b._id, { status: 'booked', ref: b.ref, sessionId: s._id }, { status: 'checked_in', checkedInAt: now, updatedAt: now })) {
        return answer(now, false)
      }
      const again = await ledger.get(b._id) // a second desk scanned her at the same moment
      if (again?.status === 'checked_in' && again.ref === b.ref) return answer(again.checkedInAt!, true)
      return fail('BOOKING_NOT_ACTIVE')
    },

    async staffSessions(openid: string, date?: string): Promise<StaffSessionDTO[]> {
      const account = await loadAccount(db, openid)
      const siteIds = account.roles.flatMap((r) => (r.role === 'staff' && r.scope.kind === 'site' ? [r.scope.id] : []))
      if (!isOfficer(account) && siteIds.length === 0) fail('FORBIDDEN')
      const day = date ?? beijingDate(clock())
      const all = await catalog.sessions({ date: day })
      const mine = isOfficer(account) ? all : all.filter((s) => siteIds.includes(s.siteId))
      const names = new Map<string, string>()
      for (const s of mine) if (!names.has(s.programmeId)) names.set(s.programmeId, (await catalog.programme(s.programmeId))?.name ?? '')
      return Promise.all(mine.map((s) => stats(s, names.get(s.programmeId) ?? '')))
    },

    async staffBookings(openid: string, sessionId: string): Promise<StaffBookingRowDTO[]> {
      await staffSession(openid, sessionId)
      const list = (await ledger.bySession(sessionId)).filter((b) => ['booked', 'checked_in', 'no_show'].includes(b.status))
      return list
        .sort((a, b) => (a.bookedAt ?? 0) - (b.bookedAt ?? 0))
        .map((b) => ({
          bookingId: b.ref, name: maskName(b.member.name), phone: maskPhone(b.member.phone), status: bookingStatusOf(b),
          checkedInAt: b.checkedInAt, resultReady: b.resultReady,
        }))
    },

    async markNoShows(openid: string, sessionId: string): Promise<{ sessionId: string; marked: number }> {
      const s = await staffSession(openid, sessionId)
      const now = clock()
      if (now < s.endAt) fail('SESSION_NOT_OVER')
      const marked = await ledger.updateMany({ sessionId, status: 'booked' }, { status: 'no_show', noShowAt: now, updatedAt: now })
      return { sessionId, marked }
    },
  }
}
