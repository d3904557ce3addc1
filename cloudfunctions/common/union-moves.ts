/**
 * What moves with a union (issue 20): every document its subtree owns carries the owner's path
 * (unions.ts), so a move rewrites the path of each node of the moved subtree and of everything
 * those nodes own. Each write sets a whole path on the documents of ONE owner (`unionId`), so the
 * move is idempotent: a move cut short by a crash is finished by running it again.
 */
import { COLLECTIONS } from './collections'
import type { Db } from './db'

/**
 * Every collection whose documents are owned by a union: they carry `unionId` and `unionPath`, with an
 * index on each (indexes.ts). A service that owns a new kind of document adds its collection here.
 */
export const OWNED_COLLECTIONS: readonly string[] = [
  COLLECTIONS.roster,
  COLLECTIONS.events,
  COLLECTIONS.screeningProgrammes,
  COLLECTIONS.screeningSites,
  COLLECTIONS.mixers,
  COLLECTIONS.voucherCampaigns,
  COLLECTIONS.voucherMerchants,
  // what is filed under its target's owner: invites, and merchants' statements (their disputes go to her table)
  COLLECTIONS.staffInvites,
  COLLECTIONS.voucherStatements,
]

const PARALLEL = 8

/** Sets each node's new path on the documents it owns, in every owned collection. */
export async function rewriteOwnedPaths(db: Db, nodes: readonly { id: string; path: string[] }[]): Promise<void> {
  const writes = nodes.flatMap((n) =>
    OWNED_COLLECTIONS.map(
      (c) => () =>
        db
          .collection(c)
          .where({ unionId: n.id })
          .update({ unionPath: db.command.set(n.path) }),
    ),
  )
  for (let i = 0; i < writes.length; i += PARALLEL) await Promise.all(writes.slice(i, i + PARALLEL).map((w) => w()))
}
