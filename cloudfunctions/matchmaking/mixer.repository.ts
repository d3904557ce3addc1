/** Mixers, their place documents and frozen directories: the only code touching those collections. */
import { COLLECTIONS } from '../common/collections'
import { bumpCounter } from '../common/counter'
import type { Db } from '../common/db'
import { insertOnce } from '../common/db-errors'
import { fail } from '../common/errors'
import { cached, forget } from '../common/instance-cache'
import { readAll, rowsOf } from '../common/paginate'
import { createPlaceStore } from '../common/place-store'
import type { Gender, Sector } from '~types/matchmaking'
import type { DirectoryDoc, MixerDoc, PlaceDoc } from './matchmaking.docs'

export const genderPlaceId = (mixerId: string, g: Gender) => `${mixerId}:${g}`
export const sectorPlaceId = (mixerId: string, s: Sector) => `${mixerId}:sector:${s}`

export function createMixerRepository(db: Db) {
  const _ = db.command
  const mixers = () => db.collection(COLLECTIONS.mixers)
  const places = () => db.collection(COLLECTIONS.mixerPlaces)
  const dirs = () => db.collection(COLLECTIONS.mixerDirectories)

  async function fresh(id: string): Promise<MixerDoc | null> {
    return rowsOf<MixerDoc>(await mixers().doc(id).get())[0] ?? null
  }

  return {
    places: createPlaceStore(db, COLLECTIONS.mixerPlaces),
    fresh,
    /** A few seconds' cache: times and rules rarely change; `phase` decisions re-read with `fresh`. */
    get: (id: string) => cached(db, `mixer:${id}`, () => fresh(id)),
    async list(): Promise<MixerDoc[]> {
      return readAll<MixerDoc>(
        mixers()
          .where({ phase: _.in(['open', 'matching', 'matched']) })
          .orderBy('startsAt', 'asc'),
      )
    },
    /** `where`: an officer's subtree (unions.ts ownedWhere), `{}` for every owner. */
    async byProgramme(programme: string, where: { unionPath?: string } = {}): Promise<MixerDoc[]> {
      return readAll<MixerDoc>(
        mixers()
          .where({ programme, ...where })
          .orderBy('startsAt', 'asc'),
      )
    },
    /** An officer's mixers, every phase: her subtree's (index `unionPath`), or all for the city. */
    async owned(where: { unionPath?: string }): Promise<MixerDoc[]> {
      return readAll<MixerDoc>(mixers().where(where).orderBy('startsAt', 'desc'))
    },
    async byPhase(phase: MixerDoc['phase']): Promise<MixerDoc[]> {
      return readAll<MixerDoc>(mixers().where({ phase }))
    },
    async save(doc: MixerDoc): Promise<void> {
      const { _id, ...rest } = doc
      await mixers().doc(_id).set(rest)
      forget(db, `mixer:${_id}`)
    },
    /** Only one caller moves a phase: a conditional update decides. */
    async movePhase(id: string, from: MixerDoc['phase'], patch: Partial<MixerDoc>): Promise<boolean> {
      const r = await mixers().where({ _id: id, phase: from }).update(patch)
      forget(db, `mixer:${id}`)
      return r.updated === 1
    },
    async nextBadge(id: string): Promise<number> {
      return (await bumpCounter(db, COLLECTIONS.mixers, id, 'badgeSeq')) ?? fail('NOT_FOUND', 'mixerId')
    },
    async nextWaitSeq(placeId: string): Promise<number> {
      return (await bumpCounter(db, COLLECTIONS.mixerPlaces, placeId, 'waitSeq')) ?? fail('NOT_FOUND', 'mixerId')
    },
    /** A hint only (the take decides): lets a sign-up skip the claim when nothing is left. */
    async placeLeft(placeId: string): Promise<number> {
      return rowsOf<PlaceDoc>(await places().doc(placeId).field({ left: true }).get())[0]?.left ?? 0
    },
    /** The desk's live count, kept beside the places so a station screen reads one document per gender. */
    async countCheckIn(mixerId: string, g: Gender): Promise<void> {
      await places()
        .where({ _id: genderPlaceId(mixerId, g) })
        .update({ checkedIn: _.inc(1) })
    },
    async placeDocs(mixerId: string): Promise<PlaceDoc[]> {
      return rowsOf<PlaceDoc>(await places().where({ mixerId }).limit(100).get())
    },
    /**
     * Creates a missing place document, or moves `left` by the change of capacity: conditional on the capacity
     * it read, so a retried edit (or two at once) moves it once. `was`: the capacity of a document without one.
     */
    async setCapacity(id: string, mixerId: string, capacity: number, was: number): Promise<void> {
      const fresh: PlaceDoc = { _id: id, mixerId, left: capacity, capacity, waitSeq: 0, holders: {} }
      if (await insertOnce(places(), fresh)) return
      const doc = rowsOf<PlaceDoc>(await places().doc(id).field({ capacity: true }).get())[0]
      const from = doc?.capacity ?? was
      if (from === capacity) return
      const r = await places()
        .where({ _id: id, capacity: doc?.capacity ?? _.exists(false) })
        .update({ left: _.inc(capacity - from), capacity })
      if (r.updated !== 1) fail('CONFLICT', 'placesByGender')
    },
    /** Frozen directories never change: kept a minute in the instance (but an absent one is not remembered). */
    async directory(mixerId: string): Promise<DirectoryDoc | null> {
      const d = await cached(db, `dir:${mixerId}`, async () => rowsOf<DirectoryDoc>(await dirs().doc(mixerId).get())[0] ?? null, 60_000)
      if (!d) forget(db, `dir:${mixerId}`)
      return d
    },
    /** Freezes once: a second writer's insert fails and the first directory stands. */
    async freezeDirectory(doc: DirectoryDoc): Promise<DirectoryDoc> {
      const first = await insertOnce(dirs(), { ...doc })
      forget(db, `dir:${doc._id}`)
      return first ? doc : rowsOf<DirectoryDoc>(await dirs().doc(doc._id).get())[0]
    },
    async removeDirectory(mixerId: string): Promise<void> {
      await dirs().where({ _id: mixerId }).remove()
    },
  }
}

export type MixerRepository = ReturnType<typeof createMixerRepository>
