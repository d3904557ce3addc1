/**
 * The officers' console tables over mixers and sign-ups (issue 18): a page on a declared index with its
 * total (common/table-query.ts), and the sign-ups of one mixer counted per gender and state in ONE
 * aggregate, so the balance beside the table costs one call whatever the mixer's size.
 */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { readTablePage } from '../common/table-query'
import type { Gender, MixerSignupWindow, MixerTableRequest, ReviewTableRequest, SignupStatus } from '~types/matchmaking'
import type { TablePage } from '~types/table'
import type { MixerDoc, SignupDoc } from './matchmaking.docs'

/** The states the review queue shows by default: every sign-up that was made (not the cancelled ones). */
export const REVIEWED: SignupStatus[] = ['review', 'approved', 'waiting', 'offered', 'rejected']
/** The states that hold or wait for a place: what the balance counts. */
const BALANCED = ['review', 'approved', 'waiting', 'offered'] as const

export type Tally = Record<Gender, Record<(typeof BALANCED)[number], number>>

export function createOfficerTablesRepository(db: Db) {
  const _ = db.command
  const signups = () => db.collection(COLLECTIONS.mixerSignups)

  /** Each window pins `signupClosesAt` (index), so the city's filtered list is served too. */
  function windowWhere(w: MixerSignupWindow, now: number): Record<string, unknown> {
    if (w === 'closed') return { signupClosesAt: _.lte(now) }
    return { signupClosesAt: _.gt(now), signupOpensAt: w === 'open' ? _.lte(now) : _.gt(now) }
  }

  return {
    /** One mixer's sign-ups (index `mixerId_signedUpAt`); without a status, every one that was made. */
    signupPage(req: ReviewTableRequest): Promise<TablePage<SignupDoc>> {
      const where: Record<string, unknown> = { mixerId: req.mixerId, state: req.status ?? _.in(REVIEWED) }
      if (req.gender) where.gender = req.gender
      if (req.sector) where['profile.sector'] = req.sector
      return readTablePage<SignupDoc>(signups(), where, req, { field: 'signedUpAt', order: 'asc' })
    },
    /** `owned`: her subtree (unions.ts ownedWhere, index `unionPath`); soonest first by default (the evening under way or next). */
    mixerPage(owned: { unionPath?: string }, req: MixerTableRequest, now: number): Promise<TablePage<MixerDoc>> {
      const where: Record<string, unknown> = { ...owned, ...(req.signup ? windowWhere(req.signup, now) : {}) }
      if (req.phase) where.phase = req.phase
      return readTablePage<MixerDoc>(db.collection(COLLECTIONS.mixers), where, req, { field: 'startsAt', order: 'asc' })
    },
    /** Sign-ups holding or waiting for a place, per gender and state: one aggregate. */
    async tally(mixerId: string): Promise<Tally> {
      const $ = _.aggregate
      const res = await signups()
        .aggregate()
        .match({ mixerId, state: _.in([...BALANCED]) })
        .group({ _id: { g: '$gender', s: '$state' }, n: $.sum(1) })
        .end()
      const zero = () => ({ review: 0, approved: 0, waiting: 0, offered: 0 })
      const out: Tally = { M: zero(), F: zero() }
      for (const r of ((res as { data?: unknown[] }).data ?? []) as { _id: { g: Gender; s: (typeof BALANCED)[number] }; n: number }[])
        if (out[r._id.g]) out[r._id.g][r._id.s] = r.n
      return out
    },
  }
}

export type OfficerTablesRepository = ReturnType<typeof createOfficerTablesRepository>
