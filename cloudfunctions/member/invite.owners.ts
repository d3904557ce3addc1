/**
 * Whose subtree owns an invite the officers' table names by its handle (stored as `ref`) (issue 18): the owner path of the
 * target it was made for, stamped at creation. One made before (no path) is the city's, like any
 * document from before the tree.
 */
import { COLLECTIONS } from '../common/collections'
import { rowsOf } from '../common/paginate'
import type { OwnerOf } from '../common/unions'

export const inviteRefOwner: OwnerOf<{ id: string }> = async ({ id }, { db }) => {
  const res = await db.collection(COLLECTIONS.staffInvites).where({ ref: id }).field({ unionPath: true }).limit(1).get()
  const doc = rowsOf<{ unionPath?: string[] }>(res)[0]
  return doc ? (doc.unionPath ?? []) : undefined
}
