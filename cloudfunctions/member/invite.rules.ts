import { createHash, createHmac, randomInt } from 'node:crypto'

/** No 0/O, 1/I/L: a code read aloud or typed from a screen is never ambiguous. */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const INVITE_LENGTH = 8
export const INVITE_DEFAULT_TTL_HOURS = 72
/** Failed redemptions per openid per window: 31^8 codes make guessing hopeless at this rate. */
export const REDEEM_MAX_FAILURES = 10
export const REDEEM_WINDOW_MS = 15 * 60_000

export function newInviteCode(random: (max: number) => number = randomInt): string {
  let code = ''
  for (let i = 0; i < INVITE_LENGTH; i++) code += INVITE_ALPHABET[random(INVITE_ALPHABET.length)]
  return code
}

/**
 * The code of one officer's request, derived with a server key: a retry of the same request makes the
 * same code, so its answer can be given again although only the code's hash is stored.
 */
export function requestInviteCode(key: Buffer, openid: string, requestId: string): string {
  const bytes = createHmac('sha256', key).update(`invite:${openid}:${requestId}`).digest()
  let next = 0
  return newInviteCode((max) => bytes[next++] % max)
}

/** What people type: lower case, spaces and the dash of the displayed form are forgiven. */
export function normalizeInviteCode(raw: string): string | null {
  const code = raw.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '')
  const pattern = new RegExp(`^[${INVITE_ALPHABET}]{${INVITE_LENGTH}}$`)
  return pattern.test(code) ? code : null
}

export function inviteId(code: string): string {
  return createHash('sha256').update(`invite:${code}`).digest('hex')
}

/** ABCD-EFGH: easier to read out and type. */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}
