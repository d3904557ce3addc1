/**
 * The tree's rules (issue 20), pure: who keeps which node, and where a unit may move. Officers of the
 * level above keep a node: an officer adds units under her own node or any below it, renames and moves
 * only those strictly below it (her own node is her superiors' to rename), and a grassroots union has
 * no units of its own.
 */
import { childLevel, type UnionLevel } from '~types/unions'
import type { OfficerScope } from '../common/unions'

export interface TreeNode {
  _id: string
  name: string
  parentId: string | null
  level: UnionLevel
  path: string[]
}

/** Strictly below her node: the nodes she renames and moves (the city keeps every node but the root). */
export function keeps(scope: OfficerScope, node: Pick<TreeNode, 'path' | 'parentId'>): boolean {
  if (node.parentId === null) return false
  return scope.all || node.path.slice(0, -1).includes(scope.unionId)
}

/** The level of a new unit under `parent`, or why it cannot have one. */
export function newChildLevel(parent: TreeNode, district: boolean): { level: UnionLevel } | { refused: string } {
  if (district && parent.level !== 'city') return { refused: '区（县）总工会只能设在市总工会之下' }
  const level = childLevel(parent.level, district)
  return level ? { level } : { refused: `「${parent.name}」是基层工会，不能再设下级工会` }
}

/** Why `node` cannot move under `parent`, or null when it can (grassroots under a district or the city; a district only under the city). */
export function moveRefusal(node: TreeNode, parent: TreeNode): string | null {
  if (node.parentId === null) return '市总工会不能移动'
  if (parent.path.includes(node._id)) return '不能移到它自己或它的下级工会之下'
  if (node.level === 'district' && parent.level !== 'city') return '区（县）总工会只能设在市总工会之下'
  if (node.level === 'grassroots' && parent.level === 'grassroots') return `「${parent.name}」是基层工会，不能再设下级工会`
  return null
}

/** Where each node of a moved subtree sits after the move: the new parent's path, then the part from the moved unit down. */
export function movedPath(path: readonly string[], movedId: string, parentPath: readonly string[]): string[] {
  return [...parentPath, ...path.slice(path.indexOf(movedId))]
}
