/**
 * `unions` as member writes it (the tree's reads, cached per instance, are the kit's: common/unions.ts),
 * and the figures the 工会组织 page shows per node: members (roster records whose path passes through
 * it) and officers.
 */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { insertOnce } from '../common/db-errors'
import { readAll, rowsOf } from '../common/paginate'
import type { UnionDoc } from '../common/unions'
import { OWNED_COLLECTIONS } from '../common/union-moves'
import type { StoredRole } from '../common/member-docs'

type Move = UnionDoc['moves'][number]

export function createUnionRepository(db: Db) {
  const col = () => db.collection(COLLECTIONS.unions)
  const _ = db.command
  return {
    /** False when the id (the same request again) or the name is taken (the unique `name` index decides a race). */
    insert: (doc: UnionDoc) => insertOnce(col(), doc),
    async get(id: string): Promise<UnionDoc | null> {
      return rowsOf<UnionDoc>(await col().doc(id).get())[0] ?? null
    },
    /** A renamed union's name also on what it owns: 主办 on its things, 所属工会 on its members' records. */
    async rename(id: string, name: string, now: number): Promise<void> {
      await col().doc(id).update({ name, updatedAt: now })
      await Promise.all(
        OWNED_COLLECTIONS.map((c) =>
          db
            .collection(c)
            .where({ unionId: id })
            .update(c === COLLECTIONS.roster ? { branch: name, updatedAt: now } : { organiser: name }),
        ),
      )
    },
    /** The move itself, once: only while the union still sits where the caller saw it. */
    async place(id: string, from: Move, parentId: string, path: string[], now: number): Promise<boolean> {
      const res = await col()
        .where({ _id: id, parentId: from.parentId })
        .update({ parentId, path: _.set(path), moves: _.push(from), updatedAt: now })
      return res.updated === 1
    },
    /** The unions whose path passes through `id` (itself and its subtree). */
    subtree: (id: string): Promise<UnionDoc[]> => readAll<UnionDoc>(col().where({ path: id })),
    async setPath(id: string, path: string[], now: number): Promise<void> {
      await col()
        .doc(id)
        .update({ path: _.set(path), updatedAt: now })
    },
    /** Members per node, counting everyone below it: one aggregate over the roster records under `top`. */
    async memberCounts(top: string): Promise<Map<string, number>> {
      const res = await db
        .collection(COLLECTIONS.roster)
        .aggregate()
        .match({ unionPath: top })
        .unwind('$unionPath')
        .sortByCount('$unionPath')
        .limit(5000)
        .end()
      const rows = ((res as { data?: unknown[] }).data ?? []) as { _id: string; count: number }[]
      return new Map(rows.map((r) => [r._id, r.count]))
    },
    /** Officers per node (her own node only: an officer of the city is not counted again under each district). */
    async officerCounts(ids: string[]): Promise<Map<string, number>> {
      const counts = new Map<string, number>()
      for (let i = 0; i < ids.length; i += 500) {
        const users = await readAll<{ roles: StoredRole[] }>(
          db
            .collection(COLLECTIONS.users)
            .where({ 'roles.unionId': _.in(ids.slice(i, i + 500)) })
            .field({ roles: true }),
        )
        for (const u of users)
          for (const r of u.roles) if (r.role === 'officer' && r.unionId) counts.set(r.unionId, (counts.get(r.unionId) ?? 0) + 1)
      }
      return counts
    },
  }
}

export type UnionRepository = ReturnType<typeof createUnionRepository>
