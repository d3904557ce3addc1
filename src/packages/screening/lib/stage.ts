import type { ProgrammeCardDTO } from '~types/screening'

/**
 * Where a woman stands with one programme, which decides what the page offers
 * her next. Checked in order: a booking or waiting-list place she holds comes
 * first (she must always be able to reach it), then eligibility, then time.
 */
export type Stage = 'booked' | 'offered' | 'waiting' | 'ineligible' | 'upcoming' | 'closed' | 'full' | 'open'

export function stageOf(card: ProgrammeCardDTO): Stage {
  const { myBooking, myWaitlist, eligibility, programme } = card
  if (myBooking && myBooking.status !== 'cancelled') return 'booked'
  if (myWaitlist?.status === 'offered' && myWaitlist.offer) return 'offered'
  if (myWaitlist?.status === 'waiting') return 'waiting'
  if (!eligibility.eligible) return 'ineligible'
  if (programme.status === 'upcoming') return 'upcoming'
  if (programme.status === 'closed') return 'closed'
  return programme.placesLeft > 0 ? 'open' : 'full'
}

/**
 * Milliseconds until an instant by the server's clock: `serverNow` was the
 * server's time when the card was read at `readAt` on the phone's clock, so a
 * phone set wrong still counts down to the real release time.
 */
export function msUntil(target: number, serverNow: number, readAt: number, phoneNow: number): number {
  return target - (serverNow + (phoneNow - readAt))
}
