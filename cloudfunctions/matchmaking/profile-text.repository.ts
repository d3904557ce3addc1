/** Held profile texts (资料审核): the queue officers work through and their decisions, on `mixer_profiles`. */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { readAll, rowsOf } from '../common/paginate'
import type { ProfileDoc, ProfileHold } from './matchmaking.docs'

export function createProfileTextRepository(db: Db) {
  const coll = () => db.collection(COLLECTIONS.mixerProfiles)
  return {
    /** Texts waiting for an officer, oldest first. */
    pending: async (): Promise<ProfileDoc[]> =>
      (await readAll<ProfileDoc>(coll().where({ 'hold.state': 'pending' }))).sort((a, b) => a.hold!.at - b.hold!.at),
    async byRef(ref: string): Promise<ProfileDoc | null> {
      return rowsOf<ProfileDoc>(await coll().where({ 'hold.ref': ref }).get())[0] ?? null
    },
    /**
     * Conditional on the text still being the one the officer read (same ref) and still pending:
     * she may have saved a new text meanwhile (a new ref), which this decision must not release.
     */
    async decide(openid: string, ref: string, patch: Pick<ProfileHold, 'state' | 'reason'>, at: number): Promise<boolean> {
      const r = await coll()
        .where({ _id: openid, 'hold.ref': ref, 'hold.state': 'pending' })
        .update({ 'hold.state': patch.state, 'hold.reason': patch.reason, 'hold.decidedAt': at })
      return r.updated === 1
    },
  }
}

export type ProfileTextRepository = ReturnType<typeof createProfileTextRepository>
