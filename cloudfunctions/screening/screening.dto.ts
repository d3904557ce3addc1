/**
 * Stored documents → the DTOs the client sees. Raw ledgers (openid, holders,
 * claim ids) never leave the function.
 */
import type { BookingDTO, BookingStatus, ProgrammeDTO, SessionDTO, SiteDTO } from '~types/screening'
import { ownerDTO } from '../common/unions'
import { cancelDeadlineOf, periodOf, programmeStatus, type ProgrammeTimes } from './booking.rules'
import type { BookingDoc, ProgrammeDoc, QuotaDoc, SessionDoc, SiteDoc } from './screening.docs'

export function timesOf(p: ProgrammeDoc): ProgrammeTimes {
  return {
    releaseAt: p.releaseAt,
    bookingClosesAt: p.bookingClosesAt,
    cancelDeadlineHours: p.cancelDeadlineHours,
    checkinToleranceMinutes: p.checkinToleranceMinutes,
    priorityWindowMinutes: p.priority?.windowMinutes ?? 0,
  }
}

export function siteDTO(s: SiteDoc): SiteDTO {
  return { id: s._id, name: s.name, hospital: s.hospital, address: s.address, phone: s.phone, whatToBring: s.whatToBring }
}

export function sessionDTO(s: SessionDoc): SessionDTO {
  return {
    id: s._id,
    programmeId: s.programmeId,
    siteId: s.siteId,
    date: s.date,
    label: `${s.start}–${s.end}`,
    startAt: s.startAt,
    endAt: s.endAt,
    period: periodOf(s.start),
    capacity: s.capacity,
    placesLeft: Math.max(0, s.left),
  }
}

export function programmeDTO(p: ProgrammeDoc, sites: SiteDoc[], sessions: SessionDoc[], quotas: QuotaDoc[], now: number): ProgrammeDTO {
  return {
    id: p._id,
    name: p.name,
    description: p.description,
    ...ownerDTO(p),
    privacyNotice: p.privacyNotice,
    eligibility: p.eligibility,
    priority: p.priority,
    totalQuota: p.totalQuota,
    branchQuotas: quotas.map((q) => ({ branch: q.branch, quota: q.quota, left: Math.max(0, q.left) })),
    sites: sites.map(siteDTO),
    releaseAt: p.releaseAt,
    bookingClosesAt: p.bookingClosesAt,
    cancelDeadlineHours: p.cancelDeadlineHours,
    offerHoldMinutes: p.offerHoldMinutes,
    checkinToleranceMinutes: p.checkinToleranceMinutes,
    firstDay: p.firstDay,
    lastDay: p.lastDay,
    status: programmeStatus(p, now),
    placesLeft: sessions.reduce((n, s) => n + Math.max(0, s.left), 0),
  }
}

export function bookingStatusOf(b: BookingDoc): BookingStatus {
  return b.status === 'pending' ? 'booked' : b.status === 'failed' ? 'cancelled' : b.status
}

export function bookingDTO(b: BookingDoc, p: ProgrammeDoc, site: SiteDoc, session: SessionDoc, now: number): BookingDTO {
  const deadline = cancelDeadlineOf(timesOf(p), session)
  return {
    bookingId: b.ref,
    programmeId: p._id,
    programmeName: p.name,
    status: bookingStatusOf(b),
    site: siteDTO(site),
    session: sessionDTO(session),
    bookedAt: b.bookedAt ?? b.pendingAt,
    consent: b.consent,
    checkedInAt: b.checkedInAt,
    cancelledAt: b.cancelledAt,
    cancelDeadline: deadline,
    canCancel: b.status === 'booked' && now < deadline,
    whatToBring: site.whatToBring,
    resultReady: b.resultReady,
  }
}
