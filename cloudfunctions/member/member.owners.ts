/**
 * Whose subtree owns what a member action names (issue 20), for the actions' `auth: {officer: …}`
 * declarations: the router refuses an officer outside it before the service runs. A resolver answers
 * the target's `unionPath`, or undefined when there is no such target (the action says NOT_FOUND).
 */
import { COLLECTIONS } from '../common/collections'
import { ownedDoc, type OwnerOf, readUnion } from '../common/unions'
import { MERCHANT_MANAGER_SUFFIX, type CreateInviteRequest } from '~types/member'
import { batchedById } from '../common/batched-read'

/**
 * A union strictly below her node: what she renames and moves (its parent's path must reach her).
 * The root answers an empty path, which only the city passes (and the service refuses: nobody renames the root).
 */
export function unionBelow<I>(idOf: (input: I) => string | null | undefined): OwnerOf<I> {
  return async (input, { db }) => {
    const id = idOf(input)
    const u = id ? await readUnion(db, id) : null
    return u ? u.path.slice(0, -1) : undefined
  }
}

const eventOwner = ownedDoc<string>(COLLECTIONS.events, (id) => id)
const mixerOwner = ownedDoc<string>(COLLECTIONS.mixers, (id) => id)
const siteOwner = ownedDoc<string>(COLLECTIONS.screeningSites, (id) => id)
const merchantOwner = ownedDoc<string>(COLLECTIONS.voucherMerchants, (id) => id)

/** What an invite is for: a union she invites officers of, or an event, mixer, site or merchant her subtree owns. */
export const inviteTargetOwner: OwnerOf<Pick<CreateInviteRequest, 'scope'>> = async ({ scope }, ctx) => {
  if (scope.kind === 'union') {
    const u = await readUnion(ctx.db, scope.id)
    return u ? u.path : undefined
  }
  if (scope.kind === 'event') return (await eventOwner(scope.id, ctx)) ?? (await mixerOwner(scope.id, ctx))
  if (scope.kind === 'site') return siteOwner(scope.id, ctx)
  return merchantOwner(scope.id.replace(new RegExp(`${MERCHANT_MANAGER_SUFFIX}$`), ''), ctx)
}

const deletionById = batchedById<{ _id: string; rosterId: string | null }>(COLLECTIONS.deletionRequests)
const rosterOwner = ownedDoc<string>(COLLECTIONS.roster, (id) => id)

/** A deletion request belongs to the union of the member who asked; one without a roster record is the city's. */
export const deletionOwner: OwnerOf<{ id: string }> = async ({ id }, ctx) => {
  const doc = await deletionById(ctx.db, id)
  if (!doc) return undefined
  return doc.rosterId ? ((await rosterOwner(doc.rosterId, ctx)) ?? []) : []
}
