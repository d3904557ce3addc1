import type { ListUnionsRes, MoveUnionReq, OfficerUnionDTO, SaveUnionReq, UnionDTO } from './unions'
/** DTOs of the `member` cloud function. Client and function both import these. */
import type { AppCodeImage } from './app-code'
import type { MatchDTO, MatchNoticeKind, MatchNoticeTopic } from './matchmaking'
import type { BookingRecordStatus } from './screening.labels'
import type { NoticeKind, NoticeTopic, ResultOutcome, WaitlistStatus } from './screening'
import type { VoucherNoticeKind, VoucherNoticeTopic, VoucherStatus } from './vouchers'
import type { DrawResult } from './vouchers.labels'
import type { TablePage, TablePageRequest } from './table'

export type ScopeKind = 'merchant' | 'event' | 'site'

/**
 * A merchant's manager (店长: also confirms statements) is invited with the
 * merchant's id plus this suffix; a plain merchant scope makes a cashier.
 */
export const MERCHANT_MANAGER_SUFFIX = '-mgr'

export interface StaffScope {
  kind: ScopeKind
  id: string
  name: string
}

/** An officer's role names the union she acts for (issue 20); the city reaches everything. */
export type RoleDTO = { role: 'member' } | { role: 'officer'; union: OfficerUnionDTO } | { role: 'staff'; scope: StaffScope }

export interface ProfileDTO {
  name: string
  /** Owner sees their own data unmasked; everyone else sees masked values. */
  cardNo: string
  phone: string
  branch: string
  tags: string[]
  gender: 'F' | 'M' | ''
  birthDate: string // YYYY-MM-DD, '' when unknown
  verifiedAt: number // UTC ms
}

export interface MeDTO {
  /** Has this WeChat account been bound to a roster record? */
  verified: boolean
  profile: ProfileDTO | null
  roles: RoleDTO[]
  deletionRequestedAt: number | null
  /** Her latest deletion request and what became of it; null when she never asked (always sent by the server). */
  deletion?: DeletionStatusDTO | null
}

/**
 * pending: waiting for an officer; partly: erased what may be erased, something
 * is kept until it may go (asked again later); done; withdrawn: she verified
 * again before it was carried out, so nothing was erased.
 */
export type DeletionState = 'pending' | 'partly' | 'done' | 'withdrawn'

export interface ErasureOutcomeDTO {
  /** What was erased, in words (筛查结果 1 条…). */
  erased: string[]
  /** What is kept, and why. */
  kept: { what: string; why: string }[]
}

export interface DeletionStatusDTO {
  requestedAt: number
  status: DeletionState
  processedAt: number | null
  outcome: ErasureOutcomeDTO | null
}

/** A deletion request in the officers' queue. */
export interface DeletionRequestDTO extends DeletionStatusDTO {
  id: string
  /** Masked (李*); '' when no roster record was bound. */
  memberName: string
  memberRef: string | null
  branch: string
}

export interface ListDeletionRequestsRequest {
  /** 'open' (default): pending and partly done; 'all': also done and withdrawn. */
  status?: 'open' | 'all'
}

export interface ProcessDeletionRequest {
  id: string
}

export interface VerifyByPhoneRequest {
  /** `e.detail.code` of `<button open-type="getPhoneNumber">`. */
  code: string
}

export interface VerifyRequest {
  name: string
  /** One of cardNo or phone identifies the roster record. */
  cardNo?: string
  phone?: string
}

/**
 * One call imports up to 5,000 rows. A bigger roster goes in parts: split the
 * file at line ends, start every part with the file's header line, and send the
 * parts in order with one `chunk` (same importId, part 0..parts-1, firstLine =
 * the file line of the part's first data row, 2 for part 0). Send the file's
 * text (`csv`) or its raw bytes (`csvBase64`; UTF-8 or GBK, decoded here).
 */
export interface RosterImportRequest {
  /** CSV text with a header row; see docs/api.md for the columns. Exactly one of csv / csvBase64. */
  csv?: string
  /** The file's bytes, base64: UTF-8 (BOM or not) or GBK/GB18030 as Excel on Chinese Windows saves it. */
  csvBase64?: string
  chunk?: RosterImportChunk
  /**
   * Lines of this part whose card number an earlier part of the file already has (`first`): refused as a
   * repeat within one part is. The console learns them from `previewRoster`'s `accepted` keys.
   */
  repeats?: { line: number; first: number }[]
}

