/**
 * Book, cancel, reschedule (DESIGN.md "Bounded resources"): the ledger is
 * written `pending` first, then the session place and the branch quota are
 * each taken by ONE conditional update, then the ledger is confirmed. A crash
 * between steps leaves a stale `pending` ledger (or a stale `rescheduling`
 * mark) whose holds the sweeper returns; nothing is ever lost silently.
 */
import { randomBytes } from 'node:crypto'
import type { Clock } from '../common/clock'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { fail } from '../common/errors'
import type { RosterDoc } from '../common/member-docs'
import type { ErrorCode } from '../../types/errors'
import type { BookRequest } from '../../types/screening'
import { bookingGate, cancelDeadlineOf } from './booking.rules'
import { createBookingRepository, ledgerId } from './booking.repository'
import { createCatalogRepository } from './catalog.repository'
import { eligibilityOf } from './eligibility.rules'
import { factsOf } from './member-facts'
import { createPlaceStore } from './place.repository'
import type { BookingDoc, ProgrammeDoc, SessionDoc, WaitlistDoc } from './screening.docs'
import { timesOf } from './screening.dto'

export const newId = (): string => randomBytes(9).toString('base64url')

type Consent = Pick<BookRequest, 'consentVersion' | 'notice'>
/** Where a freed place goes: to the waiting list, or back to the session. */
export type Handoff = (sessionId: string, placeId: string) => Promise<void>

