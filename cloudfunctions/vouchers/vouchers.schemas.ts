/** Input schemas of every vouchers action: strict objects, safe text, integer fen, instants. */
import { z } from 'zod'
import { calendarDate, empty, fen, id, instant, safeText } from '../common/schema'
import { tablePageFields } from '../common/table-query'

export { empty }
export const campaignRef = z.strictObject({ campaignId: id() })
export const voucherRef = z.strictObject({ voucherId: id() })
const merchantId = id(40)
const code = z.string().min(1).max(200)
// A bill of ¥0 is no purchase; ¥1,000,000 at one till is a typo (the till says so first: lib/money.ts MAX_BILL_FEN).
const bill = fen.min(1).max(100_000_000)
const till = safeText(20)
const period = z.enum(['day', 'week', 'month'])

export const preview = z.strictObject({ merchantId, code, billFen: bill })
export const redeem = z.strictObject({ merchantId, code, billFen: bill, till })
export const merchantRef = z.strictObject({ merchantId })
export const reverse = z.strictObject({ merchantId, redemptionId: id(80) })
export const statement = z.strictObject({ merchantId, period, date: calendarDate })
export const confirmStatement = z.strictObject({ merchantId, period, date: calendarDate, digest: z.string().regex(/^[0-9a-f]{64}$/) })
export const disputeStatement = z.strictObject({
  merchantId,
  period,
  date: calendarDate,
  rowId: id(80).optional(),
  note: safeText(200, { multiline: true }),
})
export const periodRef = z.strictObject({ period, date: calendarDate })

// 主办 / 签约单位 (issue 20): a union of her subtree, by id; absent: her own node.
const unionId = id(40)
export const saveMerchant = z.strictObject({
  id: merchantId.optional(),
  name: safeText(40),
  address: safeText(80),
  category: safeText(20),
  unionId: unionId.optional(),
})
export const suspend = z.strictObject({ merchantId, suspended: z.boolean() })

const percent = z.int().min(1).max(99)
const rule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('threshold'), thresholdFen: fen, amountFen: fen.min(1) }),
  z.strictObject({ kind: z.literal('discount'), ratePercent: percent, capFen: fen.min(1) }),
  z.strictObject({ kind: z.literal('fixed'), amountFen: fen.min(1) }),
])
const tag = safeText(20)
export const createCampaign = z.strictObject({
  name: safeText(40),
  funderName: safeText(40),
  rule,
  perMember: z.int().min(1).max(20),
  totalVouchers: z.int().min(1).max(10_000_000),
  budgetFen: fen.min(1),
  claimStartsAt: instant,
  claimEndsAt: instant,
  useStartsAt: instant,
  useEndsAt: instant,
  mode: z.enum(['first_come', 'lottery']),
  drawAt: instant.nullable().optional(),
  audience: z.strictObject({ tagsAny: z.array(tag).max(10), branches: z.array(safeText(60)).max(200) }),
  subBudgets: z
    .array(z.strictObject({ unionId, budgetFen: fen.min(1), vouchers: z.int().min(1), name: safeText(60).optional() }))
    .max(200)
    .optional(),
  merchantIds: z.array(merchantId).min(1).max(200),
  modelWorkerBonus: z
    .strictObject({ ratePercent: percent, capFen: fen.min(1), funder: z.enum(['union', 'merchant']) })
    .nullable()
    .optional(),
  reverseWindowMinutes: z
    .int()
    .min(0)
    .max(7 * 24 * 60),
  remindDaysBefore: z.int().min(0).max(30),
  unionId: unionId.optional(),
})
export const draw = z.strictObject({
  campaignId: id(),
  seed: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
})

// ---------- the officers' console tables (issue 18): filters on declared indexes (indexes.ts) ----------
const namePrefix = safeText(40).optional()
export const campaignTable = z.strictObject({
  ...tablePageFields(['createdAt', 'claimStartsAt']),
  state: z.enum(['upcoming', 'claiming', 'ended']).optional(),
  unionId: unionId.optional(),
  name: namePrefix,
})
export const merchantTable = z.strictObject({
  ...tablePageFields(['createdAt', 'name']),
  suspended: z.boolean().optional(),
  category: safeText(20).optional(),
  name: namePrefix,
})
export const disputeTable = z.strictObject({ ...tablePageFields(['at']), state: z.enum(['open', 'answered']).optional() })
export const answerDispute = z.strictObject({
  merchantId,
  period,
  date: calendarDate,
  decision: z.enum(['accepted', 'rejected']),
  // 驳回 says why; 接受 says how it will be put right: either way the manager reads a reason
  note: safeText(200, { multiline: true }),
})
