/**
 * How many roster members fall inside an audience, per branch: the denominator
 * of an officer's uptake figures. It needs every record of the audience's
 * branches, so it reads only the four fields the rules look at, narrows to the
 * audience's branches when it names any, and is kept in the instance for a
 * minute: a dashboard polled every few seconds does not re-read the roster.
 */
import { COLLECTIONS } from './collections'
import type { Db } from './db'
import { cached } from './instance-cache'
import type { RosterDoc } from './member-docs'
import { readAll } from './paginate'
import { type RosterAudience, rosterReasons } from './roster-eligibility.rules'

const TTL_MS = 60_000

export function audienceByBranch(db: Db, rules: RosterAudience, onDate: string): Promise<Map<string, number>> {
  const within = rules.within?.unionId ?? null
  const key = `roster-audience:${JSON.stringify([rules.gender, rules.ageMin, rules.ageMax, rules.tagsAny, rules.branches, within, onDate])}`
  return cached(
    db,
    key,
    async () => {
      // an owner's subtree (issue 20) or the named branches narrow the read; both indexed
      const where = rules.within
        ? { unionPath: rules.within.unionId }
        : rules.branches.length
          ? { branch: db.command.in(rules.branches) }
          : {}
      const rows = await readAll<Pick<RosterDoc, 'gender' | 'birthDate' | 'tags' | 'branch' | 'unionPath'>>(
        db.collection(COLLECTIONS.roster).where(where).field({ gender: true, birthDate: true, tags: true, branch: true, unionPath: true }),
      )
      const out = new Map<string, number>()
      for (const m of rows) if (rosterReasons(rules, m, onDate).length === 0) out.set(m.branch, (out.get(m.branch) ?? 0) + 1)
      return out
    },
    TTL_MS,
  )
}
