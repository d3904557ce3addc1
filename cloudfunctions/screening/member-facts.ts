/**
 * What eligibility reads about a woman: her roster record (gender, birth date,
 * tags, branch) and her screening history here. Pure over plain data.
 */
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
    unionPath: roster?.unionPath ?? [],
    screenedInProgramme: screened.some((b) => b.programmeId === programmeId),
    lastScreenedAt: last,
  }
}
