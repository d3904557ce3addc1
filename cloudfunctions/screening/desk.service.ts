/**
 * The front desk: her rotating check-in code, staff scanning it within the
 * session's window, the day's sessions and lists, no-shows in one step.
 * Who may act at which site is declared on the actions (staff.actions.ts);
 * every desk attempt is logged (`DeskLog`).
 */
import type { AttemptLog } from '../common/attempt-log'
import { type CallerAccount, scopeIds } from '../common/auth'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import { maskName, maskPhone } from '../common/mask'
import type { TokenService } from '../common/qr-token.service'
import { beijingClock, beijingDate } from '../common/time'
import { covers, type OfficerScope } from '../common/unions'
import {
  type CheckinCodeDTO,
  type CheckInResultDTO,
  type CodeStatusDTO,
  type MarkNoShowsResult,
  siteLabel,
  type StaffBookingRowDTO,
  type StaffSessionDTO,
} from '~types/screening'
import { checkinWindow } from './booking.rules'
import { ledgerId, type BookingRepository } from './booking.repository'
import type { CatalogRepository } from './catalog.repository'
import type { BookingDoc, SessionDoc } from './screening.docs'
import { bookingStatusOf, sessionDTO, timesOf } from './screening.dto'

const CODE_TTL_MS = 30_000

/**
 * One entry of the desk's attempt log (the kit's common/attempt-log.ts): every check-in scan, no-show sweep and
 * result mark or correction, accepted or refused with its code, so a dispute at the desk ("I was there at eight")
 * and a morning's refusals are answered from one place. The woman is named by her booking reference only.
 */
export interface DeskAttempt {
  /** The staff member (or officer) at the desk. */
  staff: string
  action: 'checkIn' | 'markNoShows' | 'markResult' | 'correctResult'
  requestId: string | null
  bookingId?: string
  sessionId?: string
  siteId?: string
}

export type DeskLog = AttemptLog<DeskAttempt>
const LIVE: BookingDoc['status'][] = ['booked', 'checked_in', 'no_show']

export interface DeskDeps {
  clock: Clock
  catalog: CatalogRepository
  bookings: BookingRepository
  tokens: TokenService
  log: DeskLog
}

/** Who is at the desk, and the request she sent (stored on what it changes, for `recover`). */
export interface DeskCaller {
  openid: string
  requestId: string | null
}

