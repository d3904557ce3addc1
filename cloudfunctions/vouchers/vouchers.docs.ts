/** Stored shapes of the vouchers function; only its repositories read and write them. */
import type { CampaignInputDTO, DrawDTO, Period, VoucherStatus } from '~types/vouchers'
import type { ClaimDoc } from '../common/claim-ledger'
import type { Owned } from '../common/unions'
import type { Price } from './pricing.rules'

/** Owned (issue 20): `unionId`, `unionPath`, `organiser` of the union that signed it (absent on older ones: the city's). */
export interface MerchantDoc extends Owned {
  _id: string
  name: string
  address: string
  category: string
  suspended: boolean
  createdAt: number
  updatedAt: number
  /** The officer's request that last saved it: a retry after a crash answers from it. */
  requestId?: string | null
}

/**
 * Owned (issue 20): `unionPath` of its 主办 (absent on older ones: the city's). Sub-budgets name unions
 * by id (a legacy one names a grassroots union by `branch`).
 */
export interface CampaignDoc extends Omit<CampaignInputDTO, 'unionId' | 'subBudgets'>, Owned {
  subBudgets?: StoredSubBudget[]
  _id: string
  createdAt: number
  createdBy: string
  draw: DrawDTO | null
  /** The officer's request that ran the draw (null: the timer's): a retry after a crash answers from it. */
  drawRequestId?: string | null
}

/** A sub-budget as stored: by union (with its name as it was), or by branch name on campaigns before the tree. */
export interface StoredSubBudget {
  unionId?: string
  name?: string
  branch?: string
  budgetFen: number
  vouchers: number
}

/**
 * One bounded pool per campaign, or one per grassroots union when the campaign
 * has sub-budgets: `left` vouchers and `budgetLeft` fen, each its own place
 * store over the same document; display counters beside them.
 */
export interface PoolDoc {
  _id: string
  campaignId: string
  /** The sub-budget's union name (or legacy branch); null: the campaign's one pool. */
  branch: string | null
  /** The sub-budget's union (absent on a legacy branch pool). */
  unionId?: string | null
  vouchers: number
  budgetFen: number
  left: number
  budgetLeft: number
  claimed: number
  redeemed: number
  reversed: number
  expired: number
  usedFen: number
  /** Claims in flight only (a claim's hold is settled once its voucher is confirmed). */
  holders: Record<string, unknown>
  /** Returns of money in flight only (place-store adjustOnce notes), dropped once the voucher records them. */
  returns?: Record<string, number>
}

/**
 * A return of money to the pool that a voucher's state change owes (unused part at redemption,
 * reversal, expiry): named on the voucher first, then applied once to the pool under `key`,
 * then cleared here, then the pool's note dropped. The sweeper finishes one a call left half-way.
 */
export interface ReturningDoc {
  key: string
  /** budgetLeft change (negative: a reversal that also takes the reservation again for a reissue). */
  fen: number
  /** Display counters of the pool that change with it. */
  counters: Record<string, number>
  at: number
  /** The voucher goes back to the member (unused) when done. */
  reissue: boolean
  /** If a reissue's reservation does not fit any more: return only this instead. */
  fallback?: { fen: number; counters: Record<string, number> }
  /**
   * The statement rows this step stands for (a redemption's, a reversal's): written by the
   * return's `finish` before the money moves, so a call that dies after the voucher's update
   * leaves them for the sweeper to write, never a redemption missing from the statement.
   */
  rows?: RedemptionRowDoc[]
  /** A reversal: the redeem row its row reverses. */
  reverses?: string
}

/** A redemption as the voucher records it: where, by whom, and the till's price (without its shown steps). */
export interface RedemptionFacts extends Omit<Price, 'steps'> {
  rowId: string
  at: number
  merchantId: string
  merchantName: string
  till: string
  staffOpenid: string
  /** The till's request id: a retry after a crash finds its redemption by it. */
  requestId: string | null
}

/** A voucher is also its claim-ledger entry: `_id` fixed per member, campaign and slot (1..perMember). */
export interface VoucherDoc extends ClaimDoc {
  campaignId: string
  poolId: string
  openid: string
  slot: number
  status: 'pending' | VoucherStatus
  /** What the claim reserved from the budget (the most it can cost the union). */
  reserveFen: number
  modelWorker: boolean
  memberMasked: string
  branch: string
  claimedAt: number | null
  useStartsAt: number
  useEndsAt: number
  usedNonces: string[]
  /** How many redemptions it has had (a reversal may give it back for another). */
  uses: number
  redemption: RedemptionFacts | null
  remindedAt: number | null
  /** Set by a reversal; the sweeper leaves a just-reversed voucher to the call that is giving it back. */
  reversedAt?: number
  /** A return of money in flight (null or absent: none). */
  returning?: ReturningDoc | null
}

export interface RedemptionRowDoc {
  _id: string
  type: 'redeem' | 'reverse'
  voucherId: string
  campaignId: string
  campaignName: string
  merchantId: string
  till: string
  at: number
  memberMasked: string
  billFen: number
  unionFen: number
  merchantFen: number
  staffOpenid: string
  /** A redeem row: reversed by this reverse row. */
  reversedBy: string | null
  /** The till's request that wrote it (a retry after a crash answers from it). */
  requestId?: string | null
}

/** What a till attempt's log entry says beside its outcome (common/attempt-log.ts). */
export interface TillAttempt {
  action: 'redeem' | 'reverse'
  merchantId: string
  staffOpenid: string
  till: string
  voucherId: string | null
  billFen: number | null
}

export interface EntryDoc {
  _id: string
  campaignId: string
  openid: string
  ref: string
  at: number
  result: 'entered' | 'won' | 'lost'
  /** Her request that entered (a retry after a crash answers from it). */
  requestId?: string | null
}

export interface StatementDoc {
  _id: string
  merchantId: string
  period: Period
  date: string
  state: 'confirmed' | 'disputed'
  digest: string
  dispute: StoredDispute | null
  /** The merchant's owner path (issue 20): an officer's dispute table is her subtree's (index `unionPath`). */
  unionPath?: string[]
  /** The owner itself (the path's last node): a move of that union rewrites `unionPath` (union-moves.ts). */
  unionId?: string | null
  /** open: awaiting the union's answer; answered; null: no dispute (the officers' table, index `disputeState_at`). */
  disputeState?: 'open' | 'answered' | null
  by: string
  at: number
  /** The manager's request that set this state (a retry after a crash answers from it). */
  requestId?: string | null
}

/** A manager's dispute and, once given, the officer's answer (with who gave it and the request that did). */
export interface StoredDispute {
  rowId: string | null
  note: string
  at?: number
  answer?: {
    decision: 'accepted' | 'rejected'
    note: string
    organiser: string
    at: number
    by: string
    requestId: string | null
  } | null
}
