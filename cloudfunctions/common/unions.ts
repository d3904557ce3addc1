/**
 * The union tree and what an officer's node lets her reach (issue 20). Every owned document (an
 * event, a programme, a mixer, a campaign, a merchant, a roster record) carries `unionPath`: its
 * owner's ancestors from the root down to the owner itself. "Does her subtree own this?" is then
 * `unionPath` contains her node, a check that needs no tree walk, and a list of her subtree's things
 * is one indexed query (`where({unionPath: hers})`, a multikey index). A move rewrites the paths below
 * it (unions.service in member) and keeps the old place in the union's `moves`.
 *
 * The city (the root, or a legacy officer role without a node: issue 20 makes every existing officer
 * a city officer) reaches everything, including documents written before the tree existed.
 */
import type { OwnerDTO, UnionLevel } from '~types/unions'
import { batchedById, type BatchedReader } from './batched-read'
import { COLLECTIONS } from './collections'
import type { Db } from './db'
import { fail } from './errors'
import { cached, forget } from './instance-cache'
import type { StoredRole } from './member-docs'
import { readAll } from './paginate'

export interface UnionDoc {
  _id: string
  name: string
  parentId: string | null
  level: UnionLevel
  /** Ancestors from the root down to this union itself. */
  path: string[]
  /** Where it sat before each move: the history a move keeps. */
  moves: { parentId: string | null; path: string[]; until: number; by: string }[]
  createdAt: number
  updatedAt: number
}

/** What an owned document carries (stamped at creation by `ownerFor`). */
export interface Owned {
  unionId?: string | null
  unionPath?: string[]
  organiser?: string
}

export type Owner = Required<Owned> & { unionId: string | null }

/** The reach of the officer calling: everything (the city), or her node and what is below it. */
export type OfficerScope =
  | { all: true; unionId: string | null; name: string; level: UnionLevel }
  | { all: false; unionId: string; path: string[]; name: string; level: UnionLevel }

const unionReader = batchedById<UnionDoc>(COLLECTIONS.unions)

/** One union, kept in the instance for a few seconds (the tree changes rarely; this instance's own writes drop it). */
export function readUnion(db: Db, id: string): Promise<UnionDoc | null> {
  return cached(db, `union:${id}`, () => unionReader(db, id))
}

/** The whole tree (tens to a few thousand nodes), parents before children. */
export function readTree(db: Db): Promise<UnionDoc[]> {
  return cached(db, 'union*tree', async () => {
    const all = await readAll<UnionDoc>(db.collection(COLLECTIONS.unions).where({ _id: db.command.exists(true) }))
    return all.sort((a, b) => a.path.length - b.path.length || a.name.localeCompare(b.name, 'zh-CN'))
  })
}

/** After this instance changed the tree. */
export function forgetUnions(db: Db): void {
  forget(db, 'union*')
}

async function rootUnion(db: Db): Promise<UnionDoc | null> {
  return (await readTree(db)).find((u) => u.parentId === null) ?? null
}

/** The officer role she holds (the first: an officer invite replaces an earlier one), or null. */
export function officerRole(roles: readonly StoredRole[]): Extract<StoredRole, { role: 'officer' }> | null {
  return (roles.find((r) => r.role === 'officer') as Extract<StoredRole, { role: 'officer' }> | undefined) ?? null
}

/** Her reach, from her officer role: one cached read of her node. */
export async function officerScope(db: Db, roles: readonly StoredRole[]): Promise<OfficerScope | null> {
  const role = officerRole(roles)
  if (!role) return null
  if (!role.unionId) {
    const root = await rootUnion(db)
    return { all: true, unionId: root?._id ?? null, name: root?.name ?? '市总工会', level: 'city' }
  }
  const u = await readUnion(db, role.unionId)
  // A node removed from the tree leaves its officers reaching nothing, not everything.
  if (!u) return { all: false, unionId: role.unionId, path: [role.unionId], name: '（已撤销的工会）', level: 'grassroots' }
  if (u.parentId === null) return { all: true, unionId: u._id, name: u.name, level: u.level }
  return { all: false, unionId: u._id, path: u.path, name: u.name, level: u.level }
}

