/**
 * Who may call an action, declared once on the action line (`action({auth})`) and resolved by the
 * router before `run`, the way cal.com declares `authedProcedure`: services never check roles, they
 * only refuse on data (her own booking, not someone else's). Roles come from the server only: the
 * stored user plus bootstrap officers from the environment.
 *
 * Resolution runs in two steps so that a caller without any role of the right kind is refused before
 * her input is even parsed (FORBIDDEN never depends on what she sent), and a scoped check (staff of
 * THIS site) runs on the parsed input, or on the document it names when the input alone cannot say.
 */
import { batchedById } from './batched-read'
import type { Principal } from './caller'
import { COLLECTIONS } from './collections'
import type { Db } from './db'
import { env } from './env'
import { fail } from './errors'
import type { RosterDoc, ScopeKind, StoredRole, UserDoc } from './member-docs'
import { createRosterLookup } from './roster-lookup'
import { covers, officerScope, type OfficerScope, type OwnerOf, ownedDoc } from './unions'
import { MERCHANT_MANAGER_SUFFIX } from '~types/member'

export interface CallerAccount {
  openid: string
  user: UserDoc | null
  roles: StoredRole[]
}

/** What a scope resolver may read: the caller's db and clock. */
export interface ScopeContext {
  db: Db
  clock: () => number
}

/** The scope id an input names (or that the document it names belongs to); null: nothing to check against. */
export type ScopeOf<I> = (input: I, ctx: ScopeContext) => string | null | Promise<string | null>

/**
 * - `anyone`: even a browser before sign-in (caller.ts `web`): the console's startLogin/collectLogin only;
 *   nothing is read, the account is empty;
 * - `caller`: anyone signed in (the account is read, roles may be empty);
 * - `member`: a verified member: `ctx.roster` is her roster record (NOT_VERIFIED otherwise);
 * - `officer`: a union officer of any node (a list she reads is narrowed to her subtree by the service,
 *   through `ctx.officer`; a creation names its owner through `{officer: unionNamed(…)}`);
 * - `{officer: owner}`: an officer whose subtree owns the target: `owner(input)` gives the target's
 *   `unionPath` (unions.ts `ownedDoc`, `unionNamed`); several resolvers must all pass;
 * - `{staff: kind, of}`: staff of the scope `of(input)` names, or an officer whose subtree owns it;
 *   without `of`, staff of any scope of that kind (a desk's list of its own sites);
 * - `{manager: of}`: the manager (店长) of the merchant `of(input)` names, and only she: what she does
 *   (confirming the shop's statement) is the merchant's own word, which an officer cannot give for it.
 */
export type Auth<I = unknown> =
  | 'anyone'
  | 'caller'
  | 'member'
  | 'officer'
  | { officer: OwnerOf<I> | readonly OwnerOf<I>[] }
  | { staff: ScopeKind; of?: ScopeOf<I> }
  | { manager: ScopeOf<I> }

/** The documents that own a staff scope, for an officer acting as that scope's staff (a mixer's desk is an `event` scope). */
const STAFF_OWNER: Record<ScopeKind, readonly string[]> = {
  event: [COLLECTIONS.events, COLLECTIONS.mixers],
  site: [COLLECTIONS.screeningSites],
  merchant: [COLLECTIONS.voucherMerchants],
}

/** Every auth kind, named for tables and docs. */
export function authLabel(auth: Auth<never>): string {
  if (typeof auth === 'string') return auth
  if ('officer' in auth) return 'officer:owner'
  return 'staff' in auth ? `staff:${auth.staff}${auth.of ? '' : ' (any)'}` : 'manager:merchant'
}

/** Her account, read afresh; concurrent calls' reads share a query (batched-read.ts). */
const userById = batchedById<UserDoc & { _id: string }>(COLLECTIONS.users)

async function loadAccount(db: Db, openid: string): Promise<CallerAccount> {
  const user = openid ? await userById(db, openid) : null
  const roles = [...(user?.roles ?? [])]
  if (env().bootstrapOfficers.includes(openid) && !roles.some((r) => r.role === 'officer')) roles.push({ role: 'officer' })
  return { openid, user, roles }
}

export function isOfficer(account: CallerAccount): boolean {
  return account.roles.some((r) => r.role === 'officer')
}

/** The scope ids of one kind this account holds (a merchant manager's `-mgr` ids included, as stored). */
export function scopeIds(account: CallerAccount, kind: ScopeKind): string[] {
  return account.roles.flatMap((r) => (r.role === 'staff' && r.scope.kind === kind ? [r.scope.id] : []))
}

function holdsScope(account: CallerAccount, kind: ScopeKind, id: string, managerOnly: boolean): boolean {
  const ids = scopeIds(account, kind)
  const manager = kind === 'merchant' ? `${id}${MERCHANT_MANAGER_SUFFIX}` : null
  return (!managerOnly && ids.includes(id)) || (manager !== null && ids.includes(manager))
}

