/**
 * Gives back gift units and seats held by claims whose call died, so no unit is lost
 * silently. A unit is held by a claim exactly while the claim's id is listed in the
 * resource's `holders`. A dead pending claim is first removed (conditional on its
 * pendingAt, so a desk re-taking it at the same moment and the sweeper cannot both
 * win), then its unit is returned (conditional on it still being listed).
 */
import type { SweepResultDTO } from '../../types/events'
import { requireOfficer } from '../common/auth'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import {
  dropPending, getRedemption, getSignUp, holdersOf, redemptionsOf, releaseHolder, returnUnit, signUpsOf,
} from './activity.repository'
import { allEvents, tiersOf, type EventRec } from './catalog.repository'
import type { EventsDeps } from './events.deps'
import { isStale, STALE_PENDING_MS } from './events.rules'
import { loadEvent } from './stamp.service'

interface Resource {
  coll: string
  id: string
  field: 'left' | 'seatsLeft' | null
  claims: string
  claim(id: string): Promise<{ state: 'pending' | 'confirmed'; pendingAt: number } | null>
  extra?: Record<string, unknown>
}

/** Returns the units of one resource's dead holders; unlists confirmed ones. */
export async function reclaim(db: Db, r: Resource, now: number): Promise<number> {
  let released = 0
  for (const holder of await holdersOf(db, r.coll, r.id)) {
    const c = await r.claim(holder)
    if (c?.state === 'confirmed') await releaseHolder(db, r.coll, r.id, holder)
    else if (!c || (isStale(c.pendingAt, now) && (await dropPending(db, r.claims, holder, c.pendingAt)))) {
      if (await returnUnit(db, r.coll, r.id, r.field, holder, r.extra)) released++
    }
  }
  return released
}

/**
 * The gift desk's fast path when a tier looks sold out: one query for this tier's
 * stale pending claims (usually none) instead of reading every holder's claim.
 */
export async function reclaimStaleOfTier(db: Db, tierId: string, now: number): Promise<number> {
  let released = 0
  const stale = await redemptionsOf(db, { tierId, state: 'pending', pendingAt: db.command.lt(now - STALE_PENDING_MS) })
  for (const c of stale) {
    if ((await dropPending(db, COLLECTIONS.eventRedemptions, c.id, c.pendingAt)) && (await returnUnit(db, COLLECTIONS.eventTiers, tierId, 'left', c.id))) released++
  }
  return released
}

export const tierResource = (db: Db, tierId: string): Resource => ({
  coll: COLLECTIONS.eventTiers, id: tierId, field: 'left', claims: COLLECTIONS.eventRedemptions, claim: (id) => getRedemption(db, id),
})

export async function sweepPending(deps: EventsDeps, officer: string, eventId: string): Promise<SweepResultDTO> {
  await requireOfficer(deps.db, officer)
  return { released: await sweepEvent(deps, await loadEvent(deps, eventId)) }
}

/** CloudBase's timer trigger: every event, no caller (see `timer.ts`). */
export async function sweepAll(deps: EventsDeps): Promise<SweepResultDTO & { events: number }> {
  const events = await allEvents(deps.db)
  let released = 0
  for (const e of events) {
    try {
      released += await sweepEvent(deps, e)
    } catch (err) {
      console.error(`[events] timer sweep of ${e.id}:`, err) // one bad event must not stop the others; the next tick retries
    }
  }
  return { released, events: events.length }
}

async function sweepEvent(deps: EventsDeps, event: EventRec): Promise<number> {
  const now = deps.clock()
  const eventId = event.id
  let released = 0
  for (const t of await tiersOf(deps.db, eventId)) released += await reclaim(deps.db, tierResource(deps.db, t.id), now)
  released += await reclaim(deps.db, {
    coll: COLLECTIONS.events, id: eventId, field: event.signUp.capacity === null ? null : 'seatsLeft', claims: COLLECTIONS.eventSignups,
    claim: (id) => getSignUp(deps.db, eventId, id.slice(eventId.length + 1)), extra: { signedUp: deps.db.command.inc(-1) },
  }, now)
  // Claims that died before taking a unit hold nothing: just drop them.
  for (const r of await redemptionsOf(deps.db, { eventId, state: 'pending' })) {
    if (isStale(r.pendingAt, now)) await dropPending(deps.db, COLLECTIONS.eventRedemptions, r.id, r.pendingAt)
  }
  for (const s of await signUpsOf(deps.db, { eventId, state: 'pending' })) {
    if (isStale(s.pendingAt, now)) await dropPending(deps.db, COLLECTIONS.eventSignups, s.id, s.pendingAt)
  }
  return released
}
