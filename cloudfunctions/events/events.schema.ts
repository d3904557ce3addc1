/** Request schemas of the events function: a malformed request is INVALID_ARGUMENT with the field, and changes nothing. */
import { z } from 'zod'

export const shortId = z.string().regex(/^[A-Za-z0-9_-]{1,10}$/)
export const eventId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/)
const text = (max: number) => z.string().trim().min(1).max(max)
const ms = z.number().int().min(0).max(4102444800000) // before 2100
const token = z.string().min(1).max(200)

export const empty = z.object({}).strict()
export const eventIdReq = z.object({ eventId })
export const listEvents = z.object({ city: text(20).optional(), includeEnded: z.boolean().optional() })
export const stampCardReq = z
  .object({ eventId: eventId.optional(), code: z.string().min(1).max(64).optional() })
  .refine((r) => Boolean(r.eventId) !== Boolean(r.code), { message: 'eventId or code', path: ['eventId'] })
export const stamp = z.object({ code: z.string().min(1).max(64), eventId: eventId.optional() })
export const giftCode = z.object({ eventId, tierId: shortId })
export const giftScan = z.object({ eventId, token })
export const redeemGift = giftScan.extend({ desk: text(20) })
export const checkIn = z.object({ eventId, checkpointId: shortId, token })
export const selfCheckIn = z.object({ token, eventId: eventId.optional() })
export const checkpointCode = z.object({ eventId, checkpointId: shortId })

const venue = z.object({ name: text(60), address: z.string().trim().max(120), city: text(20) })
const zone = z.object({ id: shortId, name: text(20) })

export const saveEvent = z
  .object({
    id: eventId.optional(),
    kind: z.enum(['fair', 'activity']),
    title: text(60),
    description: z.string().trim().max(2000),
    organiser: text(60),
    venue,
    startsAt: ms,
    endsAt: ms,
    zones: z.array(zone).max(10),
    signUp: z.object({ required: z.boolean(), capacity: z.number().int().min(1).max(100000).nullable(), closesAt: ms.nullable() }),
    stampRules: z.object({ cooldownSeconds: z.number().int().min(0).max(3600) }),
  })
  .refine((e) => e.endsAt > e.startsAt, { path: ['endsAt'] })
  .refine((e) => new Set(e.zones.map((z) => z.id)).size === e.zones.length, { path: ['zones'] })

export const saveBooth = z.object({ eventId, id: shortId.optional(), zoneId: shortId, name: text(30), exhibitor: z.string().trim().max(60) })
export const saveTier = z.object({
  eventId,
  id: shortId.optional(),
  name: text(20),
  gift: text(40),
  rule: z.object({ minTotal: z.number().int().min(0).max(1000), minPerZone: z.number().int().min(0).max(1000) }),
  stock: z.number().int().min(0).max(1000000),
})
export const saveCheckpoint = z
  .object({ eventId, id: shortId.optional(), name: text(20), opensAt: ms, closesAt: ms, order: z.number().int().min(0).max(100).optional() })
  .refine((c) => c.closesAt > c.opensAt, { path: ['closesAt'] })
export const boothReq = z.object({ eventId, boothId: shortId })
export const scanLog = z.object({
  eventId, refusedOnly: z.boolean().optional(), limit: z.number().int().min(1).max(200).optional(), before: ms.optional(),
})
