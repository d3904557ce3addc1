import type { ScopeKind, StaffScope } from '~types/member'

/**
 * Stored shapes shared by every function that needs to know who the caller is.
 * Only the `member` function writes them; other functions read them through
 * `auth.ts`.
 */

/** `roster` collection; `_id` is the member card number (unique per union). */
export interface RosterDoc {
  _id: string
  name: string
  cardNo: string
  phone: string
  branch: string
  tags: string[]
  gender: 'F' | 'M' | ''
  birthDate: string // YYYY-MM-DD or ''
  /** The WeChat openid bound to this record, at most one. */
  boundOpenid: string | null
  importedAt: number
  updatedAt: number
}

export type StoredRole = { role: 'officer' } | { role: 'staff'; scope: StaffScope }

/** `users` collection; `_id` is the openid from the trusted context. */
export interface UserDoc {
  _id: string
  rosterId: string | null
  verifiedAt: number | null
  roles: StoredRole[]
  deletionRequestedAt: number | null
  createdAt: number
  updatedAt: number
}

export type { ScopeKind, StaffScope }
