/**
 * DTOs of the `vouchers` cloud function (工会消费券). Client and function both
 * import these. Money is integer fen (分); times are UTC ms.
 *
 * Ids the client sees: merchant, campaign and voucher ids (a voucher id never
 * contains the member's openid), redemption row ids.
 */
import type { NoticeActionMap } from './notices'
import type { TablePage, TablePageRequest } from './table'
import type { OwnerDTO } from './unions'

/** The one rotating-code shape of the client kit. */
export interface RotatingCodeDTO {
  token: string
  expiresAt: number
}

/** 满减 (threshold + amount), 折扣 (pays ratePercent % of the bill, deduction capped), 无门槛 (fixed amount). */
export type VoucherRuleDTO =
  | { kind: 'threshold'; thresholdFen: number; amountFen: number }
  | { kind: 'discount'; ratePercent: number; capFen: number }
  | { kind: 'fixed'; amountFen: number }

/** Who pays for a deduction: the union's campaign budget, or the merchant's own 让利. */
export type Funder = 'union' | 'merchant'

/** 劳模 折上折: applied after the voucher to what is left to pay, capped. */
export interface ModelWorkerBonusDTO {
  ratePercent: number
  capFen: number
  funder: Funder
}

export type ClaimMode = 'first_come' | 'lottery'

export interface AudienceDTO {
  /** Roster tags, any one of which qualifies (劳模, 新就业形态, 女职工); empty: every verified member. */
  tagsAny: string[]
  /** Grassroots unions whose members may claim; empty: every branch. */
  branches: string[]
  /**
   * Set by the server, never sent: only members of this union's subtree (the owner's, for a district or
   * grassroots union's campaign; null for the city's). Issue 20.
   */
  within?: { unionId: string; name: string } | null
}

/**
 * A share of the vouchers and budget for one union of the owner's subtree (a district or a grassroots
 * union, by id): a member draws on the sub-budget of the nearest union on her path (her own unit's,
 * else her district's).
 */
export interface SubBudgetDTO {
  unionId: string
  budgetFen: number
  vouchers: number
  /** The union's name, as the server stored it (ignored when sent). */
  name?: string
}

export interface CampaignInputDTO {
  name: string
  funderName: string
  rule: VoucherRuleDTO
  perMember: number
  totalVouchers: number
  budgetFen: number
  claimStartsAt: number
  claimEndsAt: number
  useStartsAt: number
  useEndsAt: number
  mode: ClaimMode
  /** Lottery only: when the seeded draw runs. */
  drawAt?: number | null
  audience: AudienceDTO
  /** Optional split of vouchers and budget per grassroots union; their sums are the totals. */
  subBudgets?: SubBudgetDTO[]
  merchantIds: string[]
  modelWorkerBonus?: ModelWorkerBonusDTO | null
  /** A redemption may be reversed (refund) this many minutes after it. */
  reverseWindowMinutes: number
  /** Reminder this many days before the use window ends. */
  remindDaysBefore: number
  /** 主办: the union that runs it (her own node or one below it); absent: her own node. */
  unionId?: string
}

export interface CampaignDTO extends Omit<CampaignInputDTO, 'unionId'>, OwnerDTO {
  id: string
  createdAt: number
}

export interface DrawDTO {
  drawnAt: number
  seed: string
  entrants: number
  /** SHA-256 (hex) of the sorted entry references, one per line. */
  entriesDigest: string
  winners: number
}

export type CentreState =
  'claimable' | 'upcoming' | 'enter_draw' | 'entered' | 'won' | 'lost' | 'claimed_max' | 'sold_out' | 'closed' | 'not_eligible'

export interface CentreItemDTO {
  campaign: {
    id: string
    name: string
    funderName: string
    rule: VoucherRuleDTO
    ruleText: string
    mode: ClaimMode
    claimStartsAt: number
    claimEndsAt: number
    useEndsAt: number
    drawAt: number | null
    merchants: { id: string; name: string }[]
    /** 主办：秦淮区总工会 (the owning union's name). */
    organiser: string
  }
  state: CentreState
  /** Chinese reason when not claimable (audience, limit, sold out…). */
  reason: string | null
  held: number
  perMember: number
  /** 劳模 extra applies to this member. */
  modelWorkerExtra: string | null
  draw: DrawDTO | null
  /** This member's entry reference in a lottery (to check the published list). */
  entryRef: string | null
}

