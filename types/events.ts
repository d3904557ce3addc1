/**
 * DTOs of the `events` cloud function (集章打卡 · 活动签到). Client and function both import these.
 *
 * Conventions: times are UTC ms; ids are short strings; every scanned code travels
 * as the raw text the camera read (printed booth codes: the WeChat `scene`, already
 * decodeURIComponent-ed). Member names shown to staff are always masked.
 *
 * Change log (append here if a shape must change after the front end started):
 * - issue 7/8: `message` on GiftPreviewDTO, RedemptionDTO and CheckInResultDTO (Chinese desk wording);
 *   `codeStatus` (her code page polls it); exports take `full` + `reason` and answer `masked`.
 * - issue 20: every event is owned by a union (`unionId`; `organiser` is its name, 主办); sign-up is for
 *   the owner's members (`within`, `notForYou`); SaveEventRequest takes `unionId`, `organiser` optional.
 */
import type { AppCodeImage } from './app-code'
import type { CodeStatusDTO } from './screening'
import type { OwnerDTO } from './unions'

export type EventKind = 'fair' | 'activity'
/** Relative to the server clock: before startsAt / between / from endsAt on. */
export type EventPhase = 'upcoming' | 'ongoing' | 'ended'

export interface VenueDTO {
  name: string // e.g. 万达广场一层中庭
  address: string
  city: string // e.g. 南京市
}

export interface ZoneDTO {
  id: string // 1–10 of A-Z a-z 0-9 _ -
  name: string // 匠心特产集
}

export interface SignUpRulesDTO {
  /** Members must sign up before they can check in / collect stamps. */
  required: boolean
  /** null = unlimited. */
  capacity: number | null
  /** Sign-up closes at this instant (UTC ms); null = when the event ends. */
  closesAt: number | null
}

export interface StampRulesDTO {
  /** Minimum seconds between two stamps of one member in this event (0 = none). */
  cooldownSeconds: number
}

export interface MySignUpDTO {
  eventId: string
  signedUpAt: number
}

/** Only members of this union's subtree may sign up (a district's or grassroots union's event); null: every member. */
export interface EventAudienceDTO {
  unionId: string
  name: string
}

export interface EventSummaryDTO extends OwnerDTO {
  id: string
  kind: EventKind
  title: string
  /** 主办: the owning union's name (南京市总工会), or the text typed before the union tree existed. */
  organiser: string
  venue: VenueDTO
  startsAt: number
  endsAt: number
  phase: EventPhase
  signUp: SignUpRulesDTO
  signedUp: number
  /** capacity reached: show 已满 */
  full: boolean
  /** The caller's own sign-up, or null. */
  mySignUp: MySignUpDTO | null
  boothCount: number
  checkpointCount: number
  /** Sign-up is for the owner's members only (issue 20); null: every member. */
  within: EventAudienceDTO | null
  /** Why the caller cannot sign up (a verified member outside `within`), in Chinese; null otherwise. */
  notForYou: string | null
}

export interface BoothDTO {
  id: string // ≤ 10 chars: it is inside the printed code
  eventId: string
  zoneId: string
  name: string // 平陆猕猴桃
  exhibitor: string // 平陆县总工会 · 张村果业合作社
}

/** A tier's requirement: at least minTotal stamps in all AND at least minPerZone in EVERY zone. */
export interface TierRuleDTO {
  minTotal: number
  minPerZone: number
}

export interface GiftTierDTO {
  id: string // ≤ 10 chars
  eventId: string
  name: string // 集满10枚
  gift: string // 关公贴文创礼包
  rule: TierRuleDTO
  stock: number
  left: number
  redeemed: number
}

export interface CheckpointDTO {
  id: string // ≤ 10 chars
  eventId: string
  name: string // 起点 / 山顶
  /** Check-in window (UTC ms). */
  opensAt: number
  closesAt: number
  order: number
}

