/**
 * The minute timer, on the kit's sweeper (common/sweeper.ts): ONE task per mixer, so a mixer whose
 * sweep throws (a corrupt document) does not stop the others; the next tick retries it. Each task:
 * stale pending sign-ups are given back (the ledger's rule), seat holds whose sign-up is gone, given
 * back or stale are returned (`sweepHolders`: a cancel that died after its move leaves one), expired
 * offers pass their place on, free places go to the first in line, mixers past their deadline are
 * matched, and mixers past retention lose their personal data, keeping only the aggregate figures.
 */
import type { ClaimLedger } from '../common/claim-ledger'
import type { Clock } from '../common/clock'
import type { StoredHolder } from '../common/place-store'
import { runSweep, sweepHolders, type SweepTask } from '../common/sweeper'
import type { MatchmakingSweepResult } from '~types/matchmaking'
import { purgeDue } from './figures.rules'
import type { MixerDoc, SignupDoc } from './matchmaking.docs'
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
  /** The kit's own tasks every sweep runs (request markers past their time). */
  kitTasks: SweepTask[]
}

const LIVE_PHASES = ['open', 'matching', 'matched'] as const

/** Which sign-ups hold a place: one being claimed, or one placed (under review, approved, offered a freed place). */
const stateOf = (d: SignupDoc): 'pending' | 'final' | 'gone' =>
  d.state === 'pending' ? 'pending' : d.state === 'review' || d.state === 'approved' || d.state === 'offered' ? 'final' : 'gone'

export function createSweepService({ clock, mixers, signups, signup, picks, pickService, data, kitTasks }: SweepDeps) {
  const claimOf = (_key: string, h: StoredHolder) => (typeof h.ref === 'string' ? h.ref : null)

  /**
   * Holders carry the sign-up's ref (never an openid): the sweeper finds the claim by it. One query reads the
   * mixer's sign-ups instead of one read per holder; only a placed sign-up is taken from it (a placed one is never
   * released, so a stale copy can only delay a release to the next tick), anything else is read afresh (a waiting
   * one may have been offered this very place since). A claim made anew has a new ref, so it is never mistaken.
   */
  async function claimsOf(m: MixerDoc): Promise<ClaimLedger<SignupDoc>> {
    const placed = new Map((await signups.ofMixer(m._id)).filter((d) => stateOf(d) === 'final').map((d) => [d.ref, d]))
    return { ...signups.ledger, get: async (ref: string) => placed.get(ref) ?? signups.byRef(ref) }
  }

  async function releaseOrphans(m: MixerDoc, now: number): Promise<number> {
    let n = await signups.ledger.sweepStale({ mixerId: m._id }, now)
    const held = (await mixers.placeDocs(m._id)).filter((p) => Object.keys(p.holders ?? {}).length > 0)
    const ledger = held.length ? await claimsOf(m) : signups.ledger
    for (const p of held)
      n += await sweepHolders({ store: mixers.places, docId: p._id, ledger, claimOf, holdsOf: signups.holdsOf, stateOf }, now)
    return n
  }

  async function purge(m: MixerDoc): Promise<boolean> {
    const rows = await signups.ofMixer(m._id)
    if (!(await mixers.movePhase(m._id, m.phase, { phase: 'purged', figures: figuresOf(m, rows) }))) return false
    await Promise.all([picks.removeOfMixer(m._id), picks.removeMatchesOf(m._id), mixers.removeDirectory(m._id)])
    // Profiles go with the mixer unless the member is signed up for another one still holding data (one query for all).
    const openids = [...new Set(rows.map((d) => d.openid))]
    const elsewhere = new Set((await signups.ofMembers(openids)).filter((o) => o.mixerId !== m._id).map((o) => o.openid))
    await data.removeProfiles(openids.filter((o) => !elsewhere.has(o)))
    await signups.removeOfMixer(m._id)
    return true
  }

  /** Offers past their hold pass their place on; answers how many. */
  async function expireOffers(m: MixerDoc, offers: SignupDoc[]): Promise<number> {
    let n = 0
    for (const d of offers) {
      if (!(await signups.move(d, 'offered', { state: 'cancelled', rejectReason: '候补名额已过保留时间', offerExpiresAt: null }))) continue
      await signup.passDown(m, { ...d, sectorHold: null })
      n++
    }
    return n
  }

  /** One mixer's share of the tick; adds to `out` as it goes. Answers the holds it gave back. */
  async function sweepMixer(m: MixerDoc, offers: SignupDoc[], now: number, out: MatchmakingSweepResult): Promise<number> {
    const released = await releaseOrphans(m, now)
    out.offersExpired += await expireOffers(m, offers)
    if (m.phase === 'open' && now < m.pickOpensAt) for (const g of ['M', 'F'] as const) out.offersMade += await signup.offerFreed(m, g)
    if (m.phase !== 'matched' && now >= m.pickClosesAt) {
      out.pairs += await pickService.runMatching(m)
      out.mixersMatched++
    }
    // A matching that died after publishing left its tokens: they go now (deleting none is one cheap call).
    if (m.phase === 'matched') await picks.removeOfMixer(m._id)
    const fresh = purgeDue(m, now) ? await mixers.fresh(m._id) : null
    if (fresh && fresh.phase !== 'purged' && (await purge(fresh))) out.mixersPurged++
    return released
  }

  return {
    async sweep(): Promise<MatchmakingSweepResult> {
      const now = clock()
      const out: MatchmakingSweepResult = {
        holdsReleased: 0,
        offersExpired: 0,
        offersMade: 0,
        mixersMatched: 0,
        pairs: 0,
        mixersPurged: 0,
        mixersFailed: 0,
      }
      const [live, offers] = await Promise.all([Promise.all(LIVE_PHASES.map((p) => mixers.byPhase(p))), signups.expiredOffers(now)])
      const ran = new Set<string>()
      const tasks = live.flat().map((m): SweepTask => ({
        name: m._id,
        run: async (t) => {
          const released = await sweepMixer(
            m,
            offers.filter((d) => d.mixerId === m._id),
            t,
            out,
          )
          ran.add(m._id)
          return released
        },
      }))
      const done = await runSweep(tasks, now)
      out.holdsReleased = Object.values(done).reduce((a, b) => a + b, 0)
      out.mixersFailed = tasks.filter((t) => !ran.has(t.name)).length
      await runSweep(kitTasks, now)
      return out
    },
  }
}