export interface RosterImportChunk {
  /** Chosen by the client for the whole file: 8–64 of A–Z a–z 0–9 _ -. */
  importId: string
  part: number
  parts: number
  /** Line number in the whole file of this part's first data row (the header is line 1). */
  firstLine: number
}

export interface RosterImportResult {
  imported: number
  updated: number
  unchanged: number
  /** Line numbers are of the whole file, also for a part. */
  errors: { line: number; reason: string }[]
  /** How the bytes were read ('utf-8' for `csv` text). */
  encoding: 'utf-8' | 'gb18030'
  /** For a chunked import: the running totals over the parts received so far. */
  progress: RosterImportProgress | null
}

export interface RosterImportProgress {
  importId: string
  parts: number
  partsDone: number
  imported: number
  updated: number
  unchanged: number
  refused: number
  /** Every part has arrived. */
  done: boolean
}

/**
 * What an invite makes its redeemer: staff of an event, site or merchant, or (issue 20) an officer of a
 * union (`union`: her node and everything below it; an officer invites officers of her own node and below).
 */
export type InviteKind = ScopeKind | 'union'

export interface InviteScope {
  kind: InviteKind
  id: string
  name: string
}

export interface CreateInviteRequest {
  /** A target from `inviteTargets`; the name stored is the target's own (a name sent here is ignored). */
  scope: { kind: InviteKind; id: string; name?: string }
  /** Hours until the code expires; default 72, at most 720. */
  ttlHours?: number
}

export interface InviteDTO {
  code: string
  scope: InviteScope
  expiresAt: number
}

/** Something staff can be invited for (an event, a screening site, a merchant), or a union to invite officers of. */
export interface InviteTargetDTO {
  kind: InviteKind
  id: string
  name: string
  /** A second line to tell similar names apart (venue, address). */
  detail: string
}

/** Only what her subtree owns (issue 20); `unions`: her node and those below it, for officer invites. */
export interface InviteTargetsDTO {
  events: InviteTargetDTO[]
  sites: InviteTargetDTO[]
  merchants: InviteTargetDTO[]
  unions: InviteTargetDTO[]
}

export interface RedeemInviteRequest {
  code: string
}

/** 有效 / 已使用 / 已撤销 / 已过期: 有效 and 已过期 are one stored state told apart by the time. */
export type InviteState = 'open' | 'used' | 'revoked' | 'expired'

/** The officers' invite table (issue 18): invites for targets of her subtree, paged by the function. */
export interface InviteTableRequest extends TablePageRequest<'createdAt'> {
  state?: InviteState
  kind?: InviteKind
}

/** A row of it: never the code (only its hash is stored), and people by their masked names. */
export interface InviteRowDTO {
  /** An opaque handle for `revokeInvite` (not the code, nor its hash). */
  id: string
  scope: InviteScope
  state: InviteState
  /** Who made it, and who used it: a masked name, or 未认证用户. */
  createdBy: string
  createdAt: number
  expiresAt: number
  usedBy: string | null
  usedAt: number | null
  revokedAt: number | null
}

/** A consent she gave, by what she agreed to (the privacy notice of a screening booking). */
export type ConsentKind = 'screening-privacy'

export interface MyDataExport {
  exportedAt: number
  account: { verified: boolean; verifiedAt: number | null; roles: RoleDTO[] }
  profile: ProfileDTO | null
  consents: { kind: ConsentKind; version: string; at: number }[]
  /** The caller's records in the other services (only hers/his; absent in older exports). */
  services?: MyServicesExport
}

/** One notice sent to her (or recorded as not delivered), as her export names it: no page, recipient or internal reason. */
export interface ExportedNotice<K extends string> {
  kind: K
  title: string
  fields: { label: string; value: string }[]
  createdAt: number
  delivered: boolean
}

