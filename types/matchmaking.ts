/**
 * DTOs of the `matchmaking` cloud function (会聚良缘 mixers). Client and function
 * both import these. Times are UTC ms.
 *
 * What other attendees ever see of a person is the mixer profile below (nickname,
 * birth year, gender, sector, introduction) and a badge number: nothing from the roster.
 * Picks travel only as opaque tokens made on the phones (docs/api-matchmaking.md).
 */
import type { NoticeActionMap } from './notices'
import type { TablePage, TablePageRequest } from './table'

export type Gender = 'M' | 'F'
export const SECTORS = ['机关事业', '企业', '新就业形态', '其他'] as const
export type Sector = (typeof SECTORS)[number]

/** Signed up and holding a place awaiting review, approved, on the waiting list, offered a freed place… */
export type SignupStatus = 'review' | 'approved' | 'waiting' | 'offered' | 'rejected' | 'cancelled' | 'withdrawn'

/** The single statement (单身承诺): its text changes only with a new version. */
export const SINGLE_STATEMENT = {
  version: 'v1',
  text: '本人承诺：目前未婚、无恋爱关系，报名参加会聚良缘联谊活动出于真诚交友目的，所填资料真实。如情况变化，将主动撤回承诺并取消报名。',
} as const

export interface MixerInput {
  title: string
  /** The year's programme this mixer belongs to (e.g. '南京市总工会 2027 年青年职工联谊交友活动'). */
  programme: string
  /** 主办: the owning union's name (issue 20: set by the server from the owner; typed text only before the tree). */
  organiser: string
  coOrganisers: string[]
  venue: string
  startsAt: number
  endsAt: number
  placesByGender: Record<Gender, number>
  /** Optional caps per sector (over both genders); empty: none. */
  sectorQuotas: Partial<Record<Sector, number>>
  ageMin: number
  ageMax: number
  signupOpensAt: number
  signupClosesAt: number
  review: 'auto' | 'officer'
  /** How many picks each attendee submits (real ones padded with random tokens to exactly K). */
  k: number
  /** Check-in closes and the directory freezes at this instant. */
  pickOpensAt: number
  pickClosesAt: number
  retentionDays: number
  offerHoldMinutes: number
  description: string
}

export interface MixerDTO extends MixerInput {
  id: string
  /** The owning union (null: a mixer from before the tree, the city's). */
  unionId: string | null
  /** 'open' until matched; 'matched' once the deadline passed and matches are out; 'purged' after retention. */
  phase: 'open' | 'matched' | 'purged'
}

export interface EligibilityDTO {
  eligible: boolean
  /** Chinese reasons, one per unmet condition. */
  reasons: string[]
}

export interface SignupDTO {
  mixerId: string
  mixerTitle: string
  status: SignupStatus
  /** 1-based place in the waiting list of her/his gender while waiting. */
  position: number | null
  offerExpiresAt: number | null
  rejectReason: string | null
  checkedInAt: number | null
  badge: number | null
  /** Whether this phone's key is registered (the client compares with its own). */
  publicKey: string | null
}

export interface MixerCardDTO {
  mixer: MixerDTO
  /** Places left per gender (exact: members plan on them). */
  left: Record<Gender, number>
  eligibility: EligibilityDTO
  signup: SignupDTO | null
}

export interface MixerProfileDTO {
  nickname: string
  birthYear: number
  gender: Gender
  sector: Sector
  intro: string
}

export interface SaveProfileRequest {
  nickname: string
  sector: Sector
  intro: string
}

export interface StatementDTO {
  version: string
  signedAt: number
  withdrawnAt: number | null
}

export interface BarDTO {
  reason: string
  until: number
  appeal: { text: string; at: number; outcome: 'pending' | 'upheld' | 'lifted' } | null
}

