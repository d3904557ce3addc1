/**
 * The 工会组织 page (issue 20): an officer reads her node and everything below it, adds units under it,
 * renames the units below it (moves: union-move.service.ts). Who may touch which node is declared on
 * the actions (member.owners.ts); the rules here are the tree's own (levels, unique names).
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Clock } from '../common/clock'
import type { Db } from '../common/db'
import { fail } from '../common/errors'
import { covers, forgetUnions, type OfficerScope, readTree, type UnionDoc } from '../common/unions'
import type { ListUnionsRes, OfficerUnionDTO, SaveUnionReq, UnionDTO } from '~types/unions'
import type { UnionRepository } from './unions.repository'
import { keeps, newChildLevel } from './unions.rules'

interface Deps {
  db: Db
  clock: Clock
  unions: UnionRepository
}

export const toUnionDTO = (u: UnionDoc): UnionDTO => ({ id: u._id, name: u.name, parentId: u.parentId, level: u.level, path: [...u.path] })

export function officerUnionDTO(scope: OfficerScope): OfficerUnionDTO {
  return { unionId: scope.unionId, name: scope.name, level: scope.level, all: scope.all }
}

/** A new union's id: from the request, so a retry inserts the same union (and finds it there). */
function newUnionId(requestId: string | undefined): string {
  const seed = requestId ? createHash('sha256').update(`union:${requestId}`).digest('hex') : randomBytes(8).toString('hex')
  return `u-${seed.slice(0, 12)}`
}

export function createUnionService({ db, clock, unions }: Deps) {
  async function known(id: string, field: string): Promise<UnionDoc> {
    forgetUnions(db) // a keeper's write reads the tree as it is, not as this instance last cached it
    return (await unions.get(id)) ?? fail('NOT_FOUND', field, '没有找到这个工会，请刷新后重试')
  }

  async function nameFree(name: string, except?: string): Promise<void> {
    const taken = (await readTree(db)).find((u) => u.name === name && u._id !== except)
    if (taken) fail('INVALID_ARGUMENT', 'name', `已有名为「${name}」的工会，请换一个名称`)
  }

  async function create(req: SaveUnionReq, requestId: string | undefined): Promise<UnionDTO> {
    const parent = await known(req.parentId, 'parentId')
    const child = newChildLevel(parent, !!req.district)
    if ('refused' in child) fail('INVALID_ARGUMENT', 'parentId', child.refused)
    const { level } = child
    const id = newUnionId(requestId)
    const again = await unions.get(id)
    if (again) return toUnionDTO(again)
    await nameFree(req.name)
    const now = clock()
    const doc: UnionDoc = {
      _id: id,
      name: req.name,
      parentId: parent._id,
      level,
      path: [...parent.path, id],
      moves: [],
      createdAt: now,
      updatedAt: now,
    }
    if (!(await unions.insert(doc))) {
      const mine = await unions.get(id)
      if (!mine) fail('INVALID_ARGUMENT', 'name', `已有名为「${req.name}」的工会，请换一个名称`)
      return toUnionDTO(mine)
    }
    forgetUnions(db)
    return toUnionDTO(doc)
  }

  async function rename(req: SaveUnionReq & { id: string }, by: OfficerScope): Promise<UnionDTO> {
    const node = await known(req.id, 'id')
    if (!keeps(by, node)) fail('FORBIDDEN', 'id', '本级工会的名称由上级工会维护')
    if (node.name !== req.name) {
      await nameFree(req.name, node._id)
      await unions.rename(node._id, req.name, clock())
      forgetUnions(db)
    }
    return toUnionDTO({ ...node, name: req.name })
  }

  return {
    async listUnions(scope: OfficerScope): Promise<ListUnionsRes> {
      const tree = (await readTree(db)).filter((u) => covers(scope, u.path))
      const top = scope.unionId ?? tree[0]?._id
      const [members, officers] = tree.length
        ? await Promise.all([unions.memberCounts(top!), unions.officerCounts(tree.map((u) => u._id))])
        : [new Map<string, number>(), new Map<string, number>()]
      return {
        unions: tree.map((u) => ({
          ...toUnionDTO(u),
          members: members.get(u._id) ?? 0,
          officers: officers.get(u._id) ?? 0,
          canEdit: keeps(scope, u),
        })),
        own: officerUnionDTO(scope),
      }
    },

    saveUnion(req: SaveUnionReq, scope: OfficerScope, requestId: string | undefined): Promise<UnionDTO> {
      return req.id ? rename({ ...req, id: req.id }, scope) : create(req, requestId)
    },
  }
}

export type UnionService = ReturnType<typeof createUnionService>
