/**
 * Programmes, sites, sessions and branch quotas: the catalogue a woman books
 * from. Reads only, plus the one-off insert of a new programme.
 */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import type { ProgrammeDoc, QuotaDoc, SessionDoc, SiteDoc } from './screening.docs'

const PAGE = 1000

export function rows<T>(res: { data?: unknown }): T[] {
  return (res.data as T[] | undefined) ?? []
}

/** Every document matching `where`, a page at a time (CloudBase answers at most 1000 per get). */
export async function getAll<T>(db: Db, collection: string, where: object): Promise<T[]> {
  const out: T[] = []
  for (let skip = 0; ; skip += PAGE) {
    const page = rows<T>(await db.collection(collection).where(where).skip(skip).limit(PAGE).get())
    out.push(...page)
    if (page.length < PAGE) return out
  }
}

export async function getById<T>(db: Db, collection: string, id: string): Promise<T | null> {
  return rows<T>(await db.collection(collection).doc(id).get())[0] ?? null
}

export function createCatalogRepository(db: Db) {
  return {
    listProgrammes: () => getAll<ProgrammeDoc>(db, COLLECTIONS.screeningProgrammes, {}),
    programme: (id: string) => getById<ProgrammeDoc>(db, COLLECTIONS.screeningProgrammes, id),
    site: (id: string) => getById<SiteDoc>(db, COLLECTIONS.screeningSites, id),
    async sites(ids: string[]): Promise<SiteDoc[]> {
      if (ids.length === 0) return []
      const found = await getAll<SiteDoc>(db, COLLECTIONS.screeningSites, { _id: db.command.in(ids) })
      return ids.map((id) => found.find((s) => s._id === id)).filter((s): s is SiteDoc => !!s)
    },
    session: (id: string) => getById<SessionDoc>(db, COLLECTIONS.screeningSessions, id),
    async sessions(where: Partial<Pick<SessionDoc, 'programmeId' | 'siteId' | 'date'>>): Promise<SessionDoc[]> {
      const list = await getAll<SessionDoc>(db, COLLECTIONS.screeningSessions, where)
      return list.sort((a, b) => a.startAt - b.startAt || a._id.localeCompare(b._id))
    },
    quotas: (programmeId: string) => getAll<QuotaDoc>(db, COLLECTIONS.screeningQuotas, { programmeId }),
    /** Inserts what is missing (deterministic ids), so a retried create or seed never doubles places. */
    async insertMissing(collection: string, docs: { _id: string }[]): Promise<void> {
      for (const d of docs) {
        if (await getById(db, collection, d._id)) continue
        await db.collection(collection).add(d).catch((e: { code?: string }) => {
          if (!/DUPLICATE/.test(e?.code ?? '')) throw e
        })
      }
    },
  }
}

export type CatalogRepository = ReturnType<typeof createCatalogRepository>
