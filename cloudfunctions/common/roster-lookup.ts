/**
 * openid → roster facts, for many people at once: two reads per thousand people
 * (their users, then their roster records), never two reads per person. A person
 * counts as a member only while both sides of the binding agree (verified user
 * pointing at a record bound to that same openid), exactly as `auth.ts` checks
 * the caller.
 */
import { COLLECTIONS } from './collections'
import type { Db } from './db'
import { maskName } from './mask'
import type { RosterDoc, UserDoc } from './member-docs'
import { PAGE_MAX } from './paginate'

async function byIds<T extends { _id: string }>(db: Db, coll: string, ids: string[]): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += PAGE_MAX) {
    const chunk = ids.slice(i, i + PAGE_MAX)
    const res = await db.collection(coll).where({ _id: db.command.in(chunk) }).limit(chunk.length).get()
    out.push(...(res.data as unknown as T[]))
  }
  return out
}

export interface RosterLookup {
  /** The verified members among these openids, keyed by openid; others are absent. */
  many(openids: readonly string[]): Promise<Map<string, RosterDoc>>
  one(openid: string): Promise<RosterDoc | null>
  /** Masked names (李*) for staff screens; '' for someone who is not (or no longer) a member. */
  maskedNames(openids: readonly string[]): Promise<Map<string, string>>
}

export function createRosterLookup(deps: { db: Db }): RosterLookup {
  const { db } = deps
  async function many(openids: readonly string[]): Promise<Map<string, RosterDoc>> {
    const ids = [...new Set(openids.filter(Boolean))]
    if (ids.length === 0) return new Map()
    const users = (await byIds<UserDoc>(db, COLLECTIONS.users, ids)).filter((u) => u.verifiedAt && u.rosterId)
    const rosterIds = [...new Set(users.map((u) => u.rosterId!))]
    const rows = new Map((await byIds<RosterDoc>(db, COLLECTIONS.roster, rosterIds)).map((r) => [r._id, r]))
    const out = new Map<string, RosterDoc>()
    for (const u of users) {
      const r = rows.get(u.rosterId!)
      if (r && r.boundOpenid === u._id) out.set(u._id, r)
    }
    return out
  }
  return {
    many,
    async one(openid) {
      return (await many([openid])).get(openid) ?? null
    },
    async maskedNames(openids) {
      const found = await many(openids)
      return new Map(openids.map((o) => [o, found.has(o) ? maskName(found.get(o)!.name) : '']))
    },
  }
}
