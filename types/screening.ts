/**
 * DTOs of the `screening` cloud function (两癌筛查 appointments). Client and
 * function both import these. Times are UTC ms; dates are Beijing calendar
 * days 'YYYY-MM-DD'; clock times 'HH:mm' Beijing.
 *
 * Ids the client sees: programme, site and session ids, and `bookingId`, a
 * random reference of one booking (never the member's openid).
 */
import type { NoticeActionMap, OutboxEntryDTO } from './notices'
import type { TablePage, TablePageRequest } from './table'
import type { OwnerDTO } from './unions'

export type ProgrammeStatus = 'upcoming' | 'open' | 'closed'
export type SessionPeriod = 'early' | 'day' | 'evening'
export type BookingStatus = 'booked' | 'checked_in' | 'no_show' | 'cancelled'
export type WaitlistStatus = 'waiting' | 'offered' | 'claimed' | 'expired' | 'left'
export type ResultOutcome = 'normal' | 'recheck'
/**
 * What a one-time subscription opt-in is for. Each topic is its own WeChat template, so each opt-in pays for one
 * notice of it: 'booking' the confirmation, 'reminder' the day-before reminder.
 */
export type NoticeTopic = 'booking' | 'reminder' | 'offer' | 'result' | 'release'
export type NoticeKind = 'booking_confirmation' | 'booking_reminder' | 'waitlist_offer' | 'result_ready' | 'release_reminder'

export interface EligibilityRulesDTO {
  /** null: any gender. */
  gender: 'F' | 'M' | null
  /** Age in whole years on the screening date; null: no bound. */
  ageMin: number | null
  ageMax: number | null
  /** Roster tags, any one of which qualifies (e.g. 新就业形态); empty: no tag needed. */
  tagsAny: string[]
  /** Union branches whose members may take part; empty: every branch. */
  branches: string[]
  /** A woman already screened (checked in) in this programme cannot book again. */
  notScreenedBefore: boolean
  /**
   * Only members of this union's subtree (issue 20): set by the server to the owner for a programme a
   * district or grassroots union runs; null or absent for the city's. Never sent by the client.
   */
  within?: { unionId: string; name: string } | null
}

export interface PriorityRulesDTO {
  ageMin: number | null
  ageMax: number | null
  /** Priority only if not screened (in any programme here) within this many years; null: ignored. */
  notScreenedWithinYears: number | null
  /** For this many minutes after the release time only priority women may book; 0: no priority window. */
  windowMinutes: number
}

export interface SiteDTO {
  id: string
  name: string
  hospital: string
  address: string
  phone: string
  /** What to bring, shown on the booking. */
  whatToBring: string[]
}

/**
 * Where she goes, named the one way every page, desk, export and notice names it: the department with its
 * hospital, 妇女保健科（南京市妇幼保健院） (issue 19 defect 4); the department alone left her asking "which hospital?".
 * A site whose name already says its hospital (or has none) is named once, never twice.
 */
export function siteLabel(site: Pick<SiteDTO, 'name' | 'hospital'>): string {
  const name = site.name.trim()
  const hospital = (site.hospital ?? '').trim()
  if (!hospital || name.includes(hospital)) return name
  if (!name || hospital.includes(name)) return hospital
  return `${name}（${hospital}）`
}

/**
 * The place in a notice, whose `thing` keyword holds 20 characters (types/notice-templates.ts): the whole label
 * when it fits (妇女保健科（南京市妇幼保健院） is 14); otherwise the hospital, which is where she must go, and the
 * department with the address stays on the booking page the notice opens. Never the address: cut at 20 it
 * lost the hospital.
 */
export function siteNoticeLabel(site: Pick<SiteDTO, 'name' | 'hospital'>, max = 20): string {
  const label = siteLabel(site)
  return [...label].length <= max || !site.hospital?.trim() ? label : site.hospital.trim()
}

export interface BranchQuotaDTO {
  branch: string
  quota: number
  left: number
}

