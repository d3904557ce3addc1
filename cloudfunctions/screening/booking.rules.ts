/**
 * Time gates of a programme and its sessions. Pure: the service passes `now`.
 */
import type { ErrorCode } from '~types/errors'
import type { SessionPeriod } from '~types/screening'

export interface ProgrammeTimes {
  releaseAt: number
  bookingClosesAt: number
  cancelDeadlineHours: number
  checkinToleranceMinutes: number
  priorityWindowMinutes: number
}

interface SessionTimes {
  startAt: number
  endAt: number
}

const HOUR = 3600_000
const MINUTE = 60_000

/** Why a booking (or reschedule) into this session is refused now, or null. */
export function bookingGate(p: ProgrammeTimes, s: SessionTimes, now: number, priority: boolean): ErrorCode | null {
  if (now < p.releaseAt) return 'NOT_RELEASED'
  if (now >= p.bookingClosesAt || now >= s.startAt) return 'BOOKING_CLOSED'
  if (!priority && now < p.releaseAt + p.priorityWindowMinutes * MINUTE) return 'PRIORITY_ONLY'
  return null
}

export function cancelDeadlineOf(p: ProgrammeTimes, s: SessionTimes): number {
  return s.startAt - p.cancelDeadlineHours * HOUR
}

export function checkinWindow(p: ProgrammeTimes, s: SessionTimes): { opensAt: number; closesAt: number } {
  const tol = p.checkinToleranceMinutes * MINUTE
  return { opensAt: s.startAt - tol, closesAt: s.endAt + tol }
}

/** Gig workers need slots outside working hours: early (before 09:00) and evening (from 17:00). */
export function periodOf(startHHmm: string): SessionPeriod {
  if (startHHmm < '09:00') return 'early'
  if (startHHmm >= '17:00') return 'evening'
  return 'day'
}

type ProgrammeStatusInput = Pick<ProgrammeTimes, 'releaseAt' | 'bookingClosesAt'>

export function programmeStatus(p: ProgrammeStatusInput, now: number): 'upcoming' | 'open' | 'closed' {
  if (now < p.releaseAt) return 'upcoming'
  return now < p.bookingClosesAt ? 'open' : 'closed'
}
