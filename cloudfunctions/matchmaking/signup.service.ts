/**
 * Sign-up on the kit's ledger and place store: a place per gender (and a sector
 * quota place where the mixer caps the sector) taken by ONE conditional update
 * each; when the gender is full the member joins that gender's waiting list in
 * arrival order (a counter beside the places). A freed place never becomes free
 * while someone waits: it is handed down (transfer) as a timed offer.
 */
import { randomBytes } from 'node:crypto'
import type { Clock } from '../common/clock'
import { AppError, fail } from '../common/errors'
import type { SignupDTO } from '../../types/matchmaking'
import type { MixerDoc, SignupDoc } from './matchmaking.docs'
import { signupDTO } from './matchmaking.dto'
import { genderPlaceId, sectorPlaceId, type MixerRepository } from './mixer.repository'
import type { SignupRepository } from './signup.repository'
import { signupId } from './signup.repository'

export interface SignupDeps {
  clock: Clock
  mixers: MixerRepository
  signups: SignupRepository
}

export const newRef = () => randomBytes(12).toString('base64url')

export function createSignupService({ clock, mixers, signups }: SignupDeps) {
  const dto = async (d: SignupDoc, m: MixerDoc) => signupDTO(d, m.title, d.state === 'waiting' ? await signups.position(d) : null)

  /** `fromKey`'s gender place goes to the first in line (an offer), or back to the pool if nobody waits. */
  async function passDown(m: MixerDoc, d: SignupDoc): Promise<void> {
    const placeId = genderPlaceId(m._id, d.gender)
    if (d.sectorHold) await mixers.places.release(sectorPlaceId(m._id, d.sectorHold), d.claimId)
    for (let tries = 0; tries < 20; tries++) {
      const next = await signups.nextWaiting(m._id, d.gender)
      if (!next) break
      const offerExpiresAt = clock() + m.offerHoldMinutes * 60_000
      if (!(await signups.move(next, 'waiting', { state: 'offered', offerExpiresAt }))) continue
      if (await mixers.places.transfer(placeId, d.claimId, next.claimId, { ref: next.ref })) return
      await signups.move(next, 'offered', { state: 'waiting', offerExpiresAt: null }) // the place had gone already
      return
    }
    await mixers.places.release(placeId, d.claimId)
  }

  /**
   * A place free while someone of that gender waits (a release that raced a new arrival joining the line):
   * the timer offers it to the first in line. The take decides; a lost race changes nothing.
   */
  async function offerFreed(m: MixerDoc, gender: SignupDoc['gender']): Promise<number> {
    let n = 0
    const placeId = genderPlaceId(m._id, gender)
    while ((await mixers.placeLeft(placeId)) > 0) {
      const next = await signups.nextWaiting(m._id, gender)
      if (!next || !(await mixers.places.take(placeId, next.claimId, { ref: next.ref }))) return n
      if (await signups.move(next, 'waiting', { state: 'offered', offerExpiresAt: clock() + m.offerHoldMinutes * 60_000 })) n++
      else await mixers.places.release(placeId, next.claimId)
    }
    return n
  }

  return {
    dto,
    passDown,
    offerFreed,
    async signUp(openid: string, m: MixerDoc, base: Omit<SignupDoc, '_id' | 'claimId' | 'pendingAt' | 'state' | 'ref' | 'seq' | 'offerExpiresAt' | 'rejectReason' | 'checkedInAt' | 'badge' | 'publicKey' | 'updatedAt' | 'signedUpAt' | 'sectorHold'>, requestId: string | undefined): Promise<SignupDTO> {
      const now = clock()
      const doc: SignupDoc = {
        ...base, _id: signupId(m._id, openid), claimId: newRef(), pendingAt: now, requestId: requestId ?? null, state: 'pending',
        ref: newRef(), seq: null, offerExpiresAt: null, rejectReason: null, checkedInAt: null, badge: null, publicKey: null,
        signedUpAt: now, updatedAt: now, sectorHold: m.sectorQuotas[base.profile.sector] !== undefined ? base.profile.sector : null,
      }
      const confirmed = m.review === 'auto' ? 'approved' : 'review'
      const placeId = genderPlaceId(m._id, doc.gender)
      // Full already (the usual case once the rush is over): straight into the line, no place to try for.
      if ((await mixers.placeLeft(placeId)) > 0) {
        try {
          const r = await signups.ledger.claim(doc, () => ({ state: confirmed, updatedAt: now }))
          if (r.outcome === 'exists') fail('ALREADY_SIGNED_UP')
          return dto(r.doc, m)
        } catch (e) {
          if (!(e instanceof AppError && e.code === 'MIXER_FULL')) throw e
        }
      }
      const seq = await mixers.nextWaitSeq(placeId)
      const waiting: SignupDoc = { ...doc, state: 'waiting', seq }
      // Create-only, or over her own failed attempt; anything else means another attempt of hers decided.
      if (!(await signups.insert(waiting)) && !(await signups.move(doc, 'failed', { state: 'waiting', seq }))) fail('ALREADY_SIGNED_UP')
      return dto(waiting, m)
    },

    async cancel(openid: string, m: MixerDoc, reason: 'cancelled' | 'withdrawn' = 'cancelled'): Promise<SignupDTO> {
      const d = await signups.get(signupId(m._id, openid))
      if (!d || !['review', 'approved', 'waiting', 'offered'].includes(d.state)) fail('NOT_FOUND', 'mixerId')
      if (d.checkedInAt) fail('MIXER_CHECKIN_CLOSED')
      if (!(await signups.move(d, d.state, { state: reason }))) fail('CONFLICT')
      if (d.state !== 'waiting') await passDown(m, d)
      return dto({ ...d, state: reason }, m)
    },

    async acceptOffer(openid: string, m: MixerDoc): Promise<SignupDTO> {
      const d = await signups.get(signupId(m._id, openid))
      if (!d || d.state !== 'offered') fail('NOT_FOUND', 'mixerId')
      if ((d.offerExpiresAt ?? 0) < clock()) fail('OFFER_EXPIRED')
      if (d.sectorHold && !(await mixers.places.take(sectorPlaceId(m._id, d.sectorHold), d.claimId, { ref: d.ref }))) {
        await this.declineOffer(openid, m)
        fail('SECTOR_FULL')
      }
      const state = m.review === 'auto' ? 'approved' : 'review'
      if (!(await signups.move(d, 'offered', { state, offerExpiresAt: null }))) fail('CONFLICT')
      return dto({ ...d, state }, m)
    },

    async declineOffer(openid: string, m: MixerDoc): Promise<SignupDTO> {
      const d = await signups.get(signupId(m._id, openid))
      if (!d || d.state !== 'offered') fail('NOT_FOUND', 'mixerId')
      if (!(await signups.move(d, 'offered', { state: 'cancelled', offerExpiresAt: null }))) fail('CONFLICT')
      await passDown(m, { ...d, sectorHold: null })
      return dto({ ...d, state: 'cancelled' }, m)
    },
  }
}

export type SignupService = ReturnType<typeof createSignupService>
