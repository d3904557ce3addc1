/** Input schemas: strict objects at every depth (unknown keys refused, `__proto__` included) built from the kit's helpers. */
import { z } from 'zod'
import { empty, id, instant, keyedBy, safeText } from '../common/schema'
import { SECTORS } from '~types/matchmaking'

export { empty }
const sector = z.enum(SECTORS)
const count = (max: number) => z.int().min(0).max(max)
const matchRef = z.string().regex(/^[A-Za-z0-9_:-]{1,120}$/)
const reportId = z.string().regex(/^[A-Za-z0-9_:-]{1,160}$/)
// A closed key set: a sector the union does not have (or `__proto__`) is INVALID_ARGUMENT naming it.
const sectorQuotas = keyedBy(SECTORS, count(5000))

export const mixerRef = z.strictObject({ mixerId: id() })
export const saveProfile = z.strictObject({ nickname: safeText(12), sector, intro: safeText(120, { multiline: true }) })
export const signStatement = z.strictObject({ version: safeText(16) })
export const registerKey = z.strictObject({ mixerId: id(), publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/) })
// Length is checked by the rule (so a wrong count gets its own code), shape here with a generous bound.
export const submitPicks = z.strictObject({ mixerId: id(), tokens: z.array(z.string().max(64)).max(20) })
export const offerContact = z.strictObject({ matchId: matchRef, kind: z.enum(['wechat', 'phone']), value: safeText(40) })
export const endMatch = z.strictObject({ matchId: matchRef, block: z.boolean() })
export const report = z.strictObject({
  mixerId: id(),
  badge: z.int().min(1).max(100_000),
  reason: z.enum(['harassment', 'not_single', 'fake_profile', 'other']),
  note: safeText(300, { min: 0, multiline: true }),
})
export const appeal = z.strictObject({ text: safeText(300, { multiline: true }) })
export const staffCheckIn = z.strictObject({ mixerId: id(), token: z.string().min(1).max(200) })
export const saveMixer = z.strictObject({
  id: id().optional(),
  title: safeText(60),
  programme: safeText(60),
  organiser: safeText(40).optional(),
  unionId: id(40).optional(),
  coOrganisers: z.array(safeText(40)).max(10),
  venue: safeText(80),
  startsAt: instant,
  endsAt: instant,
  placesByGender: z.strictObject({ M: count(5000), F: count(5000) }),
  sectorQuotas,
  ageMin: z.int().min(18).max(80),
  ageMax: z.int().min(18).max(80),
  signupOpensAt: instant,
  signupClosesAt: instant,
  review: z.enum(['auto', 'officer']),
  k: z.int().min(1).max(10),
  pickOpensAt: instant,
  pickClosesAt: instant,
  retentionDays: z.int().min(1).max(365),
  offerHoldMinutes: z.int().min(5).max(10_080),
  description: safeText(500, { min: 0, multiline: true }),
})
export const decide = z.strictObject({ mixerId: id(), ref: id(), approve: z.boolean(), reason: safeText(100).optional() })
export const programme = z.strictObject({ programme: safeText(60) })
export const reportRef = z.strictObject({ reportId })
export const bar = z.strictObject({ reportId, reason: safeText(100), until: instant })
export const decideAppeal = z.strictObject({ reportId, lift: z.boolean() })
export const decideProfileText = z.strictObject({
  ref: z.string().regex(/^[A-Za-z0-9_-]{16}$/),
  approve: z.boolean(),
  reason: safeText(100).optional(),
})
