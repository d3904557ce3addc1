/** Submissions (K opaque tokens each) and matches. Tokens are deleted once a mixer is matched. */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { readAll, rowsOf } from '../common/paginate'
import type { MatchDoc, PicksDoc } from './matchmaking.docs'

export const picksId = (mixerId: string, ref: string) => `${mixerId}:${ref}`
export const matchId = (mixerId: string, a: string, b: string) => `${mixerId}:${[a, b].sort().join(':')}`
export const blockId = (x: string, y: string) => [x, y].sort().join(':')

export function createPicksRepository(db: Db) {
  const picks = () => db.collection(COLLECTIONS.mixerPicks)
  const matches = () => db.collection(COLLECTIONS.mixerMatches)
  return {
    async save(doc: PicksDoc): Promise<void> {
      const { _id, ...rest } = doc
      await picks().doc(_id).set(rest)
    },
    async get(mixerId: string, ref: string): Promise<PicksDoc | null> {
      return rowsOf<PicksDoc>(await picks().doc(picksId(mixerId, ref)).get())[0] ?? null
    },
    ofMixer: (mixerId: string) => readAll<PicksDoc>(picks().where({ mixerId })),
    async removeOfMixer(mixerId: string): Promise<void> {
      await picks().where({ mixerId }).remove()
    },
    async removeOf(mixerId: string, ref: string): Promise<void> {
      await picks()
        .where({ _id: picksId(mixerId, ref) })
        .remove()
    },
    async saveMatch(doc: MatchDoc): Promise<void> {
      const { _id, ...rest } = doc
      await matches().doc(_id).set(rest)
    },
    async match(id: string): Promise<MatchDoc | null> {
      return rowsOf<MatchDoc>(await matches().doc(id).get())[0] ?? null
    },
    async matchesOf(mixerId: string, openid: string): Promise<MatchDoc[]> {
      const [a, b] = await Promise.all([
        matches().where({ mixerId, 'a.openid': openid }).limit(100).get(),
        matches().where({ mixerId, 'b.openid': openid }).limit(100).get(),
      ])
      return [...rowsOf<MatchDoc>(a), ...rowsOf<MatchDoc>(b)]
    },
    async updateMatch(id: string, patch: Record<string, unknown>): Promise<void> {
      await matches().doc(id).update(patch)
    },
    async removeMatchesOf(mixerId: string): Promise<void> {
      await matches().where({ mixerId }).remove()
    },
    async blocked(ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set()
      const rows = rowsOf<{ _id: string }>(
        await db
          .collection(COLLECTIONS.mixerBlocks)
          .where({ _id: db.command.in(ids.slice(0, 1000)) })
          .limit(1000)
          .get(),
      )
      return new Set(rows.map((r) => r._id))
    },
    async block(id: string, at: number): Promise<void> {
      await db.collection(COLLECTIONS.mixerBlocks).doc(id).set({ at })
    },
  }
}

export type PicksRepository = ReturnType<typeof createPicksRepository>
