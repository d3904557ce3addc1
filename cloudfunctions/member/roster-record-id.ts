/**
 * The handle an officer's list gives her on one roster record, for viewing and correcting it. The record's
 * key is the card number, which her list masks (PIPL), so the handle is the card number sealed with
 * AES-256-GCM: only the functions can open it, and an altered or invented handle opens to nothing (the
 * action answers NOT_FOUND). The nonce is derived from the card number (a synthetic IV), so a record keeps
 * one handle across pages and reloads; that reveals only which rows are the same member, as `memberRef`
 * already does. The key is derived from the member-reference key: no new secret to deploy.
 */
import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto'
import { COLLECTIONS } from '../common/collections'
import { env } from '../common/env'
import { ownedDoc, type OwnerOf } from '../common/unions'

const NONCE = 12
const TAG = 16

const keyOf = (base: Buffer) => createHmac('sha256', base).update('roster-record-id').digest()

export function sealRecordId(cardNo: string, base: Buffer = env().memberRefKey): string {
  const key = keyOf(base)
  const nonce = createHmac('sha256', key).update(cardNo).digest().subarray(0, NONCE)
  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  const body = Buffer.concat([cipher.update(cardNo, 'utf8'), cipher.final()])
  return Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url')
}

/** The card number a handle seals, or null for anything the functions did not hand out. */
export function openRecordId(id: string, base: Buffer = env().memberRefKey): string | null {
  const raw = Buffer.from(id, 'base64url')
  if (raw.length <= NONCE + TAG) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(base), raw.subarray(0, NONCE))
    decipher.setAuthTag(raw.subarray(raw.length - TAG))
    return Buffer.concat([decipher.update(raw.subarray(NONCE, raw.length - TAG)), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}

const rosterOwner = ownedDoc<string>(COLLECTIONS.roster, (cardNo) => cardNo)

/** For `auth: {officer: …}`: the path of the record a handle names (undefined: none, the action says NOT_FOUND). */
export const recordOwner: OwnerOf<{ id: string }> = async ({ id }, ctx) => {
  const cardNo = openRecordId(id)
  return cardNo ? rosterOwner(cardNo, ctx) : undefined
}
