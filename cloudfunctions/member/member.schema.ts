import { z } from 'zod'
import { base64Bytes, empty, safeText } from '../common/schema'

/** Inputs of the `member` actions. Strict objects: an unknown key is a malformed request. */

const name = safeText(20)
const cardNo = z
  .string()
  .trim()
  .min(4)
  .max(32)
  .regex(/^[A-Za-z0-9-]+$/)
const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$/)

// One call stays well inside CloudBase's 6 MB request limit (CJK text is 3 bytes a character in UTF-8, base64 adds a third).
const MAX_CSV_CHARS = 1_500_000
const MAX_CSV_BYTES = 4_000_000
const MAX_CSV_LINES = 5_001 // header + 5,000 rows
const MAX_IMPORT_PARTS = 200 // 200 parts of 5,000 rows: a million members

const lineCount = (s: string) => s.split('\n').filter((l) => l.trim() !== '').length

export const verifySchema = z
  .strictObject({ name, cardNo: cardNo.optional(), phone: phone.optional() })
  .refine((v) => (v.cardNo === undefined) !== (v.phone === undefined), { path: ['cardNo'], message: 'cardNo or phone, one of them' })

// The code of `<button open-type="getPhoneNumber">` (e.detail.code): opaque, single use, WeChat checks it.
export const verifyByPhoneSchema = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/) })

export const importRosterSchema = z
  .strictObject({
    csv: z
      .string()
      .min(1)
      .max(MAX_CSV_CHARS)
      .refine((s) => lineCount(s) <= MAX_CSV_LINES, 'at most 5,000 rows')
      .optional(),
    csvBase64: base64Bytes(MAX_CSV_BYTES).min(4).optional(),
    chunk: z
      .strictObject({
        importId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
        part: z
          .int()
          .min(0)
          .max(MAX_IMPORT_PARTS - 1),
        parts: z.int().min(1).max(MAX_IMPORT_PARTS),
        firstLine: z.int().min(2).max(100_000_000),
      })
      .refine((c) => c.part < c.parts, { path: ['part'] })
      .optional(),
    repeats: z
      .array(z.strictObject({ line: z.int().min(2).max(100_000_000), first: z.int().min(2).max(100_000_000) }))
      .max(MAX_CSV_LINES)
      .optional(),
  })
  .refine((r) => (r.csv === undefined) !== (r.csvBase64 === undefined), { path: ['csv'], message: 'csv or csvBase64, one of them' })

const scopeId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/)

export const createInviteSchema = z.strictObject({
  // union: an officer invite (issue 20), for her own node or one below it
  scope: z.strictObject({ kind: z.enum(['merchant', 'event', 'site', 'union']), id: scopeId, name: safeText(40).optional() }),
  ttlHours: z.int().min(1).max(720).optional(),
})

export const redeemInviteSchema = z.strictObject({ code: z.string().min(1).max(32) })

export const listRosterSchema = z.strictObject({
  q: safeText(24, { min: 0 }).optional(),
  branch: safeText(40, { min: 0 }).optional(),
  tag: safeText(10, { min: 0 }).optional(),
  page: z.int().min(0).max(1000).optional(),
  pageSize: z.int().min(1).max(50).optional(),
})

// ---------- one roster record, and exports (issue 18) ----------

/** A handle `listRoster` gave (roster-record-id.ts): opaque here, opened by the service. */
const recordId = z.string().regex(/^[A-Za-z0-9_-]{30,120}$/)
const reason = safeText(100, { min: 4 })

export const rosterRecordSchema = z.strictObject({ id: recordId, reveal: reason.optional() })

// The rules of an imported row (roster-csv.rules.ts checkRow): a name's spaces go, a phone is a mainland mobile.
export const correctRosterSchema = z.strictObject({
  id: recordId,
  name: safeText(40)
    .transform((s) => s.replace(/\s+/g, ''))
    .pipe(z.string().min(1).max(20))
    .refine((s) => [...s].length <= 20)
    .optional(),
  phone: z
    .string()
    .transform((s) => s.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^(1[3-9]\d{9})?$/))
    .optional(),
  gender: z.enum(['F', 'M', '']).optional(),
  unionId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional(),
  tags: z.array(safeText(10)).max(10).optional(),
})

export const exportRosterSchema = listRosterSchema.omit({ page: true, pageSize: true }).extend({
  full: z.boolean().optional(),
  reason: reason.optional(),
  after: recordId.optional(),
})

export const noInput = empty

export const listDeletionsSchema = z.strictObject({ status: z.enum(['open', 'all']).optional() })
export const processDeletionSchema = z.strictObject({ id: z.string().regex(/^del-[0-9a-f]{24}$/) })

// ---------- the union tree (issue 20) ----------

const unionId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/)

export const saveUnionSchema = z.strictObject({
  id: unionId.optional(),
  name: safeText(40),
  parentId: unionId,
  district: z.boolean().optional(),
})

export const moveUnionSchema = z.strictObject({ id: unionId, parentId: unionId })
