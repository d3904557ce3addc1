/**
 * What a tap on 预约 means, end to end, so the router stays a router: book
 * (or, when full and she asked for it, join the waiting list), then leave the
 * line she no longer needs. The confirmation she opted into is owed by her
 * booking itself and sent off the hot path (confirmation-notice.ts). A retry
 * of the same request gets its first booking back.
 */
import { AppError, fail } from '../common/errors'
import type { RosterDoc } from '../common/member-docs'
import type { AcceptOfferRequest, BookingDTO, BookRequest, BookResponse } from '~types/screening'
import type { Booked, BookingService } from './booking.service'
import { ledgerId, type BookingRepository } from './booking.repository'
import type { CatalogRepository } from './catalog.repository'
import type { BookingDoc, SessionDoc } from './screening.docs'
import type { WaitlistService } from './waitlist.service'

export interface BookFlowDeps {
  booking: BookingService
  waitlist: WaitlistService
  catalog: CatalogRepository
  bookings: BookingRepository
  bookingOf(b: BookingDoc, s?: SessionDoc): Promise<BookingDTO | null>
}

/** Who is booking: her openid, her roster record (the router read it: `auth: 'member'`) and the request id. */
interface Booker {
  openid: string
  roster: RosterDoc
  requestId: string | null
  /** The client's first try of this request (function.ts): a remembered 已满 may answer it. */
  firstAttempt?: boolean
}

export function createBookFlow(deps: BookFlowDeps) {
  const { booking, waitlist } = deps

  async function dtoOf(b: BookingDoc, s?: SessionDoc): Promise<BookingDTO> {
    return (await deps.bookingOf(b, s)) ?? fail('NOT_FOUND')
  }

  async function settled(r: Booked): Promise<BookingDTO> {
    const dto = await dtoOf(r.b, r.session)
    if (r.replay) return dto
    // Booked directly: her place in line (or held offer) goes on. No line was ever opened for it: nothing to look for.
    if (!r.session || r.session.waitlistOpened) await waitlist.leaveIfWaiting(r.b.openid, r.b.programmeId)
    return dto
  }

  async function joinInstead(who: Booker, req: BookRequest): Promise<BookResponse> {
    const s = await deps.catalog.session(req.sessionId)
    return { outcome: 'waitlisted', waitlist: await waitlist.join(who.openid, who.roster, req.programmeId, s?.siteId ?? null) }
  }

  return {
    async book(who: Booker, req: BookRequest): Promise<BookResponse> {
      let r: Booked
      try {
        r = await booking.book(who.openid, who.roster, req, who.requestId, who.firstAttempt)
      } catch (e) {
        if (e instanceof AppError && e.code === 'SLOT_FULL' && req.joinWaitlistIfFull) return joinInstead(who, req)
        throw e
      }
      return { outcome: 'booked', booking: await settled(r) }
    },

    async acceptOffer(who: Booker, req: AcceptOfferRequest): Promise<BookingDTO> {
      const w = (await waitlist.get(req.programmeId, who.openid)) ?? fail('NOT_FOUND', 'programmeId')
      if (w.status === 'claimed' && who.requestId) {
        // This same request claimed it before its reply was lost: her booking is the first outcome.
        const b = await deps.bookings.get(ledgerId(req.programmeId, who.openid))
        if (b?.requestId === who.requestId) return dtoOf(b)
      }
      const r = await booking.acceptOffer(who.openid, who.roster, w, req.consentVersion, who.requestId)
      await waitlist.markClaimed(w)
      return dtoOf(r.b)
    },
  }
}
