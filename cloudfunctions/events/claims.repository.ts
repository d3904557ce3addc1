/**
 * The events' two bounded resources on the kit (common/place-store.ts,
 * common/claim-ledger.ts): a gift tier's stock and an event's sign-up seats.
 * A redemption or sign-up is a claim `${resourceId}:${openid}` written pending,
 * then its unit is taken under the claim's key, then it is confirmed and the
 * unit settled (consumed for good, holder unlisted). A claim that cannot be
 * finished is removed, so a new one may start from nothing.
 */
import { type ClaimDoc, createClaimLedger, type Hold } from '../common/claim-ledger'
import type { Clock } from '../common/clock'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { createPlaceStore } from '../common/place-store'

export interface RedemptionDoc extends ClaimDoc {
  eventId: string
  tierId: string
  openid: string
  state: 'pending' | 'confirmed'
  redeemedAt: number | null
  desk: string
  staff: string
}
export interface SignUpDoc extends ClaimDoc {
  eventId: string
  openid: string
  state: 'pending' | 'confirmed'
  signedUpAt: number | null
  /** false: the event has no capacity; the seat is only counted. */
  capped?: boolean
}
/** As read by services: `id` is the document's `_id`. */
export type RedemptionRec = RedemptionDoc & { id: string }
export type SignUpRec = SignUpDoc & { id: string }

export const redemptionId = (tierId: string, openid: string) => `${tierId}:${openid}`
export const signUpId = (eventId: string, openid: string) => `${eventId}:${openid}`

export function createGiftLedger(db: Db, clock: Clock) {
  const stock = createPlaceStore(db, COLLECTIONS.eventTiers)
  const holdsOf = (r: RedemptionDoc): Hold[] => [
    { store: stock, docId: r.tierId, key: r.claimId, holder: { c: r._id }, refusal: 'OUT_OF_STOCK', settle: true },
  ]
  const ledger = createClaimLedger<RedemptionDoc>(db, {
    collection: COLLECTIONS.eventRedemptions,
    stateField: 'state',
    pending: 'pending',
    failed: null,
    reusable: [],
    clock,
    holdsOf,
  })
  return { ledger, stock, holdsOf }
}

export function createSeatLedger(db: Db, clock: Clock) {
  const seats = createPlaceStore(db, COLLECTIONS.events, { left: 'seatsLeft' })
  const holdsOf = (s: SignUpDoc): Hold[] => [
    {
      store: seats,
      docId: s.eventId,
      key: s.claimId,
      holder: { c: s._id },
      refusal: 'SIGNUP_FULL',
      settle: true,
      take: { counters: { signedUp: 1 }, bounded: s.capped !== false },
    },
  ]
  const ledger = createClaimLedger<SignUpDoc>(db, {
    collection: COLLECTIONS.eventSignups,
    stateField: 'state',
    pending: 'pending',
    failed: null,
    reusable: [],
    clock,
    holdsOf,
  })
  return { ledger, seats, holdsOf }
}

export type GiftLedger = ReturnType<typeof createGiftLedger>
export type SeatLedger = ReturnType<typeof createSeatLedger>
