/**
 * What eligibility reads about a woman: her roster record (gender, birth date,
 * tags, branch) and her screening history here. Pure over plain data.
 */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import type { RosterDoc } from '../common/member-docs'
import type { MemberFacts } from './eligibility.rules'
import type { BookingDoc } from './screening.docs'

export function factsOf(roster: RosterDoc | null, history: BookingDoc[], programmeId: string): MemberFacts {
  const screened = history.filter((b) => b.checkedInAt !== null && b.status === 'checked_in')
  const last = screened.reduce<number | null>((m, b) => (m === null || b.checkedInAt! > m ? b.checkedInAt : m), null)
  return {
    verified: roster !== null,
    gender: roster?.gender ?? '',
    birthDate: roster?.birthDate ?? '',
    tags: roster?.tags ?? [],
    branch: roster?.branch ?? '',
    screenedInProgramme: screened.some((b) => b.programmeId === programmeId),
    lastScreenedAt: last,
  }
}

/**
 * The booking hot path's member check in ONE read: the roster record bound to
 * her openid. The roster side of the binding is the one that is unique (bind
 * and unbind are conditional on it), so it answers "is she a verified member"
 * as auth.ts's two reads do; null when she is not.
 */
export async function boundRoster(db: Db, openid: string): Promise<RosterDoc | null> {
  const res = await db.collection(COLLECTIONS.roster).where({ boundOpenid: openid }).limit(2).get()
  const found = res.data as unknown as RosterDoc[]
  return found.length === 1 ? found[0] : null
}
