/** Request schemas of the screening function (zod 4): a malformed request is INVALID_ARGUMENT with its field. */
import { z } from 'zod'
import { calendarDate as date, hhmm, id as anId, instant, safeText as text } from '../common/schema'

export { empty } from '../common/schema'

const id = anId(96)
const age = z.number().int().min(0).max(120).nullable()

export const programmeRef = z.strictObject({ programmeId: id })
export const siteRef = z.strictObject({ programmeId: id, siteId: id })
export const listSessions = siteRef.extend({ date: date.optional() })
export const book = z.strictObject({
  programmeId: id,
  sessionId: id,
  consentVersion: z.string().min(1).max(32),
  notice: z.enum(['confirmation', 'reminder', 'both', 'none']).optional(),
  joinWaitlistIfFull: z.boolean().optional(),
})
export const reschedule = z.strictObject({ programmeId: id, sessionId: id })
export const joinWaitlist = z.strictObject({ programmeId: id, siteId: id.optional() })
export const acceptOffer = z.strictObject({ programmeId: id, consentVersion: z.string().min(1).max(32) })
export const checkIn = z.strictObject({ token: z.string().min(1).max(200) })
export const staffSessions = z.strictObject({ date: date.optional() })
export const sessionRef = z.strictObject({ sessionId: id })
export const bookingRef = z.strictObject({ bookingId: z.string().regex(/^[A-Za-z0-9_-]{6,32}$/) })
const note = text(200, { min: 0, multiline: true })
export const markResult = bookingRef.extend({ outcome: z.enum(['normal', 'recheck']), note: note.optional() })
/** A correction names why (audited): 1–200 characters. */
export const correctResult = markResult.extend({ reason: text(200) })
export const exportBookings = programmeRef.extend({ full: z.boolean().optional(), reason: text(200, { min: 0 }).optional() })
export const sweep = z.strictObject({ programmeId: id.optional() })

const site = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{3,32}$/),
  name: text(40),
  hospital: text(60),
  address: text(100),
  phone: z.string().regex(/^[0-9-]{5,20}$/),
  whatToBring: z.array(text(60)).max(10),
  sessions: z
    .array(z.strictObject({ date, start: hhmm, end: hhmm, capacity: z.number().int().min(1).max(1000) }))
    .min(1)
    .max(500),
})

export const createProgramme = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{3,32}$/),
  name: text(60),
  description: text(2000, { multiline: true }),
  // 主办 is the owning union's name (issue 20); the typed text stays for a federation without a tree
  organiser: text(60, { min: 0 }).optional(),
  unionId: anId(40).optional(),
  privacyNotice: z.strictObject({ version: z.string().regex(/^[A-Za-z0-9._-]{1,32}$/), text: text(5000, { multiline: true }) }),
  eligibility: z.strictObject({
    gender: z.enum(['F', 'M']).nullable(),
    ageMin: age,
    ageMax: age,
    tagsAny: z.array(text(20)).max(10),
    branches: z.array(text(60)).max(200),
    notScreenedBefore: z.boolean(),
  }),
  priority: z
    .strictObject({
      ageMin: age,
      ageMax: age,
      notScreenedWithinYears: z.number().int().min(1).max(10).nullable(),
      windowMinutes: z.number().int().min(0).max(1440),
    })
    .nullable()
    .optional(),
  totalQuota: z.number().int().min(1).max(100000),
  branchQuotas: z
    .array(z.strictObject({ branch: text(60), quota: z.number().int().min(0).max(100000) }))
    .max(200)
    .optional(),
  releaseAt: instant,
  bookingClosesAt: instant,
  cancelDeadlineHours: z.number().int().min(0).max(720),
  offerHoldMinutes: z.number().int().min(1).max(1440).optional(),
  checkinToleranceMinutes: z.number().int().min(0).max(240).optional(),
  sites: z.array(site).min(1).max(20),
})
