/**
 * openid → roster facts, for one person or many: ONE read per thousand people
 * (roster records by `boundOpenid`), never a read or two per person. The roster
 * side of the binding is the unique one (bind and unbind are conditional on the
 * record), so a record bound to her openid answers "is she a verified member";
 * two records naming one openid (a crash mid-verify) count as none until she
 * verifies again. `one` reads go through the kit's batched reader: the look-ups
 * of concurrent calls on the instance share a query.
 */
import { batchedReader } from './batched-read'
import { COLLECTIONS } from './collections'
import type { Db } from './db'
import { maskName } from './mask'
import type { RosterDoc } from './member-docs'
import { PAGE_MAX } from './paginate'

export interface RosterLookup {
  /** The verified members among these openids, keyed by openid; others are absent. */
  many(openids: readonly string[]): Promise<Map<string, RosterDoc>>
  one(openid: string): Promise<RosterDoc | null>
  /** Masked names (李*) for staff screens; '' for someone who is not (or no longer) a member. */
  maskedNames(openids: readonly string[]): Promise<Map<string, string>>
}

async function rosterOf(db: Db, openids: readonly string[]): Promise<Map<string, RosterDoc>> {
  const ids = [...new Set(openids.filter(Boolean))]
  const found = new Map<string, RosterDoc[]>()
  for (let i = 0; i < ids.length; i += PAGE_MAX / 2) {
    const chunk = ids.slice(i, i + PAGE_MAX / 2)
    // limit: room for a second record per openid, so a doubled binding is seen (and refused) rather than hidden
    const res = await db
      .collection(COLLECTIONS.roster)
      .where({ boundOpenid: chunk.length === 1 ? chunk[0] : db.command.in(chunk) })
      .limit(chunk.length * 2)
      .get()
    for (const r of res.data as unknown as RosterDoc[]) found.set(r.boundOpenid!, [...(found.get(r.boundOpenid!) ?? []), r])
  }
  return new Map([...found].filter(([, rows]) => rows.length === 1).map(([openid, rows]) => [openid, rows[0]]))
}

const oneRoster = batchedReader<RosterDoc>(rosterOf)

export function createRosterLookup(deps: { db: Db }): RosterLookup {
  const { db } = deps
  const many = (openids: readonly string[]) => rosterOf(db, openids)
  return {
    many,
    one: (openid) => (openid ? oneRoster(db, openid) : Promise.resolve(null)),
    async maskedNames(openids) {
      const found = await many(openids)
      return new Map(openids.map((o) => [o, found.has(o) ? maskName(found.get(o)!.name) : '']))
    },
  }
}