/** Whether her subtree owns (or the member belongs to) what carries this path. */
export function covers(scope: OfficerScope, unionPath: readonly string[] | null | undefined): boolean {
  return scope.all || (unionPath ?? []).includes(scope.unionId)
}

/** The filter that narrows a list to her subtree: merge it into the query (index: `unionPath`). */
export function ownedWhere(scope: OfficerScope): { unionPath?: string } {
  return scope.all ? {} : { unionPath: scope.unionId }
}

/** Whether `id` is her node or below it (a union she may invite to, own things as, import members into). */
export async function unionInScope(db: Db, scope: OfficerScope, id: string): Promise<UnionDoc | null> {
  const u = await readUnion(db, id)
  return u && covers(scope, u.path) ? u : null
}

/**
 * Who owns a thing an officer creates: the union she names (the auth declaration already checked it
 * is hers) or her own node; the root when a legacy city officer names none; no owner while the
 * federation has not entered its tree (then only the city reaches it).
 */
export async function ownerFor(db: Db, scope: OfficerScope, unionId?: string | null, organiser = ''): Promise<Owner> {
  const id = unionId || scope.unionId || (await rootUnion(db))?._id || null
  if (!id) return { unionId: null, unionPath: [], organiser }
  const u = await readUnion(db, id)
  if (!u) fail('INVALID_ARGUMENT', 'unionId')
  return { unionId: u._id, unionPath: u.path, organiser: u.name }
}

/** 主办 as members read it: the owner's name, or what was typed before the tree existed. */
export function ownerDTO(doc: Owned, fallback = ''): OwnerDTO {
  return { unionId: doc.unionId ?? null, organiser: doc.organiser || fallback }
}

// ---------- resolvers for `auth: {officer: …}` (auth.ts) ----------

/** The owner path of the target an input names: undefined when it names none or it does not exist (the action says NOT_FOUND). */
export type OwnerOf<I> = (input: I, ctx: { db: Db }) => Promise<readonly string[] | undefined>

const ownedReaders = new Map<string, BatchedReader<Owned & { _id: string }>>()
function ownedReader(collection: string): BatchedReader<Owned & { _id: string }> {
  let r = ownedReaders.get(collection)
  if (!r) ownedReaders.set(collection, (r = batchedById<Owned & { _id: string }>(collection)))
  return r
}

/** The path of the document of `collection` the input names (`idOf`); a document without one is the city's. */
export function ownedDoc<I>(collection: string, idOf: (input: I) => string | null | undefined): OwnerOf<I> {
  return async (input, { db }) => {
    const id = idOf(input)
    if (!id) return undefined
    const doc = await ownedReader(collection)(db, id)
    return doc ? (doc.unionPath ?? []) : undefined
  }
}

/** The path of the union the input names as owner (`unionId`); a union that does not exist reaches nothing. */
export function unionNamed<I>(idOf: (input: I) => string | null | undefined): OwnerOf<I> {
  return async (input, { db }) => {
    const id = idOf(input)
    if (!id) return undefined
    return (await readUnion(db, id))?.path ?? []
  }
}

/** Only the city reaches it (every member's notices, city-wide upkeep): no district owns it. */
export const cityOnly: OwnerOf<unknown> = async () => []

/**
 * Who a thing is for by default (issue 20): what a district or grassroots union runs is for its own
 * subtree's members; the city's (or an owner-less thing from before the tree) is for everyone.
 */
export function audienceWithin(owner: Pick<Owner, 'unionId' | 'unionPath' | 'organiser'>): { unionId: string; name: string } | null {
  return owner.unionId && owner.unionPath.length > 1 ? { unionId: owner.unionId, name: owner.organiser } : null
}
