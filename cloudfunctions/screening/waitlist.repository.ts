/** Waiting-list entries: one per woman per programme (`_id` = `${programmeId}:${openid}`), changed only conditionally. */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { insertOnce } from '../common/db-errors'
import { getAll, getById, rows } from './catalog.repository'
import type { WaitlistDoc } from './screening.docs'

export function createWaitlistRepository(db: Db) {
  const _ = db.command
  const coll = () => db.collection(COLLECTIONS.screeningWaitlist)
  const all = (where: object) => getAll<WaitlistDoc>(db, COLLECTIONS.screeningWaitlist, where)
  return {
    get: (id: string) => getById<WaitlistDoc>(db, COLLECTIONS.screeningWaitlist, id),
    /** false when her entry for this programme exists already. */
    insert: (doc: WaitlistDoc) => insertOnce(coll(), doc),
    async updateIf(id: string, expect: Record<string, unknown>, patch: Record<string, unknown>): Promise<boolean> {
      return (
        (
          await coll()
            .where({ ...expect, _id: id })
            .update(patch)
        ).updated === 1
      )
    },
    /** Offers her a held place, if she is still waiting; true when it did. */
    async offer(id: string, offer: NonNullable<WaitlistDoc['offer']>, now: number): Promise<boolean> {
      const r = await coll()
        .where({ _id: id, status: 'waiting' })
        .update({ status: 'offered', offer: _.set(offer), updatedAt: now })
      return r.updated === 1
    },
    /** First few women in line who would take a place at this site. */
    async nextWaiting(programmeId: string, siteId: string, limit = 5): Promise<WaitlistDoc[]> {
      const here = { programmeId, status: 'waiting', siteId: _.in([null, siteId]) }
      return rows<WaitlistDoc>(await coll().where(here).orderBy('rank', 'asc').limit(limit).get())
    },
    async position(w: WaitlistDoc): Promise<number> {
      const r = await coll()
        .where({ programmeId: w.programmeId, status: 'waiting', rank: _.lt(w.rank) })
        .count()
      return (r.total ?? 0) + 1
    },
    expiredOffers: (now: number) => all({ status: 'offered', 'offer.expiresAt': _.lte(now) }),
    byProgramme: (programmeId: string) => all({ programmeId }),
    byOpenid: (openid: string) => all({ openid }),
  }
}

export type WaitlistRepository = ReturnType<typeof createWaitlistRepository>