export interface MyProfileDTO {
  profile: MixerProfileDTO | null
  /** From the roster, shown to the member only so she/he sees what the profile will carry. */
  rosterGender: Gender | null
  rosterBirthYear: number | null
  statement: StatementDTO | null
  bar: BarDTO | null
  /** Her text held by WeChat's content check (审核中) or returned by an officer (退回: edit it); null when shown as is. */
  hold: ProfileHoldDTO | null
}

/** A profile text WeChat's check answered `review` for: no sign-up (so no one sees it) until an officer approves it. */
export interface ProfileHoldDTO {
  state: 'pending' | 'returned'
  /** The officer's reason when returned. */
  reason: string | null
  at: number
}

/** One held profile text in the officers' review queue (资料审核): the text and who wrote it (masked name). */
export interface ProfileTextDTO {
  ref: string
  maskedName: string
  nickname: string
  sector: Sector
  intro: string
  /** The fields WeChat asked to review: 'nickname' | 'intro'. */
  fields: ProfileTextField[]
  state: 'pending' | 'returned' | 'approved'
  reason: string | null
  at: number
}

export type ProfileTextField = 'nickname' | 'intro'

export interface DecideProfileTextRequest {
  ref: string
  approve: boolean
  /** Required to return (退回): what she should change. */
  reason?: string
}

export interface MixerRef {
  mixerId: string
}

export interface CheckinCodeDTO {
  token: string
  expiresAt: number
  refreshInMs: number
  checkedInAt: number | null
  badge: number | null
}

export interface RegisterKeyRequest {
  mixerId: string
  /** X25519 public key, base64 (32 bytes). */
  publicKey: string
}

export interface DirectoryEntryDTO {
  badge: number
  nickname: string
  birthYear: number
  gender: Gender
  sector: Sector
  intro: string
  publicKey: string
}

export interface DirectoryDTO {
  mixerId: string
  frozenAt: number
  k: number
  pickClosesAt: number
  me: DirectoryEntryDTO
  /** Checked-in attendees of the other group only. */
  others: DirectoryEntryDTO[]
  /**
   * When the server last stored her submission; null: nothing submitted. All the server can say:
   * whom (and how many) she picked lives only in her tokens and on her phone.
   */
  submittedAt: number | null
}

export interface SubmitPicksRequest {
  mixerId: string
  /** Exactly K tokens, base64url of 32 bytes each. */
  tokens: string[]
}

/** The same bytes whatever was picked. */
export interface SubmitPicksResult {
  accepted: true
  k: number
  /** When the server stored it: the page says 已提交 only from this answer. */
  submittedAt: number
}

export type ContactKind = 'wechat' | 'phone'

export interface MatchDTO {
  id: string
  badge: number
  nickname: string
  intro: string
  sector: Sector
  birthYear: number
  myContact: { kind: ContactKind; value: string } | null
  /** Shown only once both have offered, and never after either ended it. */
  theirContact: { kind: ContactKind; value: string } | null
  /** 'open', 'waiting' (I offered, they not yet), 'exchanged', 'ended' (either declined or blocked). */
  state: 'open' | 'waiting' | 'exchanged' | 'ended'
}

export interface MatchesDTO {
  /** false until the deadline passed and matching ran. */
  published: boolean
  matches: MatchDTO[]
}

export interface OfferContactRequest {
  matchId: string
  kind: ContactKind
  value: string
}

export interface EndMatchRequest {
  matchId: string
  block: boolean
}

export type ReportReason = 'harassment' | 'not_single' | 'fake_profile' | 'other'

export interface ReportRequest {
  mixerId: string
  badge: number
  reason: ReportReason
  note: string
}

// ---- staff ----
export interface StaffCheckInRequest {
  mixerId: string
  token: string
}

export interface StaffCheckInResultDTO {
  badge: number
  nickname: string
  gender: Gender
  checkedInAt: number
  alreadyCheckedIn: boolean
  /** '签到成功 19:05 · 27号' / '已签到 19:05 · 27号' */
  message: string
}

