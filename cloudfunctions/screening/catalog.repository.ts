/**
 * Programmes, sites, sessions and branch quotas: the catalogue a woman books
 * from. Reads only, plus the one-off insert of a new programme. A programme,
 * a site and a session's dates do not change under a booking, so they are
 * kept in the instance a few seconds (instance-cache.ts); `liveSession` reads
 * the places left afresh.
 */
import { batchedById } from '../common/batched-read'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { insertOnce } from '../common/db-errors'
import { cached, prime } from '../common/instance-cache'
import { readAll, rowsOf } from '../common/paginate'
import type { ProgrammeDoc, QuotaDoc, ReminderDoc, SessionDoc, SiteDoc } from './screening.docs'

export const rows = rowsOf

/** Every document matching `where` (paginate.ts walks the 1000-per-get limit). */
export function getAll<T>(db: Db, collection: string, where: object): Promise<T[]> {
  return readAll<T>(db.collection(collection).where(where))
}

export async function getById<T>(db: Db, collection: string, id: string): Promise<T | null> {
  return rows<T>(await db.collection(collection).doc(id).get())[0] ?? null
}

const liveSession = batchedById<SessionDoc>(COLLECTIONS.screeningSessions)

export function createCatalogRepository(db: Db) {
  return {
    /** Every programme, or those an officer's subtree owns (`where`: unions.ts `ownedWhere`, index `unionPath`). */
    listProgrammes: (where: { unionPath?: string } = {}) => getAll<ProgrammeDoc>(db, COLLECTIONS.screeningProgrammes, where),
    programme: (id: string) => cached(db, `sp:${id}`, () => getById<ProgrammeDoc>(db, COLLECTIONS.screeningProgrammes, id)),
    site: (id: string) => cached(db, `ss:${id}`, () => getById<SiteDoc>(db, COLLECTIONS.screeningSites, id)),
    async sites(ids: string[]): Promise<SiteDoc[]> {
      if (ids.length === 0) return []
      const found = await getAll<SiteDoc>(db, COLLECTIONS.screeningSites, { _id: db.command.in(ids) })
      return ids.map((id) => found.find((s) => s._id === id)).filter((s): s is SiteDoc => !!s)
    },
    /** Dates, site and capacity (cached); `left` and holders may be seconds old: never decide places by them. */
    session: (id: string) => cached(db, `sn:${id}`, () => getById<SessionDoc>(db, COLLECTIONS.screeningSessions, id)),
    /** Read afresh (the rush's concurrent reads share one query: batched-read.ts). */
    liveSession: async (id: string) => {
      const s = await liveSession(db, id)
      prime(db, `sn:${id}`, s) // its dates and site for the next tap's cached read
      return s
    },
    /** Marks every session of the programme: its waiting list may hold someone (screening.docs.ts `waitlistOpened`). */
    async openWaitlist(programmeId: string): Promise<void> {
      const closed = { programmeId, waitlistOpened: db.command.neq(true) }
      await db.collection(COLLECTIONS.screeningSessions).where(closed).update({ waitlistOpened: true })
    },
    async sessions(where: Partial<Pick<SessionDoc, 'programmeId' | 'siteId' | 'date'>>): Promise<SessionDoc[]> {
      const list = await getAll<SessionDoc>(db, COLLECTIONS.screeningSessions, where)
      return list.sort((a, b) => a.startAt - b.startAt || a._id.localeCompare(b._id))
    },
    /** Every session (of one programme): the sweeper walks their holders. */
    allSessions: (where: { programmeId?: string }) => getAll<SessionDoc>(db, COLLECTIONS.screeningSessions, where),
    quotas: (programmeId?: string) => getAll<QuotaDoc>(db, COLLECTIONS.screeningQuotas, programmeId ? { programmeId } : {}),
    allSites: () => getAll<SiteDoc>(db, COLLECTIONS.screeningSites, {}),
    /** Inserts what is missing (deterministic ids), so a retried create or seed never doubles places. */
    async insertMissing(collection: string, docs: { _id: string }[]): Promise<void> {
      for (const d of docs) if (!(await getById(db, collection, d._id))) await insertOnce(db.collection(collection), d)
    },
    /** 开放提醒 she asked for (`_id` = `${programmeId}:${openid}`). */
    reminder: (id: string) => getById<ReminderDoc>(db, COLLECTIONS.screeningReminders, id),
    async setReminder(doc: ReminderDoc): Promise<void> {
      const { _id, ...rest } = doc
      await db.collection(COLLECTIONS.screeningReminders).doc(_id).set(rest)
    },
    remindersUnsent: () => getAll<ReminderDoc>(db, COLLECTIONS.screeningReminders, { sentAt: db.command.exists(false) }),
    /** Claims one reminder for sending (ONE conditional update): overlapping sweeps never send it twice. */
    async claimReminder(id: string, now: number): Promise<boolean> {
      const unsent = { _id: id, sentAt: db.command.exists(false) }
      return (await db.collection(COLLECTIONS.screeningReminders).where(unsent).update({ sentAt: now })).updated === 1
    },
  }
}

export type CatalogRepository = ReturnType<typeof createCatalogRepository>
