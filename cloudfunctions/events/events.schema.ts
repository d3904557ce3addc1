/**
 * Request schemas of the events function: a malformed request is INVALID_ARGUMENT with the field, and
 * changes nothing. Every object is strict at every depth: an unknown key is refused by name.
 */
import { z } from 'zod'
import { id, instant, safeText } from '../common/schema'

/** Booth, tier, zone and checkpoint ids travel inside printed codes: 10 characters at most. */
const partId = id(10)
const eventId = id(40)
/** A scanned rotating code, as the camera read it (its own check says what is wrong with it). */
const token = z.string().min(1).max(200)
/** A printed booth code (the WeChat `scene`). */
const boothCode = z.string().min(1).max(64)

export const eventIdReq = z.strictObject({ eventId })
export const exportReq = z.strictObject({ eventId, full: z.boolean().optional(), reason: safeText(200, { min: 0 }).optional() })
export const listEvents = z.strictObject({ city: safeText(20).optional(), includeEnded: z.boolean().optional() })
export const stampCardReq = z
  .strictObject({ eventId: eventId.optional(), code: boothCode.optional() })
  .refine((r) => Boolean(r.eventId) !== Boolean(r.code), { message: 'eventId or code', path: ['eventId'] })
export const stamp = z.strictObject({ code: boothCode, eventId: eventId.optional() })
export const giftCode = z.strictObject({ eventId, tierId: partId })
export const codeStatus = z.strictObject({ eventId, tierId: partId.optional() })
export const giftScan = z.strictObject({ eventId, token })
export const redeemGift = z.strictObject({ eventId, token, desk: safeText(20) })
export const checkIn = z.strictObject({ eventId, checkpointId: partId, token })
export const selfCheckIn = z.strictObject({ token, eventId: eventId.optional() })
export const checkpointCode = z.strictObject({ eventId, checkpointId: partId })

const venue = z.strictObject({ name: safeText(60), address: safeText(120, { min: 0 }), city: safeText(20) })
const zone = z.strictObject({ id: partId, name: safeText(20) })

export const saveEvent = z
  .strictObject({
    id: eventId.optional(),
    kind: z.enum(['fair', 'activity']),
    title: safeText(60),
    description: safeText(2000, { min: 0, multiline: true }),
    // 主办 is the owning union's name (issue 20); the typed text stays for a federation without a tree
    organiser: safeText(60, { min: 0 }).optional(),
    unionId: id(40).optional(),
    venue,
    startsAt: instant,
    endsAt: instant,
    zones: z.array(zone).max(10),
    signUp: z.strictObject({ required: z.boolean(), capacity: z.int().min(1).max(100000).nullable(), closesAt: instant.nullable() }),
    stampRules: z.strictObject({ cooldownSeconds: z.int().min(0).max(3600) }),
  })
  .refine((e) => e.endsAt > e.startsAt, { path: ['endsAt'] })
  .refine((e) => new Set(e.zones.map((z) => z.id)).size === e.zones.length, { path: ['zones'] })

export const saveBooth = z.strictObject({
  eventId,
  id: partId.optional(),
  zoneId: partId,
  name: safeText(30),
  exhibitor: safeText(60, { min: 0 }),
})
export const saveTier = z.strictObject({
  eventId,
  id: partId.optional(),
  name: safeText(20),
  gift: safeText(40),
  rule: z.strictObject({ minTotal: z.int().min(0).max(1000), minPerZone: z.int().min(0).max(1000) }),
  stock: z.int().min(0).max(1000000),
})
export const saveCheckpoint = z
  .strictObject({
    eventId,
    id: partId.optional(),
    name: safeText(20),
    opensAt: instant,
    closesAt: instant,
    order: z.int().min(0).max(100).optional(),
  })
  .refine((c) => c.closesAt > c.opensAt, { path: ['closesAt'] })
export const boothReq = z.strictObject({ eventId, boothId: partId })
export const scanLog = z.strictObject({
  eventId,
  refusedOnly: z.boolean().optional(),
  limit: z.int().min(1).max(200).optional(),
  before: instant.optional(),
})
