/** Sign-ups: the kit's claim ledger (one per member per mixer) plus the waiting-list and roster queries. */
import type { Clock } from '../common/clock'
import { createClaimLedger, type Hold } from '../common/claim-ledger'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { insertOnce } from '../common/db-errors'
import { readAll, rowsOf } from '../common/paginate'
import type { Gender } from '~types/matchmaking'
import type { SignupDoc } from './matchmaking.docs'
import { genderPlaceId, sectorPlaceId, type MixerRepository } from './mixer.repository'

export const signupId = (mixerId: string, openid: string) => `${mixerId}:${openid}`
export const ACTIVE: SignupDoc['state'][] = ['review', 'approved', 'waiting', 'offered']

export function createSignupRepository(db: Db, clock: Clock, mixers: MixerRepository) {
  const _ = db.command
  const coll = () => db.collection(COLLECTIONS.mixerSignups)

  function holdsOf(d: SignupDoc): Hold[] {
    const holder = { ref: d.ref }
    const holds: Hold[] = [
      { store: mixers.places, docId: genderPlaceId(d.mixerId, d.gender), key: d.claimId, holder, refusal: 'MIXER_FULL' },
    ]
    if (d.sectorHold)
      holds.push({ store: mixers.places, docId: sectorPlaceId(d.mixerId, d.sectorHold), key: d.claimId, holder, refusal: 'SECTOR_FULL' })
    return holds
  }

  const ledger = createClaimLedger<SignupDoc>(db, {
    collection: COLLECTIONS.mixerSignups,
    stateField: 'state',
    pending: 'pending',
    failed: 'failed',
    reusable: ['failed', 'cancelled', 'withdrawn'],
    holdsOf,
    clock,
  })

  return {
    ledger,
    holdsOf,
    get: ledger.get,
    async byRef(ref: string): Promise<SignupDoc | null> {
      return rowsOf<SignupDoc>(await coll().where({ ref }).limit(1).get())[0] ?? null
    },
    async byRefs(mixerId: string, refs: string[]): Promise<SignupDoc[]> {
      const out: SignupDoc[] = []
      for (let i = 0; i < refs.length; i += 100)
        out.push(
          ...rowsOf<SignupDoc>(
            await coll()
              .where({ mixerId, ref: _.in(refs.slice(i, i + 100)) })
              .limit(100)
              .get(),
          ),
        )
      return out
    },
    async byBadge(mixerId: string, badge: number): Promise<SignupDoc | null> {
      return rowsOf<SignupDoc>(await coll().where({ mixerId, badge }).limit(1).get())[0] ?? null
    },
    async ofMember(openid: string): Promise<SignupDoc[]> {
      return readAll<SignupDoc>(coll().where({ openid }))
    },
    /** Every sign-up of these members, in one query per thousand (a purge asks who still has another mixer). */
    async ofMembers(openids: string[]): Promise<SignupDoc[]> {
      const out: SignupDoc[] = []
      for (let i = 0; i < openids.length; i += 1000)
        out.push(...(await readAll<SignupDoc>(coll().where({ openid: _.in(openids.slice(i, i + 1000)) }))))
      return out
    },
    async ofMixer(mixerId: string): Promise<SignupDoc[]> {
      return readAll<SignupDoc>(coll().where({ mixerId }))
    },
    async checkedIn(mixerId: string): Promise<SignupDoc[]> {
      return readAll<SignupDoc>(coll().where({ mixerId, checkedInAt: _.gt(0) }))
    },
    /** The first in line of a gender (lowest seq). */
    async nextWaiting(mixerId: string, gender: Gender): Promise<SignupDoc | null> {
      return rowsOf<SignupDoc>(await coll().where({ mixerId, gender, state: 'waiting' }).orderBy('seq', 'asc').limit(1).get())[0] ?? null
    },
    async position(d: SignupDoc): Promise<number> {
      const r = await coll()
        .where({ mixerId: d.mixerId, gender: d.gender, state: 'waiting', seq: _.lt(d.seq ?? 0) })
        .count()
      return r.total + 1
    },
    async expiredOffers(now: number): Promise<SignupDoc[]> {
      return rowsOf<SignupDoc>(
        await coll()
          .where({ state: 'offered', offerExpiresAt: _.lt(now) })
          .limit(200)
          .get(),
      )
    },
    /** Create-only: false when a sign-up of hers exists (any state). */
    insert: (d: SignupDoc): Promise<boolean> => insertOnce(coll(), { ...d }),
    /** One conditional update: true only if the document was still in `from` (and this claim). */
    async move(
      d: SignupDoc,
      from: SignupDoc['state'] | SignupDoc['state'][],
      patch: Partial<SignupDoc>,
      extra: Record<string, unknown> = {},
    ): Promise<boolean> {
      const state = Array.isArray(from) ? _.in(from) : from
      const r = await coll()
        .where({ _id: d._id, claimId: d.claimId, state, ...extra })
        .update({ ...patch, updatedAt: clock() })
      return r.updated === 1
    },
    async setFields(id: string, patch: Partial<SignupDoc>): Promise<void> {
      await coll()
        .doc(id)
        .update({ ...patch, updatedAt: clock() })
    },
    async remove(id: string): Promise<void> {
      await coll().where({ _id: id }).remove()
    },
    async removeOfMixer(mixerId: string): Promise<void> {
      await coll().where({ mixerId }).remove()
    },
  }
}

export type SignupRepository = ReturnType<typeof createSignupRepository>
