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
import type { SignupDTO } from '~types/matchmaking'
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

const newRef = () => randomBytes(12).toString('base64url')

/** What the member brings to a sign-up (her profile as the mixer shows it). */
type SignupBase = Pick<SignupDoc, 'mixerId' | 'openid' | 'gender' | 'profile' | 'maskedName'>

/** A pending claim, fresh ids; it names the sector quota place too when the mixer caps her sector. */
function newSignup(m: MixerDoc, base: SignupBase, now: number, requestId: string | undefined): SignupDoc {
  return {
    ...base,
    _id: signupId(m._id, base.openid),
    claimId: newRef(),
    pendingAt: now,
    requestId: requestId ?? null,
    state: 'pending',
    ref: newRef(),
    seq: null,
    offerExpiresAt: null,
    rejectReason: null,
    checkedInAt: null,
    badge: null,
    publicKey: null,
    lastRequestId: null,
    signedUpAt: now,
    updatedAt: now,
    sectorHold: m.sectorQuotas[base.profile.sector] !== undefined ? base.profile.sector : null,
  }
}

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
   * A place free while someone of that gender waits (a release that raced a new arrival joining the line, or an
   * orphaned hold the sweeper gave back): offered to the first in line. She is moved to `offered` before the place
   * is taken, as `passDown` does, so the sweeper never sees a place held by someone still waiting.
   */
  async function offerFreed(m: MixerDoc, gender: SignupDoc['gender']): Promise<number> {
    let n = 0
    const placeId = genderPlaceId(m._id, gender)
    while ((await mixers.placeLeft(placeId)) > 0) {
      const next = await signups.nextWaiting(m._id, gender)
      if (!next || !(await signups.move(next, 'waiting', { state: 'offered', offerExpiresAt: clock() + m.offerHoldMinutes * 60_000 })))
        return n
      if (await mixers.places.take(placeId, next.claimId, { ref: next.ref })) n++
      else return (await signups.move(next, 'offered', { state: 'waiting', offerExpiresAt: null }), n) // taken meanwhile
    }
    return n
  }

  /** Her sign-up as a same-id request left it: in one of `states`, moved by that request. */
  async function movedBy(
    openid: string,
    m: MixerDoc,
    states: SignupDoc['state'][],
    requestId: string | undefined,
  ): Promise<SignupDTO | null> {
    const d = requestId ? await signups.get(signupId(m._id, openid)) : null
    return d && states.includes(d.state) && d.lastRequestId === requestId ? dto(d, m) : null
  }

  return {
    dto,
    passDown,
    offerFreed,
    movedBy,
    /** Her sign-up as a same-id `signUp` left it (the claim carries the request id); a pending one is resumed by running again. */
    async signedUpBy(openid: string, m: MixerDoc, requestId: string | undefined): Promise<SignupDTO | null> {
      const d = requestId ? await signups.get(signupId(m._id, openid)) : null
      return d && d.requestId === requestId && d.state !== 'pending' && d.state !== 'failed' ? dto(d, m) : null
    },
    async signUp(m: MixerDoc, base: SignupBase, requestId: string | undefined): Promise<SignupDTO> {
      const doc = newSignup(m, base, clock(), requestId)
      const placeId = genderPlaceId(m._id, doc.gender)
      // Full already (the usual case once the rush is over): straight into the line, no place to try for.
      if ((await mixers.placeLeft(placeId)) > 0) {
        try {
          const r = await signups.ledger.claim(doc, () => ({
            state: m.review === 'auto' ? 'approved' : 'review',
            updatedAt: doc.pendingAt,
          }))
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

    /** A crash after the move leaves her place held by a cancelled sign-up: the sweeper gives it back (sweepHolders). */
    async cancel(openid: string, m: MixerDoc, reason: 'cancelled' | 'withdrawn', requestId: string | null): Promise<SignupDTO> {
      const d = await signups.get(signupId(m._id, openid))
      if (!d || !['review', 'approved', 'waiting', 'offered'].includes(d.state)) fail('NOT_FOUND', 'mixerId')
      if (d.checkedInAt) fail('MIXER_CHECKIN_CLOSED')
      if (!(await signups.move(d, d.state, { state: reason, lastRequestId: requestId }))) fail('CONFLICT')
      if (d.state !== 'waiting') await passDown(m, d)
      return dto({ ...d, state: reason }, m)
    },

    async acceptOffer(openid: string, m: MixerDoc, requestId: string | null): Promise<SignupDTO> {
      const d = await signups.get(signupId(m._id, openid))
      if (!d || d.state !== 'offered') fail('NOT_FOUND', 'mixerId')
      if ((d.offerExpiresAt ?? 0) < clock()) fail('OFFER_EXPIRED')
      if (d.sectorHold && !(await mixers.places.take(sectorPlaceId(m._id, d.sectorHold), d.claimId, { ref: d.ref }))) {
        await this.declineOffer(openid, m, requestId)
        fail('SECTOR_FULL')
      }
      const state = m.review === 'auto' ? 'approved' : 'review'
      if (!(await signups.move(d, 'offered', { state, offerExpiresAt: null, lastRequestId: requestId }))) fail('CONFLICT')
      return dto({ ...d, state }, m)
    },

    async declineOffer(openid: string, m: MixerDoc, requestId: string | null): Promise<SignupDTO> {
      const d = await signups.get(signupId(m._id, openid))
      if (!d || d.state !== 'offered') fail('NOT_FOUND', 'mixerId')
      if (!(await signups.move(d, 'offered', { state: 'cancelled', offerExpiresAt: null, lastRequestId: requestId }))) fail('CONFLICT')
      await passDown(m, { ...d, sectorHold: null })
      return dto({ ...d, state: 'cancelled' }, m)
    },
  }
}

export type SignupService = ReturnType<typeof createSignupService>
