/**
 * What a tap on 预约 means, end to end, so the router stays a router: book
 * (or, when full and she asked for it, join the waiting list), then leave the
 * line she no longer needs. The confirmation she opted into is owed by her
 * booking itself and sent off the hot path (confirmation-notice.ts). A retry
 * of the same request gets its first booking back.
 */
import { AppError, fail } from '../common/errors'
import type { RosterDoc } from '../common/member-docs'
import type { AcceptOfferRequest, BookingDTO, BookRequest, BookResponse } from '../../types/screening'
import type { Booked, BookingService } from './booking.service'
import { createBookingRepository, ledgerId } from './booking.repository'
import type { CatalogRepository } from './catalog.repository'
import { boundRoster } from './member-facts'
import type { BookingDoc, SessionDoc } from './screening.docs'
import type { WaitlistService } from './waitlist.service'
import type { Db } from '../common/db'

export interface BookFlowDeps {
  db: Db
  booking: BookingService
  waitlist: WaitlistService
  catalog: CatalogRepository
  bookingOf(b: BookingDoc, p?: undefined, s?: SessionDoc): Promise<BookingDTO | null>
}

export function createBookFlow(deps: BookFlowDeps) {
  const { booking, waitlist } = deps

  async function dtoOf(b: BookingDoc, s?: SessionDoc): Promise<BookingDTO> {
    return (await deps.bookingOf(b, undefined, s)) ?? fail('NOT_FOUND')
  }

  async function settled(r: Booked): Promise<BookingDTO> {
    const dto = await dtoOf(r.b, r.session)
    if (r.replay) return dto
    // Booked directly: her place in line (or held offer) goes on. No line was ever opened for it: nothing to look for.
    if (!r.session || r.session.waitlistOpened) await waitlist.leaveIfWaiting(r.b.openid, r.b.programmeId)
    return dto
  }

  async function joinInstead(openid: string, req: BookRequest): Promise<BookResponse> {
    const roster: RosterDoc = (await boundRoster(deps.db, openid)) ?? fail('NOT_VERIFIED')
    const s = await deps.catalog.session(req.sessionId)
    return { outcome: 'waitlisted', waitlist: await waitlist.join(openid, roster, req.programmeId, s?.siteId ?? null) }
  }

  return {
    async book(openid: string, req: BookRequest, requestId: string | null): Promise<BookResponse> {
      let r: Booked
      try {
        r = await booking.book(openid, req, requestId)
      } catch (e) {
        if (e instanceof AppError && e.code === 'SLOT_FULL' && req.joinWaitlistIfFull) return joinInstead(openid, req)
        throw e
      }
      return { outcome: 'booked', booking: await settled(r) }
    },

    async acceptOffer(openid: string, roster: RosterDoc, req: AcceptOfferRequest, requestId: string | null): Promise<BookingDTO> {
      const w = (await waitlist.get(req.programmeId, openid)) ?? fail('NOT_FOUND', 'programmeId')
      if (w.status === 'claimed' && requestId) {
        // This same request claimed it before its reply was lost: her booking is the first outcome.
        const b = await createBookingRepository(deps.db).get(ledgerId(req.programmeId, openid))
        if (b?.requestId === requestId) return dtoOf(b)
      }
      const r = await booking.acceptOffer(openid, roster, w, req.consentVersion, requestId)
      await waitlist.markClaimed(w)
      return dtoOf(r.b)
    },
  }
}

export type BookFlow = ReturnType<typeof createBookFlow>
