/** Browsing events and signing up. A capacity is a bounded resource: one conditional update on the event decides. */
import { randomBytes } from 'node:crypto'
import type { EventDetailDTO, EventSummaryDTO, ListEventsRequest, MySignUpDTO } from '~types/events'
import { type CallerAccount, isOfficer, scopeIds } from '../common/auth'
import type { Clock } from '../common/clock'
import { COLLECTIONS } from '../common/collections'
import { fail } from '../common/errors'
import type { ActivityRepository } from './activity.repository'
import type { CatalogRepository, EventRec } from './catalog.repository'
import { signUpId, type SeatLedger, type SignUpDoc } from './claims.repository'
import { loadEvent } from './event-reads'
import { detailDTO, summaryDTO } from './events.dto'
import { phaseOf, signUpOpen } from './events.rules'

interface SignUpDeps {
  clock: Clock
  catalog: CatalogRepository
  activity: ActivityRepository
  seats: SeatLedger
}

export function createSignUpService({ clock, catalog, activity, seats }: SignUpDeps) {
  async function summaries(openid: string, events: EventRec[]): Promise<EventSummaryDTO[]> {
    const mine = new Map((await activity.signUpsOf({ openid, state: 'confirmed' })).map((s) => [s.eventId, s.signedUpAt ?? 0]))
    const now = clock()
    return Promise.all(
      events.map(async (e) => {
        const [booths, cps] = await Promise.all([
          catalog.count(COLLECTIONS.eventBooths, e.id),
          catalog.count(COLLECTIONS.eventCheckpoints, e.id),
        ])
        const s = mine.get(e.id)
        return summaryDTO(e, now, s === undefined ? null : { eventId: e.id, signedUpAt: s }, booths, cps)
      }),
    )
  }

  return {
    async listEvents(openid: string, req: ListEventsRequest): Promise<{ events: EventSummaryDTO[] }> {
      const now = clock()
      const events = (await catalog.allEvents()).filter(
        (e) => (req.includeEnded || phaseOf(e, now) !== 'ended') && (!req.city || e.venue.city === req.city),
      )
      return { events: await summaries(openid, events) }
    },

    /** The events her desk works at (every event for an officer); the router let only staff and officers in. */
    async staffEvents(account: CallerAccount): Promise<{ events: EventSummaryDTO[] }> {
      const scoped = new Set(scopeIds(account, 'event'))
      const events = (await catalog.allEvents()).filter((e) => isOfficer(account) || scoped.has(e.id))
      return { events: await summaries(account.openid, events) }
    },

    async eventDetail(openid: string, eventId: string): Promise<EventDetailDTO> {
      const event = (await catalog.event(eventId, true)) ?? fail('NOT_FOUND', 'eventId') // seats left: afresh
      const [booths, tiers, cps, mine] = await Promise.all([
        catalog.booths(eventId),
        catalog.tiers(eventId),
        catalog.checkpoints(eventId),
        activity.signUp(eventId, openid),
      ])
      const my = mine?.state === 'confirmed' ? { eventId, signedUpAt: mine.signedUpAt ?? 0 } : null
      return detailDTO(event, clock(), my, booths, tiers, cps)
    },

    /**
     * A seat is a claim on the event's seats (claims.repository.ts); an event without capacity only
     * counts it. Safe to run again: her confirmed sign-up answers the same, and her pending one, left by
     * the same request, is finished at once (claim-ledger.ts).
     */
    async signUp(openid: string, eventId: string, requestId: string | null): Promise<MySignUpDTO> {
      const event = await loadEvent(catalog, eventId)
      const now = clock()
      const existing = await activity.signUp(eventId, openid)
      if (existing?.state === 'confirmed') return { eventId, signedUpAt: existing.signedUpAt ?? 0 }
      if (phaseOf(event, now) === 'ended' || !signUpOpen(event.signUp, event, now)) fail('SIGNUP_CLOSED')
      const doc: SignUpDoc = {
        _id: signUpId(eventId, openid),
        claimId: randomBytes(9).toString('base64url'),
        pendingAt: now,
        requestId,
        eventId,
        openid,
        state: 'pending',
        signedUpAt: null,
        capped: event.signUp.capacity !== null,
      }
      const r = await seats.ledger.claim(doc, () => ({ state: 'confirmed', signedUpAt: clock() }))
      catalog.forgetEvent(eventId)
      return { eventId, signedUpAt: r.doc.signedUpAt ?? now }
    },
  }
}