export interface EventDetailDTO extends EventSummaryDTO {
  description: string
  zones: ZoneDTO[]
  stampRules: StampRulesDTO
  booths: BoothDTO[]
  tiers: GiftTierDTO[]
  checkpoints: CheckpointDTO[]
}

// ---------- stamp card ----------

export interface StampDTO {
  boothId: string
  boothName: string
  zoneId: string
  stampedAt: number
}

export interface ZoneProgressDTO {
  zoneId: string
  name: string
  stamped: number
  boothCount: number
}

export interface TierProgressDTO {
  tier: GiftTierDTO
  qualified: boolean
  /** Chinese hint when not qualified, e.g. 还差3枚；巧手工艺廊还差2枚. '' when qualified. */
  missing: string
  /** The caller's redemption of this tier, if any. */
  redeemed: { redeemedAt: number; desk: string } | null
}

export interface StampCardDTO {
  eventId: string
  eventTitle: string
  total: number
  boothCount: number
  zones: ZoneProgressDTO[]
  /** Newest first. */
  stamps: StampDTO[]
  cooldownSeconds: number
  /** When the next stamp is allowed (UTC ms), or null if now. */
  nextStampAt: number | null
  tiers: TierProgressDTO[]
}

/** The card of an event, named by id or by one of its booths' printed codes (a refused scan still shows the right card). */
export interface StampCardRequest {
  eventId?: string
  code?: string
}

export interface StampRequest {
  /** The booth's printed code as scanned. */
  code: string
  /** The event whose card the member is on; a booth code of another event → TOKEN_OTHER_EVENT. */
  eventId?: string
}

export interface StampResultDTO {
  stamp: StampDTO
  card: StampCardDTO
}

// ---------- gifts ----------

export interface GiftCodeRequest {
  eventId: string
  tierId: string
}

/** Rotating redemption code (≈30 s): show as QR, refresh before expiresAt. */
export interface GiftCodeDTO {
  token: string
  expiresAt: number
  tier: GiftTierDTO
}

export interface GiftScanRequest {
  /** The event the desk works for (staff scope is checked against it). */
  eventId: string
  token: string
}

export interface GiftPreviewDTO {
  /** ready: confirm will grant; redeemed: this member already has this tier's gift. */
  status: 'ready' | 'redeemed'
  tier: GiftTierDTO
  memberName: string // masked, e.g. 李*
  redeemedAt: number | null
  desk: string | null
  /** What the desk shows, e.g. `已兑换 16:21 · 1号兑换台` (redeemed) or `可兑换：关公贴` (ready). Always sent. */
  message?: string
}

export interface RedeemGiftRequest extends GiftScanRequest {
  /** Which desk is confirming, e.g. '2号兑换台'; 1–20 chars. */
  desk: string
}

export interface RedemptionDTO {
  /** granted: hand over the gift now. already-redeemed: DO NOT hand over; see redeemedAt/desk. */
  outcome: 'granted' | 'already-redeemed'
  tier: GiftTierDTO // left is after this redemption
  memberName: string // masked
  redeemedAt: number
  desk: string
  /** What the desk shows: `兑换成功 16:21 · 2号兑换台` or `已兑换 16:21 · 1号兑换台（请勿重复发放）`. Always sent. */
  message?: string
}

// ---------- sign-up & check-in ----------

export interface EventIdRequest {
  eventId: string
}

export interface CheckInCodeDTO {
  token: string
  expiresAt: number
  eventId: string
}

export interface CheckpointCodeRequest {
  eventId: string
  checkpointId: string
}

/** Rotating code a staff screen shows for members to scan (self check-in). */
export interface CheckpointCodeDTO {
  token: string
  expiresAt: number
  checkpoint: CheckpointDTO
}

/** A checkpoint's printed self check-in code: a mini-program code whose scene is `code`, good until the checkpoint closes. */
export interface CheckpointPosterDTO {
  code: string
  image: AppCodeImage
  checkpoint: CheckpointDTO
}

