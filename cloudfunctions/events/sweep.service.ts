/**
 * Gives back gift units and seats held by claims whose call died, on the kit's
 * sweeper (common/sweeper.ts, one stale-claim rule): a unit is held by a claim
 * exactly while the resource lists the claim's key. Members resolve their own
 * dead claims when they come back; this returns what nobody came back for.
 * Claims that died before taking anything are removed too.
 */
import type { SweepResultDTO } from '../../types/events'
import { requireOfficer } from '../common/auth'
import type { ClaimDoc } from '../common/claim-ledger'
import type { StoredHolder } from '../common/place-store'
import { expiredRequestsTask, runSweep, sweepHolders } from '../common/sweeper'
import { allEvents, tiersOf, type EventRec } from './catalog.repository'
import { createGiftLedger, createSeatLedger } from './claims.repository'
import { type EventsDeps, withDeps } from './events.deps'
import { loadEvent } from './stamp.service'
import { rollUpStamps } from './stamp-stats'

const claimOf = (_k: string, h: StoredHolder) => (typeof h.c === 'string' ? h.c : null)
const stateOf = (d: ClaimDoc & { state: string }) => (d.state === 'pending' ? 'pending' as const : 'final' as const)

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
      await rollUpStamps(deps.db, e.id, deps.clock()) // the dashboard's counters (stamp-stats.ts)
    } catch (err) {
      console.error(`[events] timer sweep of ${e.id}:`, err) // one bad event must not stop the others; the next tick retries
    }
  }
  await runSweep([expiredRequestsTask(deps.db)], deps.clock())
  return { released, events: events.length }
}

async function sweepEvent(deps: EventsDeps, event: EventRec): Promise<number> {
  const now = deps.clock()
  const gifts = createGiftLedger(deps.db, deps.clock)
  const seats = createSeatLedger(deps.db, deps.clock)
  const tiers = await tiersOf(deps.db, event.id)
  const tasks = [
    ...tiers.map((t) => ({ name: t.id, run: (n: number) => sweepHolders({ store: gifts.stock, docId: t.id, ledger: gifts.ledger, claimOf, holdsOf: gifts.holdsOf, stateOf }, n) })),
    { name: event.id, run: (n: number) => sweepHolders({ store: seats.seats, docId: event.id, ledger: seats.ledger, claimOf, holdsOf: seats.holdsOf, stateOf }, n) },
  ]
  const released = Object.values(await runSweep(tasks, now)).reduce((a, b) => a + b, 0)
  // Claims that died before taking a unit hold nothing: just removed.
  await gifts.ledger.sweepStale({ eventId: event.id }, now)
  await seats.ledger.sweepStale({ eventId: event.id }, now)
  return released
}

/** Gives back what dead claims hold (and rolls up the stamp counters). */
export function createSweepService(deps: EventsDeps) {
  return withDeps(deps, { sweepPending, sweepAll })
}