export interface StaffMixerDTO {
  mixer: MixerDTO
  checkedIn: Record<Gender, number>
}

// ---- officers ----
/** A count, or '<5' when under five (so no small group can be singled out). */
export type Figure = number | '<5'

export interface FiguresDTO {
  mixerId: string
  title: string
  signedUp: Record<Gender, Figure>
  approved: Record<Gender, Figure>
  checkedIn: Record<Gender, Figure>
  bySector: { sector: Sector; signedUp: Figure; approved: Figure; checkedIn: Figure }[]
  /** Known only after matching. */
  pairs: Figure | null
}

export interface ProgrammeDTO {
  programme: string
  mixers: FiguresDTO[]
  totals: Omit<FiguresDTO, 'mixerId' | 'title' | 'bySector'>
}

export interface ReviewRowDTO {
  ref: string
  nickname: string
  /** Masked roster name (张**) so the officer can tell rows apart, nothing more. */
  maskedName: string
  gender: Gender
  sector: Sector
  birthYear: number
  status: SignupStatus
  position: number | null
  signedUpAt: number
}

export interface ReviewDTO {
  mixer: MixerDTO
  /** Exact counts per gender and sector of sign-ups holding or awaiting a place, for balance. */
  balance: { gender: Gender; sector: Sector; review: number; approved: number; waiting: number }[]
  rows: ReviewRowDTO[]
}

export interface DecideRequest {
  mixerId: string
  ref: string
  approve: boolean
  reason?: string
}

/** The console's review table (issue 18): a page of one mixer's sign-ups, filtered and sorted by the function. */
export interface ReviewTableRequest extends TablePageRequest<'signedUpAt'> {
  mixerId: string
  status?: SignupStatus
  gender?: Gender
  sector?: Sector
}

/** Per gender, exact (the officer deciding needs the real balance): places, places left, and where the sign-ups stand. */
export interface ReviewGenderSummary {
  gender: Gender
  places: number
  left: number
  review: number
  approved: number
  waiting: number
  offered: number
}

export interface ReviewTableDTO extends TablePage<ReviewRowDTO> {
  mixer: MixerDTO
  summary: ReviewGenderSummary[]
}

/** At most this many sign-ups in one `decideMany` (one call stays well inside the function's timeout). */
export const DECIDE_MANY_MAX = 100

/** One verdict for many sign-ups, each decided by exactly the rules of `decide`, in the order given. */
export interface DecideManyRequest {
  mixerId: string
  refs: string[]
  approve: boolean
  reason?: string
}

export type DecideOutcomeDTO =
  { ref: string; ok: true; row: ReviewRowDTO } | { ref: string; ok: false; code: string; message: string; row: ReviewRowDTO | null }

export interface DecideManyResultDTO {
  approve: boolean
  outcomes: DecideOutcomeDTO[]
  decided: number
  refused: number
  /** After the decisions: per gender, as the review table shows it. */
  summary: ReviewGenderSummary[]
}

/** 报名中 / 未开始 / 已截止, from the sign-up window. */
export type MixerSignupWindow = 'upcoming' | 'open' | 'closed'

export interface MixerTableRequest extends TablePageRequest<'startsAt'> {
  phase?: MixerDTO['phase']
  signup?: MixerSignupWindow
}

export interface SaveMixerRequest extends Omit<MixerInput, 'organiser'> {
  id?: string
  /** 主办 of a new mixer: a union of her subtree (absent: her own node); fixed once saved. */
  unionId?: string
  /** Kept only while the federation has no tree; otherwise the owner's name. */
  organiser?: string
}

export interface ReportDTO {
  id: string
  mixerTitle: string
  /** The reported attendee; the reporter is never named to anyone. */
  subject: { badge: number | null; nickname: string; maskedName: string }
  reason: ReportReason
  note: string
  at: number
  status: 'open' | 'dismissed' | 'barred'
  bar: BarDTO | null
}

export interface BarRequest {
  reportId: string
  reason: string
  until: number
}

