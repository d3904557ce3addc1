/**
 * Moving a unit (issue 20): a unit strictly below her node goes under another node of her subtree,
 * with its members and everything it owns. The move is written in an order that a rerun finishes:
 * first the moved union (its old place kept in `moves`), then the paths of its subtree's unions, then
 * the paths on everything they own (union-moves.ts). Every step sets whole paths computed from the
 * moved union's new place, so running the move again after a crash at any step completes it and
 * changes nothing twice.
 */
import type { Clock } from '../common/clock'
import type { Db } from '../common/db'
import { fail } from '../common/errors'
import { rewriteOwnedPaths } from '../common/union-moves'
import { forgetUnions, type OfficerScope, type UnionDoc } from '../common/unions'
import type { MoveUnionReq, UnionDTO } from '~types/unions'
import type { UnionRepository } from './unions.repository'
import { keeps, moveRefusal, movedPath } from './unions.rules'
import { toUnionDTO } from './unions.service'

interface Deps {
  db: Db
  clock: Clock
  unions: UnionRepository
}

export function createUnionMoveService({ db, clock, unions }: Deps) {
  async function known(id: string, field: string): Promise<UnionDoc> {
    forgetUnions(db) // a move reads the tree as it is, not as this instance last cached it
    return (await unions.get(id)) ?? fail('NOT_FOUND', field, '没有找到这个工会，请刷新后重试')
  }

  /** Her subtree's unions (each now under `moved`'s new place) and everything they own get their paths. */
  async function finishMove(moved: UnionDoc): Promise<void> {
    const now = clock()
    const parentPath = moved.path.slice(0, -1)
    const nodes = (await unions.subtree(moved._id)).map((u) => ({ u, path: movedPath(u.path, moved._id, parentPath) }))
    const stale = nodes.filter(({ u, path }) => u.path.join('/') !== path.join('/'))
    for (const { u, path } of stale) await unions.setPath(u._id, path, now)
    await rewriteOwnedPaths(
      db,
      nodes.map(({ u, path }) => ({ id: u._id, path })),
    )
    forgetUnions(db)
  }

  return {
    async moveUnion(req: MoveUnionReq, scope: OfficerScope, actor: string): Promise<UnionDTO> {
      const [node, parent] = [await known(req.id, 'id'), await known(req.parentId, 'parentId')]
      if (!keeps(scope, node)) fail('FORBIDDEN', 'id', '本级工会由上级工会调整')
      const refusal = moveRefusal(node, parent)
      if (refusal) fail('INVALID_ARGUMENT', 'parentId', refusal)
      const path = [...parent.path, node._id]
      // Already there (a move cut short, or sent again): only what follows is (re)done.
      if (node.parentId !== parent._id) {
        const from = { parentId: node.parentId, path: node.path, until: clock(), by: actor }
        if (!(await unions.place(node._id, from, parent._id, path, clock()))) fail('CONFLICT')
      }
      const moved = { ...node, parentId: parent._id, path }
      await finishMove(moved)
      return toUnionDTO(moved)
    },
  }
}
