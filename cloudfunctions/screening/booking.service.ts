/**
 * Book, cancel, reschedule (DESIGN.md "Bounded resources") on the kit's claim
 * ledger: her ledger is written `pending` naming the session place and branch
 * quota it takes, each is taken by ONE conditional update, then it is
 * confirmed. A crash between steps leaves her pending claim, which her next
 * tap (or the same request's retry) finishes or gives back at once; the
 * sweeper returns what nobody came back for. Nothing is lost silently.
 *
 * The hot path is counted (test/integration/screening-calls.test.ts): her roster
 * record (`auth: 'member'`, one read by the router); a losing tap at the release
 * rush then reads her history (the programme and session dates are cached, and
 * the session's places too when this instance saw it full a moment ago) and
 * stops; a winning one on a session the instance saw open goes straight to the
 * claim, the place (answering places left) and the confirmation, which also
 * marks her confirmation notice owed (`book`, `atOnce`; docs/capacity.md).
 */
import { randomBytes } from 'node:crypto'
import { createClaimLedger, type Hold } from '../common/claim-ledger'
import type { Clock } from '../common/clock'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { AppError, fail } from '../common/errors'
import { type Fullness, forgetFullness, fullness, noteFullness, placeKey } from '../common/instance-cache'
import { createPlaceStore } from '../common/place-store'
import type { RosterDoc } from '../common/member-docs'
import type { ErrorCode } from '~types/errors'
import type { BookRequest } from '~types/screening'
import { bookingGate, cancelDeadlineOf } from './booking.rules'
import { ledgerId, type BookingRepository } from './booking.repository'
import type { CatalogRepository } from './catalog.repository'
import { eligibilityOf } from './eligibility.rules'
import { factsOf } from './member-facts'
import type { BookingDoc, ProgrammeDoc, SessionDoc, WaitlistDoc } from './screening.docs'
import { timesOf } from './screening.dto'

export const newId = (): string => randomBytes(9).toString('base64url')

type Consent = Pick<BookRequest, 'consentVersion' | 'notice'>
/** Where a freed place goes: to the waiting list, or back to the session. */
type Handoff = (sessionId: string, placeId: string) => Promise<void>
/**
 * A booking, whether it is the first outcome of this same request (a retry) rather than new,
 * and its session as read on the way (places left after this booking), so the reply costs no read.
 */
export interface Booked {
  b: BookingDoc
  replay: boolean
  session?: SessionDoc
}

const HOLDING: BookingDoc['status'][] = ['booked', 'checked_in', 'no_show']

/** The places a booking takes (session, branch quota) and the claim ledger that takes them; built once (screening.context.ts). */
export function createBookingLedger(db: Db, clock: Clock) {
  const sessions = createPlaceStore(db, COLLECTIONS.screeningSessions)
  const quotas = createPlaceStore(db, COLLECTIONS.screeningQuotas)
  const holdsOf = (b: BookingDoc): Hold[] => {
    const holder = { b: b._id }
    const quota: Hold[] = b.quotaId ? [{ store: quotas, docId: b.quotaId, key: b.claimId, holder, refusal: 'BRANCH_QUOTA_FULL' }] : []
    return [{ store: sessions, docId: b.sessionId, key: b.placeId, holder, refusal: 'SLOT_FULL' }, ...quota]
  }
  const ledger = createClaimLedger<BookingDoc>(db, {
    collection: COLLECTIONS.screeningBookings,
    stateField: 'status',
    pending: 'pending',
    failed: 'failed',
    reusable: ['cancelled', 'failed'],
    clock,
    holdsOf,
  })
  // What this instance saw of a session's places lately (instance-cache.ts): a rush's refusal answers from it.
  const key = (sessionId: string) => placeKey(COLLECTIONS.screeningSessions, sessionId)
  const seen = (sessionId: string) => fullness(db, key(sessionId))
  const note = (sessionId: string, full: boolean) => noteFullness(db, key(sessionId), full)
  const forget = (sessionId: string) => forgetFullness(db, key(sessionId))
  return { ledger, sessions, quotas, holdsOf, seen, note, forget }
}

export type BookingLedger = ReturnType<typeof createBookingLedger>