/**
 * `auth: 'member'` in ONE read: the roster record bound to her openid (roster-lookup.ts; two records
 * naming her count as none). The roster side of the binding is the one every change goes through
 * conditionally, and it is written first when she verifies and first when the link goes (unbind, a
 * deletion request: member/account.service.ts, deletion.service.ts), so a crash between the two sides
 * never leaves her a member the account has let go. Her account is not read: a member's own action
 * plays no role of hers (an officer booking her own screening books as a member).
 */
async function memberOnly(db: Db, openid: string): Promise<{ account: CallerAccount; roster: RosterDoc | null }> {
  const roster = await createRosterLookup({ db }).one(openid)
  return { account: { openid, user: null, roles: [] }, roster }
}

/** For an action on her account itself (`readsAccount`: unbind): her account beside her roster record, and both must agree. */
async function accountAndRoster(db: Db, openid: string): Promise<{ account: CallerAccount; roster: RosterDoc | null }> {
  const [account, roster] = await Promise.all([loadAccount(db, openid), createRosterLookup({ db }).one(openid)])
  const agreed = roster && account.user?.verifiedAt && account.user.rosterId === roster._id ? roster : null
  return { account, roster: agreed }
}

export interface Authorized {
  account: CallerAccount
  roster: RosterDoc | null
}

/** Step 1, before the input is parsed: the caller's kind (roles of the right kind, verified membership). */
export async function authorizeCaller(auth: Auth<never>, principal: Principal, db: Db, readsAccount = false): Promise<Authorized> {
  if (auth === 'anyone') return { account: { openid: principal.openid, user: null, roles: [] }, roster: null }
  if (auth === 'member') {
    const found = await (readsAccount ? accountAndRoster : memberOnly)(db, principal.openid)
    if (!found.roster) fail('NOT_VERIFIED')
    return found
  }
  const account = await loadAccount(db, principal.openid)
  if (auth === 'caller') return { account, roster: null }
  if (isOfficer(account) && !(typeof auth === 'object' && 'manager' in auth)) return { account, roster: null }
  if (auth === 'officer' || 'officer' in auth) fail('FORBIDDEN')
  const kind = 'staff' in auth ? auth.staff : 'merchant'
  const ids = scopeIds(account, kind)
  const held = 'manager' in auth ? ids.filter((id) => id.endsWith(MERCHANT_MANAGER_SUFFIX)) : ids
  if (held.length === 0) fail('FORBIDDEN')
  return { account, roster: null }
}

/**
 * Step 2, on the parsed input: the scope the action acts on. Answers her reach as an officer (null for
 * anyone else), which the router hands to `run` as `ctx.officer`: one cached read of her node.
 */
export async function authorizeScope<I>(auth: Auth<I>, input: I, who: Authorized, ctx: ScopeContext): Promise<OfficerScope | null> {
  const officer = isOfficer(who.account) ? await officerScope(ctx.db, who.account.roles) : null
  if (typeof auth === 'string') return officer
  if ('officer' in auth) {
    if (!officer) fail('FORBIDDEN')
    if (!(await reaches(officer, auth.officer, input, ctx))) fail('FORBIDDEN')
    return officer
  }
  const of = 'manager' in auth ? auth.manager : auth.of
  if (!of) return officer
  const id = await of(input, ctx)
  const kind = 'staff' in auth ? auth.staff : 'merchant'
  if (officer && 'staff' in auth && id !== null && (await officerReachesScope(officer, kind, id, ctx))) return officer
  if (id === null || !holdsScope(who.account, kind, id, 'manager' in auth)) fail('FORBIDDEN')
  return officer
}

async function reaches<I>(
  officer: OfficerScope,
  owners: OwnerOf<I> | readonly OwnerOf<I>[],
  input: I,
  ctx: ScopeContext,
): Promise<boolean> {
  if (officer.all) return true
  const list = typeof owners === 'function' ? [owners] : owners
  const paths = await Promise.all(list.map((owner) => owner(input, ctx)))
  // undefined: the input names no target, or one that does not exist (the action answers NOT_FOUND)
  return paths.every((p) => p === undefined || covers(officer, p))
}

/** An officer acts as the staff of a site, event or merchant her subtree owns. */
async function officerReachesScope(officer: OfficerScope, kind: ScopeKind, id: string, ctx: ScopeContext): Promise<boolean> {
  if (officer.all) return true
  const docId = kind === 'merchant' ? id.replace(new RegExp(`${MERCHANT_MANAGER_SUFFIX}$`), '') : id
  const paths = await Promise.all(STAFF_OWNER[kind].map((c) => ownedDoc<string>(c, (x) => x)(docId, ctx)))
  const path = paths.find((p) => p !== undefined)
  return path !== undefined && covers(officer, path)
}