export interface ProgrammeDTO extends OwnerDTO {
  id: string
  name: string
  description: string
  /** 主办: the owning union's name (issue 20), or the text typed before the union tree existed. */
  organiser: string
  privacyNotice: { version: string; text: string }
  eligibility: EligibilityRulesDTO
  priority: PriorityRulesDTO | null
  totalQuota: number
  branchQuotas: BranchQuotaDTO[]
  sites: SiteDTO[]
  /** Nobody can book before this instant (NOT_RELEASED). */
  releaseAt: number
  /** Bookings close at this instant (BOOKING_CLOSED). */
  bookingClosesAt: number
  /** Cancel / reschedule until this many hours before the session starts. */
  cancelDeadlineHours: number
  /** How long a waiting-list offer is held for the woman it is offered to. */
  offerHoldMinutes: number
  /** Check-in is accepted this many minutes before the session starts and after it ends. */
  checkinToleranceMinutes: number
  /** First and last screening day with sessions. */
  firstDay: string
  lastDay: string
  status: ProgrammeStatus
  placesLeft: number
}

export interface EligibilityDTO {
  eligible: boolean
  /** Every reason she is not eligible, in Chinese, e.g. "年龄不在 30–60 岁范围", "已参加本轮筛查". */
  reasons: string[]
  /** The first reason, or null when eligible. */
  reason: string | null
  priority: boolean
  /** Why she has (or lacks) priority, e.g. "30–60 岁且两年内未筛查". */
  priorityNote: string | null
  /** She has attended this round (checked in): say so, not "不符合" (reason: 已参加本轮筛查). */
  attended?: boolean
}

export interface SessionDTO {
  id: string
  programmeId: string
  siteId: string
  date: string
  /** e.g. '07:00–09:00' */
  label: string
  startAt: number
  endAt: number
  period: SessionPeriod
  capacity: number
  placesLeft: number
}

export interface DayDTO {
  date: string
  /** 周一 … 周日 */
  weekday: string
  sessions: number
  capacity: number
  placesLeft: number
}

export interface BookingDTO {
  bookingId: string
  programmeId: string
  programmeName: string
  status: BookingStatus
  site: SiteDTO
  session: SessionDTO
  bookedAt: number
  consent: { version: string; at: number }
  checkedInAt: number | null
  cancelledAt: number | null
  /** Last instant she may cancel or reschedule. */
  cancelDeadline: number
  canCancel: boolean
  whatToBring: string[]
  resultReady: boolean
}

export interface WaitlistOfferDTO {
  session: SessionDTO
  site: SiteDTO
  /** The held place is passed on to the next woman at this instant. */
  expiresAt: number
}

export interface WaitlistDTO {
  programmeId: string
  status: WaitlistStatus
  /** 1-based place in line while waiting; null otherwise. */
  position: number | null
  /** Only offers at this site; null: any site. */
  siteId: string | null
  priority: boolean
  joinedAt: number
  offer: WaitlistOfferDTO | null
}

export interface ProgrammeCardDTO {
  programme: ProgrammeDTO
  eligibility: EligibilityDTO
  myBooking: BookingDTO | null
  myWaitlist: WaitlistDTO | null
  /** Has she asked for a reminder at the release time? */
  releaseReminder: boolean
  /** Server time, so the countdown does not trust the phone's clock. */
  serverNow: number
}

export interface CheckinCodeDTO {
  bookingId: string
  /** Rotating signed token to render as a QR code; refresh before expiresAt. */
  token: string
  expiresAt: number
  refreshInMs: number
}

export interface CheckInResultDTO {
  bookingId: string
  /** Masked name, e.g. 王*英 */
  name: string
  session: SessionDTO
  alreadyCheckedIn: boolean
  checkedInAt: number
  /** "签到成功 08:12" or "已签到 08:12" (Beijing time of the first check-in). */
  message: string
}

export interface StaffSessionDTO extends SessionDTO {
  programmeName: string
  booked: number
  checkedIn: number
  noShows: number
  resultsReady: number
}

export interface StaffBookingRowDTO {
  bookingId: string
  /** Masked name and phone: staff see only what the desk needs. */
  name: string
  phone: string
  status: BookingStatus
  checkedInAt: number | null
  resultReady: boolean
}

export interface MarkNoShowsResult {
  sessionId: string
  marked: number
}

export interface ResultDTO {
  bookingId: string
  programmeId: string
  programmeName: string
  siteName: string
  outcome: ResultOutcome
  /** 正常 / 需复查 */
  outcomeLabel: string
  /** Follow-up advice from the site (may be empty). */
  note: string
  readyAt: number
}

export type OutboxNoticeDTO = OutboxEntryDTO<NoticeKind>