export interface DecideAppealRequest {
  reportId: string
  lift: boolean
}

export interface AppealRequest {
  text: string
}

/** The one opt-in topic: a one-time subscription message when the results are out (it names nobody). */
export type MatchNoticeTopic = 'match'
/** The one notice kind (cloudfunctions/matchmaking/matchmaking.context.ts MATCH_NOTICES). */
export type MatchNoticeKind = 'match_found'

export interface MatchmakingSweepResult {
  /** Seat holds given back: stale pending sign-ups, and holds whose sign-up is gone or given back. */
  holdsReleased: number
  offersExpired: number
  /** Places found free while someone waited, offered to the first in line. */
  offersMade: number
  mixersMatched: number
  pairs: number
  mixersPurged: number
  /** Mixers whose share of the sweep failed this tick (logged; the next tick retries them). */
  mixersFailed: number
}

/** Action name → [request, response]; the notice actions (subscribe, her outbox, credits) are the kit's. */
export type MatchmakingActions = MatchmakingOwnActions & NoticeActionMap<MatchNoticeTopic, MatchNoticeKind>

interface MatchmakingOwnActions {
  // members
  listMixers: [Record<string, never>, MixerCardDTO[]]
  getMixer: [MixerRef, MixerCardDTO]
  myProfile: [Record<string, never>, MyProfileDTO]
  saveProfile: [SaveProfileRequest, MixerProfileDTO]
  signStatement: [{ version: string }, StatementDTO]
  withdrawStatement: [Record<string, never>, StatementDTO]
  signUp: [MixerRef, SignupDTO]
  cancelSignup: [MixerRef, SignupDTO]
  acceptOffer: [MixerRef, SignupDTO]
  declineOffer: [MixerRef, SignupDTO]
  mySignups: [Record<string, never>, SignupDTO[]]
  checkinCode: [MixerRef, CheckinCodeDTO]
  registerKey: [RegisterKeyRequest, SignupDTO]
  directory: [MixerRef, DirectoryDTO]
  submitPicks: [SubmitPicksRequest, SubmitPicksResult]
  myMatches: [MixerRef, MatchesDTO]
  offerContact: [OfferContactRequest, MatchDTO]
  endMatch: [EndMatchRequest, MatchDTO]
  report: [ReportRequest, { received: true }]
  appealBar: [AppealRequest, BarDTO]
  // event staff of the mixer (and officers)
  staffMixers: [Record<string, never>, StaffMixerDTO[]]
  checkIn: [StaffCheckInRequest, StaffCheckInResultDTO]
  // officers: never picks, tokens or contacts
  saveMixer: [SaveMixerRequest, MixerDTO]
  reviewList: [MixerRef, ReviewDTO]
  decide: [DecideRequest, ReviewRowDTO]
  /** The console's review queue, paged by the function, with the balance per gender. */
  reviewTable: [ReviewTableRequest, ReviewTableDTO]
  /** Many sign-ups, one verdict, one call: per-row outcomes, as many `decide`s one by one would leave them. */
  decideMany: [DecideManyRequest, DecideManyResultDTO]
  /** Her subtree's mixers as a paged table. */
  mixerTable: [MixerTableRequest, TablePage<MixerDTO>]
  figures: [MixerRef, FiguresDTO]
  /** Her subtree's mixers, every phase (the city: all). */
  officerMixers: [Record<string, never>, MixerDTO[]]
  programme: [{ programme: string }, ProgrammeDTO]
  listReports: [Record<string, never>, ReportDTO[]]
  barMember: [BarRequest, ReportDTO]
  dismissReport: [{ reportId: string }, ReportDTO]
  decideAppeal: [DecideAppealRequest, ReportDTO]
  profileTexts: [Record<string, never>, ProfileTextDTO[]]
  decideProfileText: [DecideProfileTextRequest, ProfileTextDTO]
  sweep: [Record<string, never>, MatchmakingSweepResult]
}
