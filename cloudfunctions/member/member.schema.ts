import { z } from 'zod'
import { empty, safeText } from '../common/schema'

/** Inputs of the `member` actions. Strict objects: an unknown key is a malformed request. */

const name = safeText(20)
const cardNo = z.string().trim().min(4).max(32).regex(/^[A-Za-z0-9-]+$/)
const phone = z.string().trim().regex(/^1\d{10}$/)

export const MAX_CSV_CHARS = 2_000_000
export const MAX_CSV_LINES = 5_001 // header + 5,000 rows

const lineCount = (s: string) => s.split('\n').filter((l) => l.trim() !== '').length

export const verifySchema = z
  .strictObject({ name, cardNo: cardNo.optional(), phone: phone.optional() })
  .refine((v) => (v.cardNo === undefined) !== (v.phone === undefined), { path: ['cardNo'], message: 'cardNo or phone, one of them' })

export const importRosterSchema = z.strictObject({
  csv: z.string().min(1).max(MAX_CSV_CHARS).refine((s) => lineCount(s) <= MAX_CSV_LINES, 'at most 5,000 rows'),
})

const scopeId = z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/)

export const createInviteSchema = z.strictObject({
  scope: z.strictObject({ kind: z.enum(['merchant', 'event', 'site']), id: scopeId, name: safeText(40) }),
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

export const noInput = empty
