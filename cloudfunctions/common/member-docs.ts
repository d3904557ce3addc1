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
  /** The name of her union (as imported); `unionId`/`unionPath` place it in the tree (unions.ts). */
  branch: string
  /** Null for a record imported before the federation entered its tree: only the city reaches it. */
  unionId?: string | null
  unionPath?: string[]
  /** Where she belonged before each move between unions. */
  unionMoves?: { unionId: string | null; branch: string; until: number }[]
  tags: string[]
  gender: 'F' | 'M' | ''
  birthDate: string // YYYY-MM-DD or ''
  /** The WeChat openid bound to this record, at most one. */
  boundOpenid: string | null
  importedAt: number
  updatedAt: number
}

/** An officer of `unionId` and everything below it; without one, of the city (every officer before issue 20). */
export type StoredRole = { role: 'officer'; unionId?: string } | { role: 'staff'; scope: StaffScope }

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
