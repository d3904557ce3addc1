/** Browsing events and signing up. A capacity is a bounded resource: one conditional update on the event decides. */
import { randomBytes } from 'node:crypto'
import type { EventDetailDTO, EventSummaryDTO, ListEventsRequest, MySignUpDTO } from '~types/events'
import { type CallerAccount, scopeIds } from '../common/auth'
import type { Clock } from '../common/clock'
import { COLLECTIONS } from '../common/collections'
import { fail } from '../common/errors'
import type { RosterDoc } from '../common/member-docs'
import type { RosterLookup } from '../common/roster-lookup'
import { beijingDate } from '../common/time'
import { covers, type OfficerScope, ownedWhere } from '../common/unions'
import type { ActivityRepository } from './activity.repository'
import type { CatalogRepository, EventRec } from './catalog.repository'
import { signUpId, type SeatLedger, type SignUpDoc } from './claims.repository'
import { loadEvent } from './event-reads'
import { detailDTO, summaryDTO } from './events.dto'
import { notForYou, phaseOf, signUpOpen } from './events.rules'

interface SignUpDeps {
  clock: Clock
  catalog: CatalogRepository
  activity: ActivityRepository
  seats: SeatLedger
  /** Her roster record: an event for one union's members says why she is not one of them. */
  roster: RosterLookup
}

export function createSignUpService({ clock, catalog, activity, seats, roster }: SignUpDeps) {
  /** Her roster record, read only when some event is for one union's members (one read). */
  const herRecord = async (openid: string, events: EventRec[]) => (openid && events.some((e) => e.within) ? roster.one(openid) : null)

  async function summaries(openid: string, events: EventRec[]): Promise<EventSummaryDTO[]> {
    const [signUps, record] = await Promise.all([activity.signUpsOf({ openid, state: 'confirmed' }), herRecord(openid, events)])
    const mine = new Map(signUps.map((s) => [s.eventId, s.signedUpAt ?? 0]))
    const now = clock()
    return Promise.all(
      events.map(async (e) => {
        const [booths, cps] = await Promise.all([
          catalog.count(COLLECTIONS.eventBooths, e.id),
          catalog.count(COLLECTIONS.eventCheckpoints, e.id),
        ])
        const s = mine.get(e.id)
        const why = notForYou(e.within, record, beijingDate(now))
        return summaryDTO(e, now, s === undefined ? null : { eventId: e.id, signedUpAt: s }, booths, cps, why)
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

    /**
     * The events her desk works at, and for an officer every event her subtree owns (issue 20); the
     * router let only staff and officers in.
     */
    async staffEvents(account: CallerAccount, officer: OfficerScope | null): Promise<{ events: EventSummaryDTO[] }> {
      const scoped = new Set(scopeIds(account, 'event'))
      // an officer's subtree is one indexed query; a desk's own events may lie outside it (read all then)
      const where = officer && scoped.size === 0 ? ownedWhere(officer) : {}
      const events = (await catalog.allEvents(where)).filter((e) => (officer && covers(officer, e.unionPath)) || scoped.has(e.id))
      return { events: await summaries(account.openid, events) }
    },

    async eventDetail(openid: string, eventId: string): Promise<EventDetailDTO> {
      const event = (await catalog.event(eventId, true)) ?? fail('NOT_FOUND', 'eventId') // seats left: afresh
      const [booths, tiers, cps, mine, record] = await Promise.all([
        catalog.booths(eventId),
        catalog.tiers(eventId),
        catalog.checkpoints(eventId),
        activity.signUp(eventId, openid),
        herRecord(openid, [event]),
      ])
      const my = mine?.state === 'confirmed' ? { eventId, signedUpAt: mine.signedUpAt ?? 0 } : null
      return detailDTO(event, clock(), my, booths, tiers, cps, notForYou(event.within, record, beijingDate(clock())))
    },

    /**
     * A seat is a claim on the event's seats (claims.repository.ts); an event without capacity only
     * counts it. Safe to run again: her confirmed sign-up answers the same, and her pending one, left by
     * the same request, is finished at once (claim-ledger.ts).
     */
    async signUp(openid: string, eventId: string, requestId: string | null, record: RosterDoc): Promise<MySignUpDTO> {
      const event = await loadEvent(catalog, eventId)
      const now = clock()
      const existing = await activity.signUp(eventId, openid)
      if (existing?.state === 'confirmed') return { eventId, signedUpAt: existing.signedUpAt ?? 0 }
      if (phaseOf(event, now) === 'ended' || !signUpOpen(event.signUp, event, now)) fail('SIGNUP_CLOSED')
      const why = notForYou(event.within, record, beijingDate(now))
      if (why) fail('NOT_ELIGIBLE', undefined, `${why}，无法报名`)
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
