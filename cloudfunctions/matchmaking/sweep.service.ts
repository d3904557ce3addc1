/**
 * The minute timer: expired offers pass their place on, stale pending sign-ups
 * are given back (the kit's ledger rule), mixers past their deadline are
 * matched, and mixers past retention lose their personal data, keeping only
 * the aggregate figures.
 */
import type { Clock } from '../common/clock'
import type { MatchmakingSweepResult } from '../../types/matchmaking'
import { purgeDue } from './figures.rules'
import type { MemberDataRepository } from './member-data.repository'
import type { MixerRepository } from './mixer.repository'
import { figuresOf } from './officer.service'
import type { PicksRepository } from './picks.repository'
import type { PicksService } from './picks.service'
import type { SignupRepository } from './signup.repository'
import type { SignupService } from './signup.service'

export interface SweepDeps {
  clock: Clock
  mixers: MixerRepository
  signups: SignupRepository
  signup: SignupService
  picks: PicksRepository
  pickService: PicksService
  data: MemberDataRepository
}

export function createSweepService({ clock, mixers, signups, signup, picks, pickService, data }: SweepDeps) {
  async function purge(mixerId: string): Promise<boolean> {
    const m = await mixers.fresh(mixerId)
    if (!m || m.phase === 'purged') return false
    const rows = await signups.ofMixer(m._id)
    await mixers.movePhase(m._id, m.phase, { phase: 'purged', figures: figuresOf(m, rows) })
    await Promise.all([picks.removeOfMixer(m._id), picks.removeMatchesOf(m._id), mixers.removeDirectory(m._id)])
    // Profiles go with the mixer unless the member is signed up for another one still holding data.
    for (const d of rows) {
      const others = (await signups.ofMember(d.openid)).filter((o) => o.mixerId !== m._id)
      if (others.length === 0) await data.removeProfile(d.openid)
    }
    await signups.removeOfMixer(m._id)
    return true
  }

  return {
    purge,
    async sweep(): Promise<MatchmakingSweepResult> {
      const now = clock()
      const out: MatchmakingSweepResult = { offersExpired: 0, offersMade: 0, mixersMatched: 0, pairs: 0, mixersPurged: 0 }
      for (const d of await signups.expiredOffers(now)) {
        const m = await mixers.get(d.mixerId)
        if (!m || !(await signups.move(d, 'offered', { state: 'cancelled', rejectReason: '候补名额已过保留时间', offerExpiresAt: null }))) continue
        await signup.passDown(m, { ...d, sectorHold: null })
        out.offersExpired++
      }
      for (const phase of ['open', 'matching', 'matched'] as const) {
        for (const m of await mixers.byPhase(phase)) {
          await signups.ledger.sweepStale({ mixerId: m._id }, now)
          if (phase === 'open' && now < m.pickOpensAt) for (const g of ['M', 'F'] as const) out.offersMade += await signup.offerFreed(m, g)
          if (phase !== 'matched' && now >= m.pickClosesAt) {
            const pairs = await pickService.runMatching(m)
            out.mixersMatched++
            out.pairs += pairs
          }
          // A matching that died after publishing left its tokens: they go now (deleting none is one cheap call).
          if (phase === 'matched') await picks.removeOfMixer(m._id)
          if (purgeDue(m, now) && (await purge(m._id))) out.mixersPurged++
        }
      }
      return out
    },
  }
}