export interface MyServicesExport {
  screening: {
    bookings: {
      bookingId: string
      programmeName: string
      siteName: string
      date: string
      start: string
      end: string
      status: BookingRecordStatus
      bookedAt: number | null
      consent: { version: string; at: number }
      checkedInAt: number | null
      cancelledAt: number | null
      resultReady: boolean
      /** Her own result, when ready. */
      result: { outcome: ResultOutcome; note: string; readyAt: number } | null
    }[]
    waitlist: { programmeName: string; siteName: string | null; status: WaitlistStatus; joinedAt: number }[]
    /** Remaining one-time notice opt-ins per topic (an older export may lack a topic added since). */
    noticeOptins: Partial<Record<NoticeTopic, number>> | null
    notices: ExportedNotice<NoticeKind>[]
  }
  events: {
    signUps: { eventTitle: string; state: 'pending' | 'confirmed'; signedUpAt: number | null }[]
    stamps: { eventTitle: string; boothName: string; stampedAt: number }[]
    redemptions: {
      eventTitle: string
      tierName: string
      gift: string
      state: 'pending' | 'confirmed'
      redeemedAt: number | null
      desk: string
    }[]
    checkIns: { eventTitle: string; checkpointName: string; checkedInAt: number }[]
  }
  /**
   * 会聚良缘: her profile, statement, sign-ups, matches (the other side as she saw it) and any bar. Never picks (opaque tokens).
   * Absent in older exports.
   */
  matchmaking?: {
    profile: { nickname: string; sector: string; intro: string } | null
    statement: { version: string; signedAt: number; withdrawnAt: number | null } | null
    signUps: { mixerTitle: string; status: string; signedUpAt: number; checkedInAt: number | null; badge: number | null }[]
    matches: { mixerTitle: string; theirBadge: number; theirNickname: string; myContact: string | null; state: MatchDTO['state'] }[]
    bar: { reason: string; until: number; appeal: string | null } | null
    /** Her match-notice opt-ins left, null before her first; absent in older exports, as are `notices`. */
    noticeOptins?: Partial<Record<MatchNoticeTopic, number>> | null
    notices?: ExportedNotice<MatchNoticeKind>[]
  }
  /** 工会消费券: her vouchers with how each was used (amounts in fen), and her draw entries. Absent in older exports. */
  vouchers?: {
    vouchers: {
      campaignName: string
      ruleText: string
      status: VoucherStatus
      claimedAt: number
      useEndsAt: number
      redemption: {
        merchantName: string
        till: string
        at: number
        billFen: number
        deductionFen: number
        modelWorkerFen: number
        payableFen: number
      } | null
    }[]
    drawEntries: { campaignName: string; entryRef: string; result: DrawResult; enteredAt: number }[]
    /** Her expiry-reminder opt-ins left, null before her first; absent in older exports, as are `notices`. */
    noticeOptins?: Partial<Record<VoucherNoticeTopic, number>> | null
    notices?: ExportedNotice<VoucherNoticeKind>[]
  }
}

export interface DeletionRequestResult {
  requestedAt: number
}

export interface ListRosterRequest {
  /** Exact member card number or a prefix of the name. */
  q?: string
  branch?: string
  tag?: string
  /** 0-based page; pageSize default 20, at most 50. */
  page?: number
  pageSize?: number
}

/** A roster row as an officer sees it: name, card and phone masked (PIPL). */
export interface RosterRowDTO extends Pick<ProfileDTO, 'name' | 'cardNo' | 'phone' | 'branch' | 'tags' | 'gender'> {
  bound: boolean
  /** The union she belongs to in the tree (issue 20); null for a record imported before the tree existed. */
  unionId: string | null
  /** Stable member reference (M-…), as in every export: matches rows across lists without the card number. */
  memberRef: string
}

/** A row of the officers' list: `id` is the handle `rosterRecord` and `correctRoster` take (opaque, sealed by the functions). */
export interface RosterListRowDTO extends RosterRowDTO {
  id: string
}

export interface RosterPageDTO {
  items: RosterListRowDTO[]
  total: number
  page: number
  pageSize: number
}

/**
 * `previewRoster`: the request of `importRoster` (a part of a file with its `chunk`, or a whole file), checked
 * exactly as the import checks it (the same refusals on the same lines) and written nowhere.
 */