export interface DashboardRowDTO {
  siteId: string
  siteName: string
  date: string
  capacity: number
  booked: number
  left: number
  checkedIn: number
  noShows: number
  resultsReady: number
}

export interface BranchUptakeDTO {
  branch: string
  quota: number | null
  booked: number
  checkedIn: number
  /** Roster members of the branch who meet the eligibility rules (ignoring "already screened"). */
  eligibleMembers: number
  /** booked / eligibleMembers, 0–1; 0 when nobody is eligible. */
  uptake: number
}

export interface DashboardDTO {
  programmeId: string
  programmeName: string
  generatedAt: number
  totals: {
    capacity: number
    booked: number
    left: number
    checkedIn: number
    noShows: number
    resultsReady: number
    waiting: number
    offered: number
  }
  bySiteDay: DashboardRowDTO[]
  byBranch: BranchUptakeDTO[]
}

export interface ExportRowDTO {
  bookingId: string
  /** Stable member reference (M-…), the same in every export and the roster list: rows match without the card number. */
  memberRef: string
  name: string
  cardNo: string
  phone: string
  branch: string
  site: string
  date: string
  time: string
  status: BookingStatus
  /** '已出' / '未出': whether a result is ready, never the result itself. */
  result: string
}

export interface BookingsExportDTO {
  programmeId: string
  generatedAt: number
  /** true unless full details were asked for with a recorded reason. */
  masked: boolean
  rows: ExportRowDTO[]
  /** Same rows as CSV (UTF-8, header row in Chinese). */
  csv: string
}

/** The console's bookings table (issue 18): one programme's bookings, paged, filtered and sorted by the function. */
export interface BookingTableRequest extends TablePageRequest<'sessionAt' | 'bookedAt'> {
  programmeId: string
  siteId?: string
  sessionId?: string
  /** Absent: every live booking (booked, checked in, no-show); cancelled ones only when asked for. */
  status?: BookingStatus
}

/** A row masked exactly as the masked export's (no health data: only whether a result is ready). */
export interface BookingRowDTO extends ExportRowDTO {
  sessionId: string
  bookedAt: number
}

export interface BookingTableDTO extends TablePage<BookingRowDTO> {
  /** The programme's sessions in time order, for the filter (site name, day, time). */
  sessions: { id: string; siteId: string; label: string }[]
  sites: { id: string; label: string }[]
}

export interface SweepResult {
  offersPassedOn: number
  stalePendingReleased: number
  orphanHoldsReleased: number
  remindersSent: number
}

// ---- requests ----

export interface ProgrammeRef {
  programmeId: string
}

export interface ListSessionsRequest {
  programmeId: string
  siteId: string
  /** Omitted: every day. */
  date?: string
}

export interface BookRequest {
  programmeId: string
  sessionId: string
  /** Version of the privacy notice she agreed to; must be the current one. */
  consentVersion: string
  /** Which booking notices she opted into: a confirmation now, a reminder the day before, or both. Default 'confirmation'. */
  notice?: 'confirmation' | 'reminder' | 'both' | 'none'
  /** When the session is full, join the waiting list instead of answering SLOT_FULL. */
  joinWaitlistIfFull?: boolean
}

export type BookResponse = { outcome: 'booked'; booking: BookingDTO } | { outcome: 'waitlisted'; waitlist: WaitlistDTO }

export interface RescheduleRequest {
  programmeId: string
  sessionId: string
}

export interface JoinWaitlistRequest {
  programmeId: string
  /** Only be offered places at this site. */
  siteId?: string
}

export interface AcceptOfferRequest {
  programmeId: string
  consentVersion: string
}

export interface CheckInRequest {
  token: string
}

export interface StaffSessionsRequest {
  /** Beijing date; omitted: today. */
  date?: string
}

export interface SessionRef {
  sessionId: string
}

export interface BookingRef {
  bookingId: string
}

export interface MarkResultRequest {
  bookingId: string
  outcome: ResultOutcome
  /** Follow-up note, at most 200 characters. */
  note?: string
}

/** Changes a result already marked; `reason` is written to the audit log, and she is told again (generically). */
export interface CorrectResultRequest extends MarkResultRequest {
  reason: string
}

/** What the desk sees of one booking's result (the read is audited). */
export interface DeskResultDTO {
  bookingId: string
  /** Masked, e.g. 王** */
  memberName: string
  /** null: no result marked yet. */
  result: ResultDTO | null
  /** How many times it was corrected after first being marked. */
  corrections: number
}