export interface CheckInRequest {
  eventId: string
  checkpointId: string
  /** The member's rotating check-in code. */
  token: string
}

export interface SelfCheckInRequest {
  /** The rotating checkpoint code from the staff screen, or the printed one (`scene` of its mini-program code). */
  token: string
  eventId?: string
}

export interface CheckpointCountDTO {
  checkpointId: string
  name: string
  checkedIn: number
}

export interface CheckInCountsDTO {
  eventId: string
  signedUp: number
  checkpoints: CheckpointCountDTO[]
}

export interface CheckInResultDTO {
  /** already: a repeat scan, nothing changed (show 已签到 HH:mm from checkedInAt). */
  status: 'checked-in' | 'already'
  checkedInAt: number
  memberName: string // masked for staff, own name unmasked for the member
  checkpoint: CheckpointDTO
  counts: CheckInCountsDTO
  /** `签到成功 10:00` or `已签到 10:00`. Always sent. */
  message?: string
}

/** Polled while her gift or check-in code is on screen; the shape every rotating-code status shares. */
export type { CodeStatusDTO }

/** `tierId`: her gift code of that tier (已领取); without: her check-in code of the event (已签到). */
export interface CodeStatusRequest {
  eventId: string
  tierId?: string
}

export interface MyCheckInDTO {
  eventId: string
  eventTitle: string
  checkpointId: string
  checkpointName: string
  checkedInAt: number
  via: 'staff' | 'self'
}

export interface ListEventsRequest {
  /** Only events in this city; omitted = all. */
  city?: string
  /** Include ended events (default false). */
  includeEnded?: boolean
}

// ---------- officers ----------

export interface SaveEventRequest {
  /** Omitted = create. */
  id?: string
  kind: EventKind
  title: string
  description: string
  /** Before the union tree (or with none): the 主办 text; with it, the owning union's name is used. */
  organiser?: string
  /** 主办单位: a union in her subtree (default her own); ignored on an edit (an event keeps its owner). */
  unionId?: string
  venue: VenueDTO
  startsAt: number
  endsAt: number
  zones: ZoneDTO[]
  signUp: SignUpRulesDTO
  stampRules: StampRulesDTO
}

export interface SaveBoothRequest {
  eventId: string
  id?: string
  zoneId: string
  name: string
  exhibitor: string
}

export interface SaveTierRequest {
  eventId: string
  id?: string
  name: string
  gift: string
  rule: TierRuleDTO
  /** Total stock; lowering it below what was already handed out → INVALID_ARGUMENT (field stock). */
  stock: number
}

export interface SaveCheckpointRequest {
  eventId: string
  id?: string
  name: string
  opensAt: number
  closesAt: number
  order?: number
}

export interface BoothAdminDTO extends BoothDTO {
  codeVersion: number
}

export interface EventAdminDTO extends Omit<EventDetailDTO, 'booths'> {
  booths: BoothAdminDTO[]
}

export interface BoothCodeDTO {
  boothId: string
  boothName: string
  zoneName: string
  exhibitor: string
  /** ≤ 32 chars: use as the mini-program code's scene, or as QR text. */
  code: string
  version: number
}

export interface BoothCodesDTO {
  eventId: string
  eventTitle: string
  codes: BoothCodeDTO[]
}

export interface BoothRequest {
  eventId: string
  boothId: string
}

export interface DashboardDTO {
  eventId: string
  title: string
  generatedAt: number
  totals: { stamps: number; stampers: number; signedUp: number; checkedIn: number; giftsRedeemed: number }
  /** Every booth, most stamps first. */
  stampsPerBooth: { boothId: string; name: string; zoneId: string; stamps: number }[]
  /** Buckets of bucketMs starting at bucketStart (UTC ms), oldest first; empty buckets included between first and last. */
  stampsOverTime: { bucketStart: number; stamps: number }[]
  bucketMs: number
  gifts: { tierId: string; name: string; gift: string; stock: number; left: number; redeemed: number }[]
  checkIns: CheckpointCountDTO[]
  /** Refused scans by reason, for disputes. */
  refusals: { code: string; count: number }[]
}

