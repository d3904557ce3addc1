/**
 * Gives back gift units and seats held by claims whose call died, on the kit's
 * sweeper (common/sweeper.ts, one stale-claim rule): a unit is held by a claim
 * exactly while the resource lists the claim's key. Members resolve their own
 * dead claims when they come back; this returns what nobody came back for.
 * Claims that died before taking anything are removed too.
 */
import type { SweepResultDTO } from '~types/events'
import type { ClaimDoc } from '../common/claim-ledger'
import type { Clock } from '../common/clock'
import type { StoredHolder } from '../common/place-store'
import { runSweep, type SweepTask, sweepHolders } from '../common/sweeper'
import type { CatalogRepository, EventRec } from './catalog.repository'
import type { GiftLedger, SeatLedger } from './claims.repository'
import { loadEvent } from './event-reads'
import type { StampStats } from './stamp-stats'

interface SweepDeps {
  clock: Clock
  catalog: CatalogRepository
  gifts: GiftLedger
  seats: SeatLedger
  stats: StampStats
  /** The kit's own tasks every function's sweep registers (expired request markers). */
  kitTasks: SweepTask[]
}

const claimOf = (_k: string, h: StoredHolder) => (typeof h.c === 'string' ? h.c : null)
const stateOf = (d: ClaimDoc & { state: string }) => (d.state === 'pending' ? ('pending' as const) : ('final' as const))

export function createSweepService({ clock, catalog, gifts, seats, stats, kitTasks }: SweepDeps) {
  async function sweepEvent(event: EventRec): Promise<number> {
    const now = clock()
    const tiers = await catalog.tiers(event.id)
    const tasks = [
      ...tiers.map((t) => ({
        name: t.id,
        run: (n: number) =>
          sweepHolders({ store: gifts.stock, docId: t.id, ledger: gifts.ledger, claimOf, holdsOf: gifts.holdsOf, stateOf }, n),
      })),
      {
        name: event.id,
        run: (n: number) =>
          sweepHolders({ store: seats.seats, docId: event.id, ledger: seats.ledger, claimOf, holdsOf: seats.holdsOf, stateOf }, n),
      },
    ]
    const released = Object.values(await runSweep(tasks, now)).reduce((a, b) => a + b, 0)
    // Claims that died before taking a unit hold nothing: just removed.
    await gifts.ledger.sweepStale({ eventId: event.id }, now)
    await seats.ledger.sweepStale({ eventId: event.id }, now)
    return released
  }

  return {
    sweepPending: async (eventId: string): Promise<SweepResultDTO> => ({ released: await sweepEvent(await loadEvent(catalog, eventId)) }),

    /** CloudBase's timer trigger: every event, no caller (see `timer.ts`). */
    async sweepAll(): Promise<SweepResultDTO & { events: number }> {
      const events = await catalog.allEvents()
      let released = 0
      for (const e of events) {
        try {
          released += await sweepEvent(e)
          await stats.rollUp(e.id, clock()) // the dashboard's counters (stamp-stats.ts)
        } catch (err) {
          console.error(`[events] timer sweep of ${e.id}:`, err) // one bad event must not stop the others; the next tick retries
        }
      }
      await runSweep(kitTasks, clock())
      return { released, events: events.length }
    },
  }
}
