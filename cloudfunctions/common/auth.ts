import { batchedById } from './batched-read'
import type { Db } from './db'
import { COLLECTIONS } from './collections'
import { env } from './env'
import { fail } from './errors'
import type { RosterDoc, ScopeKind, StoredRole, UserDoc } from './member-docs'
import { createRosterLookup } from './roster-lookup'

export interface CallerAccount {
  openid: string
  user: UserDoc | null
  roles: StoredRole[]
}

/** Her account, read afresh; concurrent calls' reads share a query (batched-read.ts). */
const userById = batchedById<UserDoc & { _id: string }>(COLLECTIONS.users)

/** Roles come from the server only: the stored user plus bootstrap officers from the environment. */
export async function loadAccount(db: Db, openid: string): Promise<CallerAccount> {
  const user = openid ? await userById(db, openid) : null
  const roles = [...(user?.roles ?? [])]
  if (env().bootstrapOfficers.includes(openid) && !roles.some((r) => r.role === 'officer')) roles.push({ role: 'officer' })
  return { openid, user, roles }
}

export function isOfficer(account: CallerAccount): boolean {
  return account.roles.some((r) => r.role === 'officer')
}

export function hasStaffScope(account: CallerAccount, kind: ScopeKind, id: string): boolean {
  return account.roles.some((r) => r.role === 'staff' && r.scope.kind === kind && r.scope.id === id)
}

export async function requireOfficer(db: Db, openid: string): Promise<CallerAccount> {
  const account = await loadAccount(db, openid)
  if (!isOfficer(account)) fail('FORBIDDEN')
  return account
}

/** Staff of this merchant / event / site; officers may act everywhere. */
export async function requireStaff(db: Db, openid: string, kind: ScopeKind, id: string): Promise<CallerAccount> {
  const account = await loadAccount(db, openid)
  if (!isOfficer(account) && !hasStaffScope(account, kind, id)) fail('FORBIDDEN')
  return account
}

/** A verified member's roster record: what eligibility rules (gender, age, tags, branch) read. */
export async function requireVerifiedMember(db: Db, openid: string): Promise<{ account: CallerAccount; roster: RosterDoc }> {
  const [account, roster] = await Promise.all([loadAccount(db, openid), createRosterLookup({ db }).one(openid)])
  // Both sides of the binding must agree: the record bound to her, and her account pointing at it.
  if (!roster || !account.user?.verifiedAt || account.user.rosterId !== roster._id) fail('NOT_VERIFIED')
  return { account, roster }
}
