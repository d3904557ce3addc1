/**
 * What a woman sees before and after booking: programme cards with her own
 * eligibility, days and sessions with places left, her bookings.
 */
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import type { RosterDoc } from '../common/member-docs'
import type { RosterLookup } from '../common/roster-lookup'
import { weekdayOf } from '../common/time'
import type { BookingDTO, DayDTO, ProgrammeCardDTO, SessionDTO, WaitlistDTO } from '~types/screening'
import { ledgerId, type BookingRepository } from './booking.repository'
import type { CatalogRepository } from './catalog.repository'
import { eligibilityOf } from './eligibility.rules'
import { factsOf } from './member-facts'
import type { BookingDoc, ProgrammeDoc, SessionDoc } from './screening.docs'
import { bookingDTO, programmeDTO, sessionDTO } from './screening.dto'
import type { WaitlistService } from './waitlist.service'

export interface CatalogDeps {
  clock: Clock
  catalog: CatalogRepository
  bookings: BookingRepository
  /** Her roster record, or null while she is not verified (the card then says why she cannot book). */
  roster: RosterLookup
  waitlist: WaitlistService
}

export function createCatalogService({ clock, catalog, bookings: ledger, roster: rosterLookup, waitlist }: CatalogDeps) {
  /** `s`: the session as the caller just read it (its places left are shown), else read afresh. */
  async function bookingOf(b: BookingDoc, p?: ProgrammeDoc, s?: SessionDoc): Promise<BookingDTO | null> {
    const prog = p ?? (await catalog.programme(b.programmeId))
    const [site, session] = await Promise.all([catalog.site(b.siteId), s?._id === b.sessionId ? s : catalog.liveSession(b.sessionId)])
    return prog && site && session ? bookingDTO(b, prog, site, session, clock()) : null
  }

  async function waitlistOf(programmeId: string, openid: string): Promise<WaitlistDTO | null> {
    const w = await waitlist.get(programmeId, openid)
    return w && (w.status === 'waiting' || w.status === 'offered') ? waitlist.dto(w) : null
  }

  async function card(p: ProgrammeDoc, openid: string, roster: RosterDoc | null, history: BookingDoc[]): Promise<ProgrammeCardDTO> {
    const now = clock()
    const [sites, sessions, quotas] = await Promise.all([
      catalog.sites(p.siteIds),
      catalog.sessions({ programmeId: p._id }),
      catalog.quotas(p._id),
    ])
    const mine = history.find((b) => b._id === ledgerId(p._id, openid) && b.status !== 'cancelled' && b.status !== 'failed')
    const reminder = await catalog.reminder(ledgerId(p._id, openid))
    return {
      programme: programmeDTO(p, sites, sessions, quotas, now),
      eligibility: eligibilityOf(p.eligibility, p.priority, factsOf(roster, history, p._id), p.firstDay, now),
      myBooking: mine ? await bookingOf(mine, p) : null,
      myWaitlist: mine ? null : await waitlistOf(p._id, openid),
      releaseReminder: !!reminder,
      serverNow: now,
    }
  }

  async function mine(openid: string): Promise<{ roster: RosterDoc | null; history: BookingDoc[] }> {
    const [roster, history] = await Promise.all([rosterLookup.one(openid), ledger.byOpenid(openid)])
    return { roster, history }
  }

  return {
    bookingOf,
    async listProgrammes(openid: string): Promise<ProgrammeCardDTO[]> {
      const { roster, history } = await mine(openid)
      const list = (await catalog.listProgrammes()).sort((a, b) => b.releaseAt - a.releaseAt)
      return Promise.all(list.map((p) => card(p, openid, roster, history)))
    },
    async getProgramme(openid: string, programmeId: string): Promise<ProgrammeCardDTO> {
      const p = await catalog.programme(programmeId)
      if (!p) fail('NOT_FOUND', 'programmeId')
      const { roster, history } = await mine(openid)
      return card(p, openid, roster, history)
    },
    async listSessions(programmeId: string, siteId: string, date?: string): Promise<SessionDTO[]> {
      const p = await catalog.programme(programmeId)
      if (!p || !p.siteIds.includes(siteId)) fail('NOT_FOUND', p ? 'siteId' : 'programmeId')
      const list = await catalog.sessions({ programmeId, siteId, ...(date ? { date } : {}) })
      return list.map(sessionDTO)
    },
    async listDays(programmeId: string, siteId: string): Promise<DayDTO[]> {
      const sessions = await this.listSessions(programmeId, siteId)
      const days = new Map<string, DayDTO>()
      for (const s of sessions) {
        const d = days.get(s.date) ?? { date: s.date, weekday: weekdayOf(s.date), sessions: 0, capacity: 0, placesLeft: 0 }
        days.set(s.date, { ...d, sessions: d.sessions + 1, capacity: d.capacity + s.capacity, placesLeft: d.placesLeft + s.placesLeft })
      }
      return [...days.values()].sort((a, b) => a.date.localeCompare(b.date))
    },
    /** 开放提醒: only for a programme that exists and is not yet open; an unknown one writes nothing. */
    async remindRelease(openid: string, programmeId: string): Promise<{ releaseReminder: true }> {
      const p = (await catalog.programme(programmeId)) ?? fail('NOT_FOUND', 'programmeId')
      await catalog.setReminder({ _id: ledgerId(p._id, openid), programmeId: p._id, openid, at: clock() })
      return { releaseReminder: true }
    },
    async myBookings(openid: string): Promise<BookingDTO[]> {
      const list = (await ledger.byOpenid(openid)).filter((b) => b.status !== 'failed' && b.status !== 'pending')
      const dtos = await Promise.all(list.map((b) => bookingOf(b)))
      return dtos.filter((d): d is BookingDTO => !!d).sort((a, b) => b.session.startAt - a.session.startAt)
    },
  }
}
