/** Request schemas of the events function: a malformed request is INVALID_ARGUMENT with the field, and changes nothing. */
import { z } from 'zod'
import { safeText } from '../common/schema'

export const shortId = z.string().regex(/^[A-Za-z0-9_-]{1,10}$/)
export const eventId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/)
const text = (max: number) => safeText(max)
const ms = z.number().int().min(0).max(4102444800000) // before 2100
const token = z.string().min(1).max(200)

export const empty = z.strictObject({})
export const eventIdReq = z.strictObject({ eventId })
export const exportReq = eventIdReq.extend({ full: z.boolean().optional(), reason: safeText(200, { min: 0 }).optional() })
export const listEvents = z.strictObject({ city: text(20).optional(), includeEnded: z.boolean().optional() })
export const stampCardReq = z
  .object({ eventId: eventId.optional(), code: z.string().min(1).max(64).optional() })
  .refine((r) => Boolean(r.eventId) !== Boolean(r.code), { message: 'eventId or code', path: ['eventId'] })
export const stamp = z.strictObject({ code: z.string().min(1).max(64), eventId: eventId.optional() })
export const giftCode = z.strictObject({ eventId, tierId: shortId })
export const codeStatus = z.strictObject({ eventId, tierId: shortId.optional() })
export const giftScan = z.strictObject({ eventId, token })
export const redeemGift = giftScan.extend({ desk: text(20) })
export const checkIn = z.strictObject({ eventId, checkpointId: shortId, token })
export const selfCheckIn = z.strictObject({ token, eventId: eventId.optional() })
export const checkpointCode = z.strictObject({ eventId, checkpointId: shortId })

const venue = z.strictObject({ name: text(60), address: safeText(120, { min: 0 }), city: text(20) })
const zone = z.strictObject({ id: shortId, name: text(20) })

export const saveEvent = z
  .object({
    id: eventId.optional(),
    kind: z.enum(['fair', 'activity']),
    title: text(60),
    description: safeText(2000, { min: 0, multiline: true }),
    organiser: text(60),
    venue,
    startsAt: ms,
    endsAt: ms,
    zones: z.array(zone).max(10),
    signUp: z.strictObject({ required: z.boolean(), capacity: z.number().int().min(1).max(100000).nullable(), closesAt: ms.nullable() }),
    stampRules: z.strictObject({ cooldownSeconds: z.number().int().min(0).max(3600) }),
  })
  .refine((e) => e.endsAt > e.startsAt, { path: ['endsAt'] })
  .refine((e) => new Set(e.zones.map((z) => z.id)).size === e.zones.length, { path: ['zones'] })

export const saveBooth = z.strictObject({ eventId, id: shortId.optional(), zoneId: shortId, name: text(30), exhibitor: safeText(60, { min: 0 }) })
export const saveTier = z.strictObject({
  eventId,
  id: shortId.optional(),
  name: text(20),
  gift: text(40),
  rule: z.strictObject({ minTotal: z.number().int().min(0).max(1000), minPerZone: z.number().int().min(0).max(1000) }),
  stock: z.number().int().min(0).max(1000000),
})
export const saveCheckpoint = z
  .object({ eventId, id: shortId.optional(), name: text(20), opensAt: ms, closesAt: ms, order: z.number().int().min(0).max(100).optional() })
  .refine((c) => c.closesAt > c.opensAt, { path: ['closesAt'] })
export const boothReq = z.strictObject({ eventId, boothId: shortId })
export const scanLog = z.strictObject({
  eventId, refusedOnly: z.boolean().optional(), limit: z.number().int().min(1).max(200).optional(), before: ms.optional(),
})
