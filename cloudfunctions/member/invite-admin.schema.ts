/** Inputs of the officers' invite table and 撤销 (issue 18). */
import { z } from 'zod'
import { tablePageFields } from '../common/table-query'

export const inviteTable = z.strictObject({
  ...tablePageFields(['createdAt']),
  state: z.enum(['open', 'used', 'revoked', 'expired']).optional(),
  kind: z.enum(['merchant', 'event', 'site', 'union']).optional(),
})

export const revokeInvite = z.strictObject({ id: z.string().regex(/^[0-9a-f]{16}$/) })