export function createBookingService(db: Db, clock: Clock, handoff?: Handoff) {
  const catalog = createCatalogRepository(db)
  const ledger = createBookingRepository(db)
  const sessions = createPlaceStore(db, COLLECTIONS.screeningSessions)
  const quotas = createPlaceStore(db, COLLECTIONS.screeningQuotas)
  const free: Handoff = handoff ?? (async (sessionId, placeId) => void (await sessions.release(sessionId, placeId)))

  async function loadTarget(programmeId: string, sessionId: string): Promise<{ p: ProgrammeDoc; s: SessionDoc }> {
    const p = await catalog.programme(programmeId)
    if (!p) fail('NOT_FOUND', 'programmeId')
    const s = await catalog.session(sessionId)
    if (!s || s.programmeId !== p._id) fail('NOT_FOUND', 'sessionId')
    return { p, s }
  }

  /** Writes her pending claim: a fresh ledger, or her cancelled / failed one reused conditionally. */
  async function claim(doc: BookingDoc): Promise<void> {
    if (await ledger.insert(doc)) return
    const old = await ledger.get(doc._id)
    if (!old || (old.status !== 'cancelled' && old.status !== 'failed')) fail('ALREADY_BOOKED')
    const { _id, ...fresh } = doc
    const _ = db.command
    const patch = { ...fresh, member: _.set(doc.member), consent: _.set(doc.consent) }
    if (!(await ledger.updateIf(_id, { status: old.status, claimId: old.claimId }, patch))) fail('ALREADY_BOOKED')
  }

  /** Fails her pending claim and returns its holds, unless that very claim got confirmed after all (e.g. a lost reply). */
  async function abandon(b: BookingDoc): Promise<void> {
    if (!(await ledger.updateIf(b._id, { status: 'pending', claimId: b.claimId }, { status: 'failed', updatedAt: clock() }))) {
      const now = await ledger.get(b._id)
      if (now && now.claimId === b.claimId && now.status !== 'failed') return
    }
    await sessions.release(b.sessionId, b.placeId)
    if (b.quotaId) await quotas.release(b.quotaId, b.claimId)
  }

  /** Ledger pending → the place (taken by `take`) → her branch quota → confirmed. */
  async function placeClaim(openid: string, roster: RosterDoc, p: ProgrammeDoc, s: SessionDoc, req: Consent, take: (d: BookingDoc) => Promise<boolean>, noPlace: ErrorCode) {
    const now = clock()
    const id = ledgerId(p._id, openid)
    const quota = p.branchQuotas.find((q) => q.branch === roster.branch) ?? null
    const doc: BookingDoc = {
      _id: id, programmeId: p._id, openid, ref: newId(), status: 'pending', claimId: newId(), placeId: newId(),
      sessionId: s._id, siteId: s.siteId, quotaId: quota?.quotaId ?? null,
      member: { name: roster.name, cardNo: roster.cardNo, phone: roster.phone, branch: roster.branch },
      pendingAt: now, bookedAt: null, consent: { version: req.consentVersion, at: now }, notice: req.notice ?? 'confirmation',
      reminderSentAt: null, checkedInAt: null, cancelledAt: null, noShowAt: null, resultReady: false, rescheduling: null, updatedAt: now,
    }
    await claim(doc)
    try {
      if (!(await take(doc))) fail(noPlace)
      if (doc.quotaId && !(await quotas.take(doc.quotaId, doc.claimId, { b: id }))) fail('BRANCH_QUOTA_FULL')
      const booked = { status: 'booked' as const, bookedAt: clock(), updatedAt: clock() }
      // false: the sweeper declared it stale meanwhile
      if (!(await ledger.updateIf(id, { status: 'pending', claimId: doc.claimId }, booked))) fail('CONFLICT')
      return { ...doc, ...booked }
    } catch (e) {
      // Give back what was taken, so she can try again at once; if even this fails, the sweeper does it.
      await abandon(doc).catch(() => undefined)
      throw e
    }
  }

  async function book(openid: string, roster: RosterDoc, req: BookRequest): Promise<BookingDoc> {
    const now = clock()
    const { p, s } = await loadTarget(req.programmeId, req.sessionId)
    const history = await ledger.byOpenid(openid)
    const elig = eligibilityOf(p.eligibility, p.priority, factsOf(roster, history, p._id), s.date, now)
    if (!elig.eligible) fail('NOT_ELIGIBLE', undefined, `${elig.reason}，无法预约`)
    const gate = bookingGate(timesOf(p), s, now, elig.priority)
    if (gate) fail(gate)
    if (req.consentVersion !== p.privacyNotice.version) fail('CONSENT_REQUIRED', 'consentVersion')
    const id = ledgerId(p._id, openid)
    if (history.some((b) => b._id === id && b.status !== 'cancelled' && b.status !== 'failed')) fail('ALREADY_BOOKED')
    if (s.left <= 0) fail('SLOT_FULL') // already full when read: a true answer at that instant, and it spares the rush 4 writes
    return placeClaim(openid, roster, p, s, req, (d) => sessions.take(s._id, d.placeId, { b: id }), 'SLOT_FULL')
  }

  /** Claims the place a waiting-list offer holds for her: moved to her booking, never free in between. */
  async function acceptOffer(openid: string, roster: RosterDoc, w: WaitlistDoc, consentVersion: string): Promise<BookingDoc> {
    if (w.status !== 'offered' || !w.offer) fail(w.status === 'expired' ? 'OFFER_EXPIRED' : 'NOT_FOUND', 'programmeId')
    const offer = w.offer
    if (clock() >= offer.expiresAt) fail('OFFER_EXPIRED')
    const { p, s } = await loadTarget(w.programmeId, offer.sessionId)
    if (consentVersion !== p.privacyNotice.version) fail('CONSENT_REQUIRED', 'consentVersion')
    const take = (d: BookingDoc) => sessions.transfer(s._id, offer.placeId, d.placeId, { b: d._id })
    return placeClaim(openid, roster, p, s, { consentVersion, notice: 'confirmation' }, take, 'OFFER_EXPIRED')
  }

  async function activeBooking(programmeId: string, openid: string): Promise<{ b: BookingDoc; p: ProgrammeDoc; s: SessionDoc }> {
    const b = await ledger.get(ledgerId(programmeId, openid))
    if (!b || b.status === 'failed') fail('NOT_FOUND', 'programmeId')
    if (b.status !== 'booked') fail('BOOKING_NOT_ACTIVE')
    const { p, s } = await loadTarget(programmeId, b.sessionId)
    if (clock() >= cancelDeadlineOf(timesOf(p), s)) fail('CANCEL_DEADLINE_PASSED')
    return { b, p, s }
  }

  async function cancel(openid: string, programmeId: string): Promise<BookingDoc> {
    const { b } = await activeBooking(programmeId, openid)
    const patch = { status: 'cancelled' as const, cancelledAt: clock(), updatedAt: clock() }
    if (!(await ledger.updateIf(b._id, { status: 'booked', placeId: b.placeId }, patch))) fail('CONFLICT')
    await free(b.sessionId, b.placeId)
    if (b.quotaId) await quotas.release(b.quotaId, b.claimId)
    return { ...b, ...patch }
  }

  /** The new place is taken before the old one is released; if it is gone, the old booking stands. */
  async function reschedule(openid: string, programmeId: string, sessionId: string): Promise<BookingDoc> {
    const { b, p } = await activeBooking(programmeId, openid)
    if (b.sessionId === sessionId) fail('INVALID_ARGUMENT', 'sessionId')
    const { s } = await loadTarget(programmeId, sessionId)
    const gate = bookingGate(timesOf(p), s, clock(), true)
    if (gate) fail(gate)
    const mark = { placeId: newId(), sessionId: s._id, siteId: s.siteId, at: clock() }
    if (!(await ledger.updateIf(b._id, { status: 'booked', placeId: b.placeId, rescheduling: null }, { rescheduling: db.command.set(mark) }))) fail('CONFLICT')
    if (!(await sessions.take(s._id, mark.placeId, { b: b._id }))) {
      await ledger.updateIf(b._id, { 'rescheduling.placeId': mark.placeId }, { rescheduling: null })
      fail('SLOT_FULL')
    }
    const moved = { placeId: mark.placeId, sessionId: s._id, siteId: s.siteId, rescheduling: null, updatedAt: clock() }
    if (!(await ledger.updateIf(b._id, { status: 'booked', placeId: b.placeId, 'rescheduling.placeId': mark.placeId }, moved))) {
      await sessions.release(s._id, mark.placeId)
      fail('CONFLICT')
    }
    await free(b.sessionId, b.placeId)
    return { ...b, ...moved }
  }

  return { book, acceptOffer, cancel, reschedule, abandon }
}

export type BookingService = ReturnType<typeof createBookingService>