export type VoucherStatus = 'unused' | 'redeemed' | 'expired' | 'reversed'

export interface RedemptionSummaryDTO {
  id: string
  at: number
  merchantName: string
  till: string
  billFen: number
  deductionFen: number
  modelWorkerFen: number
  payableFen: number
}

export interface VoucherDTO {
  id: string
  campaignId: string
  campaignName: string
  rule: VoucherRuleDTO
  ruleText: string
  status: VoucherStatus
  useStartsAt: number
  useEndsAt: number
  merchants: { id: string; name: string; address: string }[]
  claimedAt: number
  redemption: RedemptionSummaryDTO | null
}

export interface VoucherCodeDTO {
  voucher: VoucherDTO
  /** null unless the voucher is unused and inside its use window. */
  code: RotatingCodeDTO | null
}

export interface PreviewDTO {
  voucherId: string
  campaignName: string
  ruleText: string
  memberMasked: string
  modelWorker: boolean
  billFen: number
  voucherFen: number
  modelWorkerFen: number
  payableFen: number
  /** The fixed order of calculation, shown to the cashier. */
  steps: string[]
}

export interface RedemptionRowDTO {
  id: string
  type: 'redeem' | 'reverse'
  voucherId: string
  campaignName: string
  at: number
  till: string
  memberMasked: string
  billFen: number
  unionFen: number
  merchantFen: number
  reversible: boolean
  reversed: boolean
}

export interface MerchantInputDTO {
  name: string
  address: string
  category: string
  /** The union that signed it (her own node or one below it); absent: her own node. Fixed once saved. */
  unionId?: string
}

export interface MerchantDTO extends Omit<MerchantInputDTO, 'unionId'>, OwnerDTO {
  id: string
  suspended: boolean
}

export type Period = 'day' | 'week' | 'month'

export interface StatementDTO {
  id: string
  merchantId: string
  merchantName: string
  period: Period
  from: number
  to: number
  rows: RedemptionRowDTO[]
  totals: { redemptions: number; reversals: number; billFen: number; unionFen: number; merchantFen: number }
  digest: string
  state: 'open' | 'confirmed' | 'disputed'
  confirmedDigest: string | null
  dispute: DisputeDTO | null
  /** From when it can be confirmed: the period has ended and a late row (the timer's) has had time to land. */
  closesAt: number
  /** A confirmation a later row made void (the statement no longer reads as it did): when it was made. */
  dropped: { at: number } | null
}

/** An officer's answer to a dispute (issue 18): 接受 (the union will put it right, as her note says) or 驳回 with the reason. */
export interface DisputeAnswerDTO {
  decision: 'accepted' | 'rejected'
  note: string
  /** The union the officer answered for (主办 of the answer). */
  organiser: string
  at: number
}

/** The manager's dispute about the statement or one row, and the union's answer once given. */
export interface DisputeDTO {
  rowId: string | null
  note: string
  /** When she raised it (absent on a dispute stored before answers existed). */
  at?: number
  answer?: DisputeAnswerDTO | null
}

/** A row of the officers' 待处理争议 table: one disputed statement. */
export interface DisputeRowDTO {
  /** The statement's id (merchant and period). */
  id: string
  merchantId: string
  merchantName: string
  period: Period
  /** A day of the period (what `statement` and `answerDispute` take). */
  date: string
  from: number
  rowId: string | null
  note: string
  at: number
  answer: DisputeAnswerDTO | null
}

/** 未开始 / 领取中 / 已结束, by the claim window at the time of the call. */
export type CampaignTableState = 'upcoming' | 'claiming' | 'ended'

/** The officers' 批次 table (issue 18): her subtree's campaigns, paged by the function. */
export interface CampaignTableRequest extends TablePageRequest<'createdAt' | 'claimStartsAt'> {
  state?: CampaignTableState
  /** 主办: campaigns of this union's subtree (a union of hers). */
  unionId?: string
  /** The start of the name (an indexed prefix search). */
  name?: string
}

