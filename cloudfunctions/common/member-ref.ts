/**
 * A stable reference for a roster record that officers can match export rows
 * and roster rows by, without the card number: `M-` and 10 characters of an
 * HMAC of the card number. Without the key it cannot be turned back into a
 * card number (a union's numbers are few enough to try them all, so a plain
 * hash would not do). The key is MEMBER_REF_KEY, else the first QR key.
 */
import { createHmac } from 'node:crypto'
import { env } from './env'

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

export function memberRef(rosterId: string, key: Buffer = env().memberRefKey): string {
  const mac = createHmac('sha256', key).update(`member-ref:${rosterId}`).digest()
  let out = ''
  for (let i = 0; i < 10; i++) out += ALPHABET[mac[i] % ALPHABET.length]
  return `M-${out}`
}
