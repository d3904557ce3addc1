/**
 * Returns places a crashed request left held, on the kit's sweeper
 * (common/sweeper.ts, one stale-claim rule). Women resolve their own dead
 * claims when they tap again; this returns what nobody came back for. Safe at
 * any time and concurrently with bookings: a holder is released only when its
 * ledger no longer refers to it, and every ledger refers to a place BEFORE
 * taking it. In production a timer trigger calls it every minute; officers may run it.
 */
import { STALE_CLAIM_MS } from '../common/claim-ledger'
import type { Clock } from '../common/clock'
import type { Db } from '../common/db'
import { deliveryTask, type Notices } from '../common/notices'
import { fail } from '../common/errors'
import type { StoredHolder } from '../common/place-store'
import { expiredRequestsTask, runSweep, sweepHolders } from '../common/sweeper'
import type { SweepResult } from '~types/screening'
import { ACTIVE, type BookingRepository } from './booking.repository'
import type { BookingLedger } from './booking.service'
import type { CatalogRepository } from './catalog.repository'
import type { BookingDoc, SessionDoc } from './screening.docs'
import type { WaitlistRepository } from './waitlist.repository'
import type { WaitlistService } from './waitlist.service'

export interface SweepDeps {
  /** For the kit's expired request markers (common/sweeper.ts). */
  db: Db
  clock: Clock
  catalog: CatalogRepository
  bookings: BookingRepository
  entries: WaitlistRepository
  places: BookingLedger
  waitlist: WaitlistService
  reminders: { send(): Promise<number> }
  /** Owed notices (a booking's confirmation) are queued on each tick, then the queue is delivered (common/notices.ts). */
  notices: Pick<Notices<string, string>, 'settle' | 'deliver'>
}

export function createSweepService({ db, clock, catalog, bookings: repo, entries: wl, places, waitlist, reminders, notices }: SweepDeps) {
  const { ledger, sessions, quotas, holdsOf } = places
  const stateOf = (b: BookingDoc) => (b.status === 'pending' ? 'pending' : ACTIVE.includes(b.status) ? 'final' : 'gone')
  // A booking also names the place a reschedule is taking for it.
  const named = (b: BookingDoc) => {
    const taking = b.rescheduling ? [{ ...holdsOf(b)[0], docId: b.rescheduling.sessionId, key: b.rescheduling.placeId }] : []
    return [...holdsOf(b), ...taking]
  }
  const claimOf = (_k: string, h: StoredHolder) => (typeof h.b === 'string' ? h.b : null)
  const holders = (store: BookingLedger['sessions'], docId: string, t: number) =>
    sweepHolders({ store, docId, ledger, claimOf, holdsOf: named, stateOf }, t)

  /** Places held for waiting-list offers that no longer stand. */
  async function deadOffers(s: SessionDoc): Promise<number> {
    let n = 0
    for (const [key, h] of Object.entries(s.holders ?? {})) {
      if (!h.w) continue
      const w = await wl.get(h.w)
      if (!(w?.status === 'offered' && w.offer?.placeId === key) && (await sessions.release(s._id, key))) n++
    }
    return n
  }

  return {
    async sweep(programmeId?: string): Promise<SweepResult> {
      if (programmeId && !(await catalog.programme(programmeId))) fail('NOT_FOUND', 'programmeId')
      const now = clock()
      const where = programmeId ? { programmeId } : {}
      const offersPassedOn = await waitlist.expireOffers()
      const stalePendingReleased = await ledger.sweepStale(where, now)
      for (const b of await repo.staleRescheduling(now - STALE_CLAIM_MS)) {
        if (programmeId && b.programmeId !== programmeId) continue
        await repo.updateIf(b._id, { 'rescheduling.placeId': b.rescheduling!.placeId }, { rescheduling: null })
      }
      const [sessionDocs, quotaDocs] = await Promise.all([catalog.allSessions(where), catalog.quotas(programmeId)])
      const tasks = [
        ...sessionDocs.map((s) => ({ name: s._id, run: async (t: number) => (await deadOffers(s)) + (await holders(sessions, s._id, t)) })),
        ...quotaDocs.map((q) => ({ name: q._id, run: (t: number) => holders(quotas, q._id, t) })),
      ]
      const orphanHoldsReleased = Object.values(await runSweep(tasks, now)).reduce((a, b) => a + b, 0)
      await notices.settle(null)
      if (!programmeId) await runSweep([expiredRequestsTask(db)], now) // the whole sweep, not one programme's
      const remindersSent = await reminders.send()
      await runSweep([deliveryTask(notices)], now) // last: what this tick queued goes too
      return { offersPassedOn, stalePendingReleased, orphanHoldsReleased, remindersSent }
    },
  }
}