export function createDeskService({ clock, catalog, bookings: ledger, tokens, log }: DeskDeps) {
  async function stats(s: SessionDoc, programmeName: string): Promise<StaffSessionDTO> {
    const list = (await ledger.bySession(s._id)).filter((b) => LIVE.includes(b.status))
    const count = (f: (b: BookingDoc) => boolean) => list.filter(f).length
    return {
      ...sessionDTO(s),
      programmeName,
      booked: list.length,
      checkedIn: count((b) => b.status === 'checked_in'),
      noShows: count((b) => b.status === 'no_show'),
      resultsReady: count((b) => b.resultReady),
    }
  }

  async function herBooking(openid: string, programmeId: string): Promise<BookingDoc> {
    const b = await ledger.get(ledgerId(programmeId, openid))
    if (!b || b.status === 'failed' || b.status === 'pending') fail('NOT_FOUND', 'programmeId')
    return b
  }

  async function checkedIn(b: BookingDoc, at: number, already: boolean): Promise<CheckInResultDTO> {
    const s = (await catalog.session(b.sessionId)) ?? fail('NOT_FOUND', 'token')
    return {
      bookingId: b.ref,
      name: maskName(b.member.name),
      session: sessionDTO(s),
      alreadyCheckedIn: already,
      checkedInAt: at,
      message: `${already ? '已签到' : '签到成功'} ${beijingClock(at)}`,
    }
  }

  /** The booking a scanned code names (the scope resolver reads it too: staff.actions.ts). */
  async function bookingOfCode(token: string): Promise<BookingDoc> {
    const v = tokens.verifyRotating(token, 'screening')
    if (!v.ok) fail(v.code, 'token')
    return (await ledger.byRef(v.claims.subject)) ?? fail('NOT_FOUND', 'token')
  }

  async function checkIn(who: DeskCaller, b: BookingDoc): Promise<CheckInResultDTO> {
    if (b.status === 'checked_in') return checkedIn(b, b.checkedInAt!, true)
    if (b.status !== 'booked') fail('BOOKING_NOT_ACTIVE')
    const [p, s] = await Promise.all([catalog.programme(b.programmeId), catalog.session(b.sessionId)])
    if (!p || !s) fail('NOT_FOUND', 'token')
    const now = clock()
    const w = checkinWindow(timesOf(p), s)
    if (now < w.opensAt || now > w.closesAt) fail('CHECKIN_OUTSIDE_WINDOW')
    const patch = { status: 'checked_in', checkedInAt: now, changedBy: who.requestId, updatedAt: now }
    if (await ledger.updateIf(b._id, { status: 'booked', ref: b.ref, sessionId: s._id }, patch)) return checkedIn(b, now, false)
    const again = await ledger.get(b._id) // a second desk scanned her at the same moment
    if (again?.status === 'checked_in' && again.ref === b.ref) return checkedIn(again, again.checkedInAt!, true)
    return fail('BOOKING_NOT_ACTIVE')
  }

  async function staffSession(sessionId: string): Promise<SessionDoc> {
    return (await catalog.session(sessionId)) ?? fail('NOT_FOUND', 'sessionId')
  }

  return {
    bookingOfCode,

    async checkinCode(openid: string, programmeId: string): Promise<CheckinCodeDTO> {
      const b = await herBooking(openid, programmeId)
      if (b.status !== 'booked' && b.status !== 'checked_in') fail('BOOKING_NOT_ACTIVE')
      const { token, expiresAt } = tokens.issueRotating('screening', b.ref, CODE_TTL_MS)
      return { bookingId: b.ref, token, expiresAt, refreshInMs: CODE_TTL_MS - 5_000 }
    },

    /** Polled while her code is on screen (one read): 已签到 as soon as the desk has checked her in. */
    async codeStatus(openid: string, programmeId: string): Promise<CodeStatusDTO> {
      const b = await herBooking(openid, programmeId)
      if (b.status !== 'checked_in' || b.checkedInAt === null) return { done: false, title: null, detail: null, at: null }
      const site = await catalog.site(b.siteId)
      return {
        done: true,
        title: '已签到',
        detail: [beijingClock(b.checkedInAt), site && siteLabel(site)].filter(Boolean).join(' · '),
        at: b.checkedInAt,
      }
    },

    /** A scan at the desk: 签到成功, or 已签到 with the first time on a re-scan. */
    checkIn: (who: DeskCaller, token: string) =>
      log.record(
        { staff: who.openid, action: 'checkIn', requestId: who.requestId },
        async (note) => {
          const b = await bookingOfCode(token)
          Object.assign(note, { bookingId: b.ref, sessionId: b.sessionId, siteId: b.siteId })
          return checkIn(who, b)
        },
        (r) => (r.alreadyCheckedIn ? 'ALREADY_CHECKED_IN' : null),
      ),

    /** The check-in this request made, for its same-id retry (`recover`): its first answer, 签到成功. */
    async checkedInBy(token: string, requestId: string | null): Promise<CheckInResultDTO | null> {
      // A code that no longer verifies: nothing to read back; the retry runs and answers why.
      const b = requestId ? await bookingOfCode(token).catch(() => null) : null
      return b?.status === 'checked_in' && b.changedBy === requestId ? checkedIn(b, b.checkedInAt!, false) : null
    },

    /** The day's sessions at her sites (an officer's: every site); who may ask is declared on the action. */
    /** Her sites' sessions of the day; an officer's: those at sites her subtree owns (issue 20), and her desk's. */
    async staffSessions(account: CallerAccount, date?: string, officer: OfficerScope | null = null): Promise<StaffSessionDTO[]> {
      const siteIds = scopeIds(account, 'site')
      const all = await catalog.sessions({ date: date ?? beijingDate(clock()) })
      const sites = officer && !officer.all ? await catalog.sites([...new Set(all.map((s) => s.siteId))]) : []
      const owned = new Set(sites.filter((x) => covers(officer!, x.unionPath)).map((x) => x._id))
      const mine = officer?.all ? all : all.filter((s) => siteIds.includes(s.siteId) || owned.has(s.siteId))
      const names = new Map<string, string>()
      for (const s of mine) if (!names.has(s.programmeId)) names.set(s.programmeId, (await catalog.programme(s.programmeId))?.name ?? '')
      return Promise.all(mine.map((s) => stats(s, names.get(s.programmeId) ?? '')))
    },

    async staffBookings(sessionId: string): Promise<StaffBookingRowDTO[]> {
      await staffSession(sessionId)
      const list = (await ledger.bySession(sessionId)).filter((b) => LIVE.includes(b.status))
      return list
        .sort((a, b) => (a.bookedAt ?? 0) - (b.bookedAt ?? 0))
        .map((b) => ({
          bookingId: b.ref,
          name: maskName(b.member.name),
          phone: maskPhone(b.member.phone),
          status: bookingStatusOf(b),
          checkedInAt: b.checkedInAt,
          resultReady: b.resultReady,
        }))
    },

    markNoShows: (who: DeskCaller, sessionId: string) =>
      log.record({ staff: who.openid, action: 'markNoShows', requestId: who.requestId, sessionId }, async (note) => {
        const s = await staffSession(sessionId)
        note.siteId = s.siteId
        const now = clock()
        if (now < s.endAt) fail('SESSION_NOT_OVER')
        const patch = { status: 'no_show', noShowAt: now, changedBy: who.requestId, updatedAt: now }
        const result: MarkNoShowsResult = { sessionId, marked: await ledger.updateMany({ sessionId, status: 'booked' }, patch) }
        return result
      }),

    /** What a no-show sweep marked, for its same-id retry (`recover`): the women it changed carry its request id. */
    async noShowsBy(sessionId: string, requestId: string | null): Promise<MarkNoShowsResult | null> {
      const mine = (b: BookingDoc) => b.status === 'no_show' && b.changedBy === requestId
      const marked = requestId ? (await ledger.bySession(sessionId)).filter(mine).length : 0
      return marked ? { sessionId, marked } : null
    },
  }
}
