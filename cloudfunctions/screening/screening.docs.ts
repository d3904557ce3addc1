/**
 * Stored document shapes of the screening collections. Raw documents never
 * reach the client: services map them to the DTOs in types/screening.ts.
 */
import type { EligibilityRulesDTO, PriorityRulesDTO, ResultOutcome, SiteDTO } from '~types/screening'

export interface ProgrammeDoc {
  _id: string
  name: string
  description: string
  /** 主办: the owning union's name (unions.ts ownerFor), or the text typed before the tree. */
  organiser: string
  /** The owning union and its path (issue 20); absent on a programme written before the tree (the city's). */
  unionId?: string | null
  unionPath?: string[]
  privacyNotice: { version: string; text: string }
  eligibility: EligibilityRulesDTO
  priority: PriorityRulesDTO | null
  totalQuota: number
  /** Quota documents, one per branch with a quota. */
  branchQuotas: { branch: string; quotaId: string; quota: number }[]
  siteIds: string[]
  releaseAt: number
  bookingClosesAt: number
  cancelDeadlineHours: number
  offerHoldMinutes: number
  checkinToleranceMinutes: number
  firstDay: string
  lastDay: string
  createdAt: number
  createdBy: string
  /** The officer's request that created it: its retry after a crash answers this programme (createProgramme `recover`). */
  requestId?: string | null
}

/** A site is owned by the union of the programme that first named it: officers of its subtree work its desk (auth.ts). */
export type SiteDoc = Omit<SiteDTO, 'id'> & { _id: string; unionId?: string | null; unionPath?: string[] }

/**
 * Who holds a place: a booking (its ledger id) or a waiting-list offer (its
 * entry id). Keys of `holders` are place ids; `left + |holders| = capacity`
 * always, because every update that adds a key takes one from `left` and
 * every update that removes one gives it back, in the same atomic update.
 */
export interface Holder {
  b?: string
  w?: string
}

export interface SessionDoc {
  _id: string
  programmeId: string
  siteId: string
  date: string
  start: string
  end: string
  startAt: number
  endAt: number
  capacity: number
  left: number
  holders: Record<string, Holder>
  /**
   * Set on every session of the programme before anyone's waiting-list entry
   * is written, never cleared: while it is absent nobody can be in line, so a
   * winning booking skips looking for her entry (one call fewer at the rush).
   */
  waitlistOpened?: boolean
}

export interface QuotaDoc {
  _id: string
  programmeId: string
  branch: string
  quota: number
  left: number
  holders: Record<string, Holder>
}

export type LedgerStatus = 'pending' | 'booked' | 'checked_in' | 'no_show' | 'cancelled' | 'failed'

/** One per woman per programme: `_id` = `${programmeId}:${openid}`, so a second booking cannot exist. */
export interface BookingDoc {
  _id: string
  programmeId: string
  openid: string
  /** Public random reference (bookingId in DTOs, QR subject); new for every claim. */
  ref: string
  status: LedgerStatus
  /** This claim's id: key of its branch-quota hold. */
  claimId: string
  /** Key of its session hold (changes on reschedule). */
  placeId: string
  sessionId: string
  siteId: string
  quotaId: string | null
  member: { name: string; cardNo: string; phone: string; branch: string }
  pendingAt: number
  bookedAt: number | null
  consent: { version: string; at: number }
  notice: 'confirmation' | 'reminder' | 'both' | 'none'
  /** Her confirmation is owed: set by the write that books her, cleared when it is sent (confirmation-notice.ts). */
  noticeDue?: boolean
  reminderSentAt: number | null
  checkedInAt: number | null
  cancelledAt: number | null
  noShowAt: number | null
  resultReady: boolean
  rescheduling: { placeId: string; sessionId: string; siteId: string; at: number } | null
  /** The request that made this claim: its retry gets this booking back (claim-ledger.ts). */
  requestId?: string | null
  /**
   * The request of the last change of this booking after it was made (cancel, reschedule, check-in,
   * no-show): a same-id retry whose first call died reads it to answer that call's outcome (`recover`).
   */
  changedBy?: string | null
  updatedAt: number
}

export interface WaitlistDoc {
  _id: string
  programmeId: string
  openid: string
  siteId: string | null
  priority: boolean
  /** Sort key: priority women first, then first come. */
  rank: number
  status: 'waiting' | 'offered' | 'claimed' | 'expired' | 'left'
  /** Masked name for the outbox. */
  toName: string
  joinedAt: number
  offer: { sessionId: string; siteId: string; placeId: string; expiresAt: number } | null
  /** The request that left the line (or declined its offer): its retry answers this entry (`recover`). */
  leftBy?: string | null
  updatedAt: number
}

export interface ResultDoc {
  _id: string
  programmeId: string
  openid: string
  siteId: string
  outcome: ResultOutcome
  note: string
  readyAt: number
  markedBy: string
  /** The request that marked (or last corrected) it: a same-id retry answers this result (`recover`). */
  requestId?: string | null
  /** Set by a correction (audited); `corrections` counts them. */
  correctedAt?: number
  correctedBy?: string
  corrections?: number
}

/** A release reminder she asked for (`_id` = `${programmeId}:${openid}`), sent once at the release time. */
export interface ReminderDoc {
  _id: string
  programmeId: string
  openid: string
  at: number
  sentAt?: number
}
