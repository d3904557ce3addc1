/** Input schemas of the officers' console tables and the bulk decision (issue 18): strict, as every schema here. */
import { z } from 'zod'
import { id, safeText } from '../common/schema'
import { tablePageFields } from '../common/table-query'
import { DECIDE_MANY_MAX, SECTORS } from '~types/matchmaking'

const status = z.enum(['review', 'approved', 'waiting', 'offered', 'rejected', 'cancelled', 'withdrawn'])

export const reviewTable = z.strictObject({
  ...tablePageFields(['signedUpAt']),
  mixerId: id(),
  status: status.optional(),
  gender: z.enum(['M', 'F']).optional(),
  sector: z.enum(SECTORS).optional(),
})

export const decideMany = z.strictObject({
  mixerId: id(),
  refs: z.array(id()).min(1).max(DECIDE_MANY_MAX),
  approve: z.boolean(),
  reason: safeText(100).optional(),
})

export const mixerTable = z.strictObject({
  ...tablePageFields(['startsAt']),
  phase: z.enum(['open', 'matched', 'purged']).optional(),
  signup: z.enum(['upcoming', 'open', 'closed']).optional(),
})