/** The officers' 商户 table: her subtree's merchants, paged by the function. */
export interface MerchantTableRequest extends TablePageRequest<'createdAt' | 'name'> {
  suspended?: boolean
  category?: string
  name?: string
}

export interface DisputeTableRequest extends TablePageRequest<'at'> {
  /** 待处理 (default) or 已答复. */
  state?: 'open' | 'answered'
}

export interface AnswerDisputeRequest {
  merchantId: string
  period: Period
  date: string
  decision: DisputeAnswerDTO['decision']
  note: string
}

export interface DashboardDTO {
  campaignId: string
  claimed: number
  redeemed: number
  reversed: number
  expired: number
  budgetFen: number
  usedFen: number
  reservedFen: number
  leftFen: number
  vouchersLeft: number
  byMerchant: { merchantId: string; name: string; redeemed: number; unionFen: number }[]
  byBranch: { branch: string; claimed: number; redeemed: number }[]
  byDay: { date: string; claimed: number; redeemed: number }[]
  /** 劳模: vouchers claimed by model workers (who get the 折上折), and what the extra has taken off bills so far. */
  modelWorkers: { claimed: number; extraFen: number }
  draw: DrawDTO | null
  /** A 抽签 campaign's draw time (null: first come, first served). */
  drawAt: number | null
  /** How many have entered a 抽签 not yet drawn (null otherwise). */
  entrants: number | null
}

export interface StaffMerchantDTO {
  merchant: MerchantDTO
  manager: boolean
}

/** The one notice vouchers sends (the expiry reminder), spending a `voucher` opt-in. */
export type VoucherNoticeKind = 'voucher_expiry'
export type VoucherNoticeTopic = 'voucher'

export type VouchersActions = NoticeActionMap<VoucherNoticeTopic, VoucherNoticeKind> & {
  centre: [Record<string, never>, CentreItemDTO[]]
  claim: [{ campaignId: string }, VoucherDTO]
  enterDraw: [{ campaignId: string }, { entryRef: string }]
  myVouchers: [Record<string, never>, VoucherDTO[]]
  voucherCode: [{ voucherId: string }, VoucherCodeDTO]
  myMerchants: [Record<string, never>, StaffMerchantDTO[]]
  preview: [{ merchantId: string; code: string; billFen: number }, PreviewDTO]
  redeem: [{ merchantId: string; code: string; billFen: number; till: string }, RedemptionRowDTO]
  todayRedemptions: [{ merchantId: string }, RedemptionRowDTO[]]
  reverse: [{ merchantId: string; redemptionId: string }, RedemptionRowDTO]
  statement: [{ merchantId: string; period: Period; date: string }, StatementDTO]
  confirmStatement: [{ merchantId: string; period: Period; date: string; digest: string }, StatementDTO]
  disputeStatement: [{ merchantId: string; period: Period; date: string; rowId?: string; note: string }, StatementDTO]
  listMerchants: [Record<string, never>, MerchantDTO[]]
  saveMerchant: [MerchantInputDTO & { id?: string }, MerchantDTO]
  setMerchantSuspended: [{ merchantId: string; suspended: boolean }, MerchantDTO]
  listCampaigns: [Record<string, never>, CampaignDTO[]]
  createCampaign: [CampaignInputDTO, CampaignDTO]
  draw: [{ campaignId: string; seed?: string }, DrawDTO]
  dashboard: [{ campaignId: string }, DashboardDTO]
  exportCampaign: [{ campaignId: string }, { filename: string; csv: string }]
  campaignTable: [CampaignTableRequest, TablePage<CampaignDTO>]
  merchantTable: [MerchantTableRequest, TablePage<MerchantDTO>]
  disputeTable: [DisputeTableRequest, TablePage<DisputeRowDTO>]
  answerDispute: [AnswerDisputeRequest, StatementDTO]
  merchantStatements: [
    { period: Period; date: string },
    { merchantId: string; merchantName: string; state: StatementDTO['state']; totals: StatementDTO['totals'] }[],
  ]
}
