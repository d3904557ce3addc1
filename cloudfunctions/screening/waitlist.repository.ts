/** Waiting-list entries: one per woman per programme (`_id` = `${programmeId}:${openid}`), changed only conditionally. */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { isDuplicate } from '../common/db-errors'
import { getAll, getById, rows } from './catalog.repository'
import type { WaitlistDoc } from './screening.docs'

export function createWaitlistRepository(db: Db) {
  const _ = db.command
  const coll = () => db.collection(COLLECTIONS.screeningWaitlist)
  return {
    get: (id: string) => getById<WaitlistDoc>(db, COLLECTIONS.screeningWaitlist, id),
    async insert(doc: WaitlistDoc): Promise<boolean> {
      try {
        await coll().add(doc)
        return true
      } catch (e) {
        if (isDuplicate(e)) return false
        throw e
      }
    },
    async updateIf(id: string, expect: Record<string, unknown>, patch: Record<string, unknown>): Promise<boolean> {
      return (await coll().where({ ...expect, _id: id }).update(patch)).updated === 1
    },
    /** First few women in line who would take a place at this site. */
    async nextWaiting(programmeId: string, siteId: string, limit = 5): Promise<WaitlistDoc[]> {
      const res = await coll().where({ programmeId, status: 'waiting', siteId: _.in([null, siteId]) }).orderBy('rank', 'asc').limit(limit).get()
      return rows<WaitlistDoc>(res)
    },
    async position(w: WaitlistDoc): Promise<number> {
      const r = await coll().where({ programmeId: w.programmeId, status: 'waiting', rank: _.lt(w.rank) }).count()
      return (r.total ?? 0) + 1
    },
    expiredOffers: (now: number) => getAll<WaitlistDoc>(db, COLLECTIONS.screeningWaitlist, { status: 'offered', 'offer.expiresAt': _.lte(now) }),
  }
}

export type WaitlistRepository = ReturnType<typeof createWaitlistRepository>
