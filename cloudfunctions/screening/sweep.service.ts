/**
 * Returns places a crashed request left held. Safe to run at any time and
 * concurrently with bookings: a holder is released only when its ledger no
 * longer refers to it, and every ledger refers to a place BEFORE taking it.
 * In production a timer trigger calls it every minute; officers may run it.
 */
import type { Clock } from '../common/clock'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import type { SweepResult } from '../../types/screening'
import { ACTIVE, createBookingRepository } from './booking.repository'
import { createCatalogRepository, getAll } from './catalog.repository'
import { createPlaceStore } from './place.repository'
import type { BookingDoc, QuotaDoc, SessionDoc, WaitlistDoc } from './screening.docs'
import { createWaitlistRepository } from './waitlist.repository'
import type { WaitlistService } from './waitlist.service'

/** A pending claim older than this belongs to a request that died. */
export const STALE_MS = 60_000

function offerHolds(w: WaitlistDoc | null, key: string): boolean {
  return w?.status === 'offered' && w.offer?.placeId === key
}

function holds(b: BookingDoc | null, key: string, kind: 'session' | 'quota'): boolean {
  if (!b || !ACTIVE.includes(b.status)) return false
  return kind === 'quota' ? b.claimId === key : b.placeId === key || b.rescheduling?.placeId === key
}

export function createSweepService(db: Db, clock: Clock, waitlist: WaitlistService, reminders: { send(): Promise<number> }) {
  const wl = createWaitlistRepository(db)
  const ledger = createBookingRepository(db)
  const catalog = createCatalogRepository(db)
  const places = { session: createPlaceStore(db, COLLECTIONS.screeningSessions), quota: createPlaceStore(db, COLLECTIONS.screeningQuotas) }

  async function orphans(kind: 'session' | 'quota', docs: (SessionDoc | QuotaDoc)[]): Promise<number> {
    let released = 0
    for (const d of docs) {
      for (const [key, holder] of Object.entries(d.holders ?? {})) {
        const legit = holder.w ? offerHolds(await wl.get(holder.w), key) : holds(holder.b ? await ledger.get(holder.b) : null, key, kind)
        if (!legit && (await places[kind].release(d._id, key))) released++
      }
    }
    return released
  }

  return {
    async sweep(programmeId?: string): Promise<SweepResult> {
      const before = clock() - STALE_MS
      const offersPassedOn = await waitlist.expireOffers()
      let stale = 0
      for (const b of await ledger.stalePending(before)) {
        if (programmeId && b.programmeId !== programmeId) continue
        // Declare it failed first: its own request, if still alive, then fails to confirm and gives back what it took.
        if (await ledger.updateIf(b._id, { status: 'pending', claimId: b.claimId }, { status: 'failed', updatedAt: clock() })) stale++
      }
      for (const b of await ledger.staleRescheduling(before)) {
        if (programmeId && b.programmeId !== programmeId) continue
        await ledger.updateIf(b._id, { 'rescheduling.placeId': b.rescheduling!.placeId }, { rescheduling: null })
      }
      const where = programmeId ? { programmeId } : {}
      const sessions = await getAll<SessionDoc>(db, COLLECTIONS.screeningSessions, where)
      const quotas = programmeId ? await catalog.quotas(programmeId) : await getAll<QuotaDoc>(db, COLLECTIONS.screeningQuotas, {})
      const orphanHoldsReleased = (await orphans('session', sessions)) + (await orphans('quota', quotas))
      return { offersPassedOn, stalePendingReleased: stale, orphanHoldsReleased, remindersSent: await reminders.send() }
    },
  }
}
