import { z } from 'zod'

export const noInput = z.strictObject({})
const id = z.string().regex(/^[A-Za-z0-9]{8,32}$/)
export const startLoginSchema = z.strictObject({ device: z.string().max(200).optional() })
export const loginRefSchema = z.strictObject({ loginId: id })
export const collectLoginSchema = z.strictObject({ loginId: id, secret: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) })
export const endSessionSchema = z.strictObject({ sessionId: id })