export interface BookingDeps {
  clock: Clock
  catalog: CatalogRepository
  bookings: BookingRepository
  places: BookingLedger
  /** Where a cancelled place goes: the waiting list, which frees it when nobody waits. */
  handoff: Handoff
}

export function createBookingService({ clock, catalog, bookings: repo, places, handoff: free }: BookingDeps) {
  const { ledger, sessions, quotas } = places

  async function loadTarget(programmeId: string, sessionId: string, live = false): Promise<{ p: ProgrammeDoc; s: SessionDoc }> {
    const [p, s] = await Promise.all([catalog.programme(programmeId), live ? catalog.liveSession(sessionId) : catalog.session(sessionId)])
    if (!p) fail('NOT_FOUND', 'programmeId')
    if (!s || s.programmeId !== p._id) fail('NOT_FOUND', 'sessionId')
    return { p, s }
  }

  type Claimant = { openid: string; roster: RosterDoc; requestId: string | null }

  function pendingDoc({ openid, roster, requestId }: Claimant, p: ProgrammeDoc, s: SessionDoc, req: Consent): BookingDoc {
    const now = clock()
    return {
      _id: ledgerId(p._id, openid),
      programmeId: p._id,
      openid,
      ref: newId(),
      status: 'pending',
      claimId: newId(),
      placeId: newId(),
      sessionId: s._id,
      siteId: s.siteId,
      quotaId: p.branchQuotas.find((q) => q.branch === roster.branch)?.quotaId ?? null,
      member: { name: roster.name, cardNo: roster.cardNo, phone: roster.phone, branch: roster.branch },
      pendingAt: now,
      bookedAt: null,
      consent: { version: req.consentVersion, at: now },
      notice: req.notice ?? 'confirmation',
      reminderSentAt: null,
      checkedInAt: null,
      cancelledAt: null,
      noShowAt: null,
      resultReady: false,
      rescheduling: null,
      requestId,
      changedBy: null,
      updatedAt: now,
    }
  }

  /** pending → place (taken by `acquire`, if given) → branch quota → booked; her own earlier pending claim is resolved first. */
  async function placeClaim(doc: BookingDoc, acquire?: (h: Hold) => Promise<boolean> | null, owesNotice = false): Promise<Booked> {
    // The write that books her also marks the confirmation she opted into as owed: the notice costs the tap no call.
    const owes = (d: BookingDoc) => owesNotice && (d.notice === 'confirmation' || d.notice === 'both')
    const confirm = (d: BookingDoc) => ({
      status: 'booked' as const,
      bookedAt: clock(),
      updatedAt: clock(),
      ...(owes(d) ? { noticeDue: true } : {}),
    })
    const r = await ledger.claim(doc, confirm, { acquire, resume: (old) => (old.sessionId === doc.sessionId ? 'finish' : 'give-back') })
    if (r.outcome === 'confirmed') return { b: r.doc, replay: r.resumed && !!doc.requestId && r.doc.requestId === doc.requestId }
    if (doc.requestId && r.doc.requestId === doc.requestId) return { b: r.doc, replay: true }
    fail('ALREADY_BOOKED')
  }

  /**
   * The session's places are read afresh only when this instance saw nothing of them in the last
   * seconds (`places.seen`, instance-cache.ts): seen full, a tap is refused without reading them; seen
   * open, the take decides (and answers the places left). Her history is read unless the tap can go
   * straight to the claim (`atOnce`): her own booking of this very request (a retry) or her pending
   * claim here must never be told 已满, and only her history can say so without a write. The client's
   * first try of a request (`firstAttempt`) has no earlier outcome: seen full, it is refused from the
   * instance's memory and the cached programme alone, with no read of hers.
   */
  async function book(
    openid: string,
    roster: RosterDoc,
    req: BookRequest,
    requestId: string | null,
    firstAttempt = false,
  ): Promise<Booked> {
    const now = clock()
    const seen = places.seen(req.sessionId)
    if (seen === 'full' && firstAttempt) {
      const { p, s } = await loadTarget(req.programmeId, req.sessionId)
      if (req.consentVersion === p.privacyNotice.version && !bookingGate(timesOf(p), s, now, true)) fail('SLOT_FULL')
    }
    if (seen === 'open') {
      const { p, s } = await loadTarget(req.programmeId, req.sessionId)
      if (atOnce(p, s, roster, req, now)) {
        try {
          return await claimPlace({ openid, roster, requestId }, p, s, req, seen)
        } catch (e) {
          // A claim of hers stands here: her history below says exactly why she cannot book again.
          if (!(e instanceof AppError && e.code === 'ALREADY_BOOKED')) throw e
        }
      }
    }
    const [{ p, s }, history] = await Promise.all([loadTarget(req.programmeId, req.sessionId, !seen), repo.byOpenid(openid)])
    if (!seen) places.note(s._id, s.left <= 0)
    const mine = history.find((b) => b._id === ledgerId(p._id, openid))
    // The same request again (its reply was lost, or its host died after booking): the first outcome.
    if (mine && requestId && mine.requestId === requestId && HOLDING.includes(mine.status)) return { b: mine, replay: true }
    const consented = req.consentVersion === p.privacyNotice.version
    const already = !!mine && HOLDING.includes(mine.status)
    // Her own pending claim in this session may already hold a place here: then it is not full for her.
    const full = (seen ? seen === 'full' : s.left <= 0) && !(mine?.status === 'pending' && mine.sessionId === s._id)
    // A refusal at the rush must be cheap: a full session needs no write.
    if (full && consented && !already && !bookingGate(timesOf(p), s, now, true)) fail('SLOT_FULL')
    const elig = eligibilityOf(p.eligibility, p.priority, factsOf(roster, history, p._id), s.date, now)
    if (!elig.eligible) fail('NOT_ELIGIBLE', undefined, `${elig.reason}，无法预约`)
    const gate = bookingGate(timesOf(p), s, now, elig.priority)
    if (gate) fail(gate)
    if (!consented) fail('CONSENT_REQUIRED', 'consentVersion')
    if (already) fail('ALREADY_BOOKED')
    if (full) fail('SLOT_FULL')
    return claimPlace({ openid, roster, requestId }, p, s, req, seen)
  }

  /**
   * Whether a tap may claim without her history: consented, past the priority window (so priority,
   * which reads her last screening, decides nothing) and eligible on her roster record alone. What
   * else her history could refuse (a booking or a screening of hers in this programme) is her ledger
   * document, which the claim's insert meets first (ALREADY_BOOKED, then the full checks above).
   */
  function atOnce(p: ProgrammeDoc, s: SessionDoc, roster: RosterDoc, req: BookRequest, now: number): boolean {
    if (req.consentVersion !== p.privacyNotice.version || bookingGate(timesOf(p), s, now, false)) return false
    return eligibilityOf(p.eligibility, p.priority, factsOf(roster, [], p._id), s.date, now).eligible
  }

  /** The claim itself; the session's place is taken by a take that answers the session after it (the reply reads nothing). */
  async function claimPlace(who: Claimant, p: ProgrammeDoc, s: SessionDoc, req: BookRequest, seen: Fullness): Promise<Booked> {
    let after: SessionDoc | null = null
    const counted = (h: Hold) =>
      h.store === sessions
        ? sessions.takeAndRead(h.docId, h.key, h.holder, h.take).then((d) => d !== null && ((after = d as unknown as SessionDoc), true))
        : null
    let r: Booked
    try {
      r = await placeClaim(pendingDoc(who, p, s, req), counted, true)
    } catch (e) {
      // A refused take is no proof the session is full (her own other tap may hold the place): the next tap reads it.
      if (e instanceof AppError && e.code === 'SLOT_FULL') places.forget(s._id)
      throw e
    }
    const fresh = after as SessionDoc | null
    if (fresh) places.note(s._id, fresh.left <= 0)
    if (r.b.sessionId !== s._id) return r
    if (fresh) return { ...r, session: { ...s, ...fresh } }
    // Her earlier claim was finished instead: only a session read afresh may show places left.
    return seen ? { b: r.b, replay: r.replay } : { ...r, session: { ...s, left: Math.max(0, s.left - 1) } }
  }

  /** Claims the place a waiting-list offer holds for her: moved to her booking, never free in between. */
  async function acceptOffer(openid: string, roster: RosterDoc, w: WaitlistDoc, consentVersion: string, requestId: string | null) {
    if (w.status !== 'offered' || !w.offer) fail(w.status === 'expired' ? 'OFFER_EXPIRED' : 'NOT_FOUND', 'programmeId')
    const offer = w.offer
    if (clock() >= offer.expiresAt) fail('OFFER_EXPIRED')
    const { p, s } = await loadTarget(w.programmeId, offer.sessionId)
    if (consentVersion !== p.privacyNotice.version) fail('CONSENT_REQUIRED', 'consentVersion')
    const doc = pendingDoc({ openid, roster, requestId }, p, s, { consentVersion, notice: 'confirmation' })
    const moveOffer = async (): Promise<boolean> =>
      (await sessions.transfer(s._id, offer.placeId, doc.placeId, { b: doc._id })) || fail('OFFER_EXPIRED' as ErrorCode)
    return placeClaim(doc, (h) => (h.store === sessions ? moveOffer() : null))
  }

  async function activeBooking(programmeId: string, openid: string): Promise<{ b: BookingDoc; p: ProgrammeDoc; s: SessionDoc }> {
    const b = await repo.get(ledgerId(programmeId, openid))
    if (!b || b.status === 'failed') fail('NOT_FOUND', 'programmeId')
    if (b.status !== 'booked') fail('BOOKING_NOT_ACTIVE')
    const { p, s } = await loadTarget(programmeId, b.sessionId)
    if (clock() >= cancelDeadlineOf(timesOf(p), s)) fail('CANCEL_DEADLINE_PASSED')
    return { b, p, s }
  }

  async function cancel(openid: string, programmeId: string, requestId: string | null): Promise<BookingDoc> {
    const { b } = await activeBooking(programmeId, openid)
    const patch = { status: 'cancelled' as const, cancelledAt: clock(), changedBy: requestId, updatedAt: clock() }
    if (!(await repo.updateIf(b._id, { status: 'booked', placeId: b.placeId }, patch))) fail('CONFLICT')
    await free(b.sessionId, b.placeId)
    if (b.quotaId) await quotas.release(b.quotaId, b.claimId)
    return { ...b, ...patch }
  }

  /** The new place is taken before the old one is released; if it is gone, the old booking stands. */
  async function reschedule(openid: string, programmeId: string, sessionId: string, requestId: string | null): Promise<BookingDoc> {
    const { b, p } = await activeBooking(programmeId, openid)
    if (b.sessionId === sessionId) fail('INVALID_ARGUMENT', 'sessionId')
    const { s } = await loadTarget(programmeId, sessionId)
    const gate = bookingGate(timesOf(p), s, clock(), true)
    if (gate) fail(gate)
    const mark = { placeId: newId(), sessionId: s._id, siteId: s.siteId, at: clock() }
    if (!(await repo.markRescheduling(b, mark))) fail('CONFLICT')
    if (!(await sessions.take(s._id, mark.placeId, { b: b._id }))) {
      await repo.updateIf(b._id, { 'rescheduling.placeId': mark.placeId }, { rescheduling: null })
      fail('SLOT_FULL')
    }
    const now = clock()
    const moved = { placeId: mark.placeId, sessionId: s._id, siteId: s.siteId, rescheduling: null, changedBy: requestId, updatedAt: now }
    if (!(await repo.updateIf(b._id, { status: 'booked', placeId: b.placeId, 'rescheduling.placeId': mark.placeId }, moved))) {
      await sessions.release(s._id, mark.placeId)
      fail('CONFLICT')
    }
    await free(b.sessionId, b.placeId)
    return { ...b, ...moved }
  }

  /** What a same-id retry of cancel or reschedule answers when its first call got through (`recover`). */
  async function changedBy(openid: string, programmeId: string, requestId: string | null): Promise<BookingDoc | null> {
    const b = requestId ? await repo.get(ledgerId(programmeId, openid)) : null
    return b && b.changedBy === requestId ? b : null
  }

  return { book, acceptOffer, cancel, reschedule, changedBy }
}

export type BookingService = ReturnType<typeof createBookingService>