export interface CsvExportDTO {
  filename: string
  /** UTF-8 with BOM, CRLF line ends (opens in Excel). */
  csv: string
  rows: number
  /** true: names masked (the default); false: full names, given with a reason that was audit-logged. */
  masked: boolean
}

/** An officer's export: masked unless `full` with a `reason` (recorded in the audit log). */
export interface EventExportRequest {
  eventId: string
  full?: boolean
  reason?: string
}

export type ScanKind = 'stamp' | 'gift-preview' | 'gift-redeem' | 'checkin' | 'self-checkin'

export interface ScanLogEntryDTO {
  id: string
  at: number
  kind: ScanKind
  ok: boolean
  /** The refusal's error code (or 'ALREADY' for a repeat that changed nothing); null when accepted. */
  code: string | null
  /** Masked member name when known. */
  member: string
  boothId: string | null
  checkpointId: string | null
  tierId: string | null
  desk: string | null
}

export interface ScanLogRequest {
  eventId: string
  refusedOnly?: boolean
  /** 1–200, default 50. */
  limit?: number
  /** Entries strictly older than this (UTC ms), for paging. */
  before?: number
}

export interface SweepResultDTO {
  /** Stale pending gift redemptions / sign-ups whose held stock or seat was returned. */
  released: number
}

/** action name → [request, response] */
export interface EventsActions {
  // members (verified)
  listEvents: [ListEventsRequest, { events: EventSummaryDTO[] }]
  eventDetail: [EventIdRequest, EventDetailDTO]
  signUp: [EventIdRequest, MySignUpDTO]
  stampCard: [StampCardRequest, StampCardDTO]
  stamp: [StampRequest, StampResultDTO]
  giftCode: [GiftCodeRequest, GiftCodeDTO]
  myCheckInCode: [EventIdRequest, CheckInCodeDTO]
  codeStatus: [CodeStatusRequest, CodeStatusDTO]
  selfCheckIn: [SelfCheckInRequest, CheckInResultDTO]
  myCheckIns: [Record<string, never>, { checkIns: MyCheckInDTO[] }]
  // staff of the event (or officers)
  staffEvents: [Record<string, never>, { events: EventSummaryDTO[] }]
  previewGift: [GiftScanRequest, GiftPreviewDTO]
  redeemGift: [RedeemGiftRequest, RedemptionDTO]
  checkIn: [CheckInRequest, CheckInResultDTO]
  checkpointCode: [CheckpointCodeRequest, CheckpointCodeDTO]
  checkpointPoster: [CheckpointCodeRequest, CheckpointPosterDTO]
  checkInCounts: [EventIdRequest, CheckInCountsDTO]
  // officers
  manageEvent: [EventIdRequest, EventAdminDTO]
  saveEvent: [SaveEventRequest, EventAdminDTO]
  saveBooth: [SaveBoothRequest, BoothAdminDTO]
  saveTier: [SaveTierRequest, GiftTierDTO]
  saveCheckpoint: [SaveCheckpointRequest, CheckpointDTO]
  boothCodes: [EventIdRequest, BoothCodesDTO]
  reissueBoothCode: [BoothRequest, BoothCodeDTO]
  boothCodeImage: [BoothRequest, AppCodeImage]
  dashboard: [EventIdRequest, DashboardDTO]
  exportCheckIns: [EventExportRequest, CsvExportDTO]
  exportRedemptions: [EventExportRequest, CsvExportDTO]
  scanLog: [ScanLogRequest, { entries: ScanLogEntryDTO[] }]
  sweepPending: [EventIdRequest, SweepResultDTO]
}