export interface RosterPreviewResult {
  /** Rows that would make a new record. */
  adds: number
  /** Rows that would change a record. */
  updates: number
  /** Of `updates`, members whose union would change (their old place is kept in the record). */
  moves: number
  /** Rows that match their record already. */
  unchanged: number
  errors: { line: number; reason: string }[]
  encoding: 'utf-8' | 'gb18030'
  /**
   * Every row that would go in: its line, a key of its card number (the same card, the same key; not the
   * number itself) and what it would do, so a client sending a file in parts can find a card repeated in a
   * later part (send it as `repeats`) and take it out of these counts.
   */
  accepted: { line: number; key: string; outcome: 'add' | 'update' | 'move' | 'same' }[]
}

export interface RosterRecordRequest {
  id: string
  /** Why she needs the full name, card number and phone: given, they are shown and the reason is audited. */
  reveal?: string
}

/** One record as an officer sees it: masked like the list unless revealed with a reason. */
export interface RosterRecordDTO extends RosterListRowDTO {
  /** YYYY-MM-DD when revealed, else the year only (YYYY); '' when unknown. */
  birthDate: string
  /** The unions she belonged to before, most recent last. */
  unionMoves: { branch: string; until: number }[]
  importedAt: number
  updatedAt: number
  revealed: boolean
}

/** An officer corrects a record of her subtree: only the fields sent change (phone '' clears it). */
export interface CorrectRosterRequest {
  id: string
  name?: string
  phone?: string
  gender?: 'F' | 'M' | ''
  /** Her union, or one below it. */
  unionId?: string
  tags?: string[]
}

/**
 * `exportRoster`: her subtree's roster with the list's filters, as CSV (UTF-8, BOM), in parts of up to 5,000
 * rows: send `after` = the previous part's `next` until it is null; the parts' CSV texts join as they are
 * (only the first carries the BOM and the header). Masked unless `full` with a reason, which is audited.
 */
export interface ExportRosterRequest {
  q?: string
  branch?: string
  tag?: string
  full?: boolean
  reason?: string
  after?: string
}

export interface RosterExportDTO {
  csv: string
  rows: number
  /** The whole export's size (the list's total), for progress. */
  total: number
  masked: boolean
  next: string | null
  generatedAt: number
}

/** action name → [request, response] */
export interface MemberActions {
  me: [Record<string, never>, MeDTO]
  verify: [VerifyRequest, MeDTO]
  /** 手机号快速验证: the number WeChat vouches for is matched against the roster (off unless WX_PHONE_NUMBER=on). */
  verifyByPhone: [VerifyByPhoneRequest, MeDTO]
  unbind: [Record<string, never>, MeDTO]
  importRoster: [RosterImportRequest, RosterImportResult]
  createInvite: [CreateInviteRequest, InviteDTO]
  inviteTargets: [Record<string, never>, InviteTargetsDTO]
  /** The invite as a mini-program code that opens the redeem page with the code filled in (its maker only). */
  inviteCodeImage: [RedeemInviteRequest, AppCodeImage]
  redeemInvite: [RedeemInviteRequest, MeDTO]
  inviteTable: [InviteTableRequest, TablePage<InviteRowDTO>]
  /** An unused invite can no longer be redeemed (INVITE_REVOKED); a used one is refused (INVITE_USED). */
  revokeInvite: [{ id: string }, InviteRowDTO]
  exportMyData: [Record<string, never>, MyDataExport]
  requestDeletion: [Record<string, never>, DeletionRequestResult]
  listDeletionRequests: [ListDeletionRequestsRequest, DeletionRequestDTO[]]
  processDeletionRequest: [ProcessDeletionRequest, DeletionRequestDTO]
  listRoster: [ListRosterRequest, RosterPageDTO]
  /** Checks a roster file (or part) as `importRoster` would, writing nothing. */
  previewRoster: [RosterImportRequest, RosterPreviewResult]
  rosterRecord: [RosterRecordRequest, RosterRecordDTO]
  correctRoster: [CorrectRosterRequest, RosterRecordDTO]
  exportRoster: [ExportRosterRequest, RosterExportDTO]
  /** The union tree below her node (issue 20): 主办 pickers, the 工会组织 page. */
  listUnions: [Record<string, never>, ListUnionsRes]
  /** A new union under one of hers, or a rename: officers of the level above keep the tree. */
  saveUnion: [SaveUnionReq, UnionDTO]
  /** A unit moves under another parent within her subtree; its members and what it owns move with it. */
  moveUnion: [MoveUnionReq, UnionDTO]
}
