/** Browsing events and signing up. A capacity is a bounded resource: one conditional update on the event decides. */
import type { EventDetailDTO, EventSummaryDTO, ListEventsRequest, MySignUpDTO } from '../../types/events'
import { isOfficer, loadAccount, requireVerifiedMember } from '../common/auth'
import { COLLECTIONS } from '../common/collections'
import { fail } from '../common/errors'
import { forget } from '../common/instance-cache'
import { randomBytes } from 'node:crypto'
import { countOf, getSignUp, signUpsOf } from './activity.repository'
import { createSeatLedger, signUpId, type SignUpDoc } from './claims.repository'
import { allEvents, boothsOf, checkpointsOf, getEvent, tiersOf, type EventRec } from './catalog.repository'
import { type EventsDeps, withDeps } from './events.deps'
import { detailDTO, summaryDTO } from './events.dto'
import { phaseOf, signUpOpen } from './events.rules'
import { loadEvent } from './stamp.service'

async function summaries(deps: EventsDeps, openid: string, events: EventRec[]): Promise<EventSummaryDTO[]> {
  const mine = new Map((await signUpsOf(deps.db, { openid, state: 'confirmed' })).map((s) => [s.eventId, s.signedUpAt ?? 0]))
  const now = deps.clock()
  return Promise.all(events.map(async (e) => {
    const [booths, cps] = await Promise.all([
      countOf(deps.db, COLLECTIONS.eventBooths, { eventId: e.id }), countOf(deps.db, COLLECTIONS.eventCheckpoints, { eventId: e.id }),
    ])
    const s = mine.get(e.id)
    return summaryDTO(e, now, s === undefined ? null : { eventId: e.id, signedUpAt: s }, booths, cps)
  }))
}

export async function listEvents(deps: EventsDeps, openid: string, req: ListEventsRequest): Promise<{ events: EventSummaryDTO[] }> {
  const now = deps.clock()
  const events = (await allEvents(deps.db))
    .filter((e) => (req.includeEnded || phaseOf(e, now) !== 'ended') && (!req.city || e.venue.city === req.city))
  return { events: await summaries(deps, openid, events) }
}

export async function staffEvents(deps: EventsDeps, openid: string): Promise<{ events: EventSummaryDTO[] }> {
  const account = await loadAccount(deps.db, openid)
  const scoped = new Set(account.roles.flatMap((r) => (r.role === 'staff' && r.scope.kind === 'event' ? [r.scope.id] : [])))
  const events = (await allEvents(deps.db)).filter((e) => isOfficer(account) || scoped.has(e.id))
  if (events.length === 0 && !isOfficer(account) && scoped.size === 0) fail('FORBIDDEN')
  return { events: await summaries(deps, openid, events) }
}

export async function eventDetail(deps: EventsDeps, openid: string, eventId: string): Promise<EventDetailDTO> {
  const event = (await getEvent(deps.db, eventId, true)) ?? fail('NOT_FOUND', 'eventId') // seats left: afresh
  const [booths, tiers, cps, mine] = await Promise.all([
    boothsOf(deps.db, eventId), tiersOf(deps.db, eventId), checkpointsOf(deps.db, eventId), getSignUp(deps.db, eventId, openid),
  ])
  const my = mine?.state === 'confirmed' ? { eventId, signedUpAt: mine.signedUpAt ?? 0 } : null
  return detailDTO(event, deps.clock(), my, booths, tiers, cps)
}

/** A seat is a claim on the event's seats (claims.repository.ts); an event without capacity only counts it. */
export async function signUp(deps: EventsDeps, openid: string, eventId: string): Promise<MySignUpDTO> {
  await requireVerifiedMember(deps.db, openid)
  const event = await loadEvent(deps, eventId)
  const now = deps.clock()
  const existing = await getSignUp(deps.db, eventId, openid)
  if (existing?.state === 'confirmed') return { eventId, signedUpAt: existing.signedUpAt ?? 0 }
  if (phaseOf(event, now) === 'ended' || !signUpOpen(event.signUp, event, now)) fail('SIGNUP_CLOSED')
  const doc: SignUpDoc = {
    _id: signUpId(eventId, openid), claimId: randomBytes(9).toString('base64url'), pendingAt: now, eventId, openid,
    state: 'pending', signedUpAt: null, capped: event.signUp.capacity !== null,
  }
  const r = await createSeatLedger(deps.db, deps.clock).ledger.claim(doc, () => ({ state: 'confirmed', signedUpAt: deps.clock() }))
  forget(deps.db, `ev:${eventId}`) // its seat counters changed: this instance reads them afresh
  return { eventId, signedUpAt: r.doc.signedUpAt ?? now }
}

/** Browsing events and signing up. */
export function createSignUpService(deps: EventsDeps) {
  return withDeps(deps, { listEvents, staffEvents, eventDetail, signUp })
}