/** Whether the code on her screen has been used: shown instead of the code as soon as staff confirm. */
export interface CodeStatusDTO {
  done: boolean
  /** e.g. 已签到 */
  title: string | null
  /** e.g. 08:12 · 市妇幼保健院 */
  detail: string | null
  at: number | null
}

export interface SessionInput {
  date: string
  /** 'HH:mm' Beijing */
  start: string
  end: string
  capacity: number
}

export interface SiteInput extends SiteDTO {
  sessions: SessionInput[]
}

export interface CreateProgrammeRequest {
  /** Lower-case letters, digits and '-', 3–32 chars. */
  id: string
  name: string
  description: string
  /** Before the union tree (or with none): the 主办 text; with it, the owning union's name is used. */
  organiser?: string
  /** 主办单位: a union in her subtree (default her own node). Its sites are its too. */
  unionId?: string
  privacyNotice: { version: string; text: string }
  /** `within` is the server's (the owner's subtree), never the client's. */
  eligibility: Omit<EligibilityRulesDTO, 'within'>
  priority?: PriorityRulesDTO | null
  /** Must equal the sum of session capacities. */
  totalQuota: number
  branchQuotas?: { branch: string; quota: number }[]
  releaseAt: number
  bookingClosesAt: number
  cancelDeadlineHours: number
  offerHoldMinutes?: number
  checkinToleranceMinutes?: number
  sites: SiteInput[]
}

export interface ExportBookingsRequest {
  programmeId: string
  /** Full names, card numbers and phones: needs a reason, which is recorded. */
  full?: boolean
  reason?: string
}

/** action name → [request, response]; the notice actions (subscribe, myNotices, noticeCredits, allNotices) are the kit's. */
export type ScreeningActions = ScreeningOwnActions & NoticeActionMap<NoticeTopic, NoticeKind>

interface ScreeningOwnActions {
  // members
  listProgrammes: [Record<string, never>, ProgrammeCardDTO[]]
  getProgramme: [ProgrammeRef, ProgrammeCardDTO]
  listDays: [{ programmeId: string; siteId: string }, DayDTO[]]
  listSessions: [ListSessionsRequest, SessionDTO[]]
  book: [BookRequest, BookResponse]
  cancel: [ProgrammeRef, BookingDTO]
  reschedule: [RescheduleRequest, BookingDTO]
  myBookings: [Record<string, never>, BookingDTO[]]
  joinWaitlist: [JoinWaitlistRequest, WaitlistDTO]
  leaveWaitlist: [ProgrammeRef, WaitlistDTO]
  acceptOffer: [AcceptOfferRequest, BookingDTO]
  declineOffer: [ProgrammeRef, WaitlistDTO]
  checkinCode: [ProgrammeRef, CheckinCodeDTO]
  /** Polled while her booking code is on screen: 已签到 once the desk has checked her in. */
  codeStatus: [ProgrammeRef, CodeStatusDTO]
  myResult: [ProgrammeRef, ResultDTO | null]
  remindRelease: [ProgrammeRef, { releaseReminder: boolean }]
  // site staff (scoped to their site)
  staffSessions: [StaffSessionsRequest, StaffSessionDTO[]]
  staffBookings: [SessionRef, StaffBookingRowDTO[]]
  checkIn: [CheckInRequest, CheckInResultDTO]
  markNoShows: [SessionRef, MarkNoShowsResult]
  markResult: [MarkResultRequest, ResultDTO]
  // staff of the booking's site, or officers; every read is audited (she reads hers with myResult)
  readResult: [BookingRef, ResultDTO]
  deskResult: [BookingRef, DeskResultDTO]
  correctResult: [CorrectResultRequest, ResultDTO]
  // officers: of the union that owns the programme (issue 20)
  /** The programmes her subtree owns (the city's officers: all), newest release first. */
  officerProgrammes: [Record<string, never>, ProgrammeDTO[]]
  createProgramme: [CreateProgrammeRequest, ProgrammeDTO]
  dashboard: [ProgrammeRef, DashboardDTO]
  exportBookings: [ExportBookingsRequest, BookingsExportDTO]
  /** The bookings table: masked as the masked export, a page at a time. */
  bookingTable: [BookingTableRequest, BookingTableDTO]
  sweep: [{ programmeId?: string }, SweepResult]
}
