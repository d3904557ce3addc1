/**
 * Who owns what an officer's matchmaking action names (issue 20), for the router's `{officer: …}`
 * check. A mixer by its document; a report through the mixer it was made at (so a union's move,
 * which rewrites its mixers' paths, moves its reports with them); a held profile text through the
 * member's own roster record (her union reviews what she wrote).
 */
import { batchedById } from '../common/batched-read'
import { COLLECTIONS } from '../common/collections'
import { createRosterLookup } from '../common/roster-lookup'
import { ownedDoc, type OwnerOf } from '../common/unions'
import type { ReportDoc } from './matchmaking.docs'
import { createProfileTextRepository } from './profile-text.repository'

export const mixerNamed = <I>(idOf: (i: I) => string | null | undefined): OwnerOf<I> => ownedDoc(COLLECTIONS.mixers, idOf)

const reportById = batchedById<ReportDoc>(COLLECTIONS.mixerReports)

export const reportOwner: OwnerOf<{ reportId: string }> = async (input, ctx) => {
  const r = await reportById(ctx.db, input.reportId)
  return r ? mixerNamed<string>((id) => id)(r.mixerId, ctx).then((p) => p ?? []) : undefined
}

/** A member's union path (none: only the city reaches her). */
export async function memberPath(db: Parameters<OwnerOf<unknown>>[1]['db'], openid: string): Promise<string[]> {
  return (await createRosterLookup({ db }).one(openid))?.unionPath ?? []
}

export const profileTextOwner: OwnerOf<{ ref: string }> = async (input, { db }) => {
  const p = await createProfileTextRepository(db).byRef(input.ref)
  return p ? memberPath(db, p._id) : undefined
}
