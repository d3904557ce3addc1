/**
 * Where an imported row belongs in the union tree (issue 20), and whether the officer importing it may
 * put it there: its 所属工会 is matched by name against the tree (any level); a union outside her
 * subtree, an unknown name, or a member already registered outside her subtree is refused row by row
 * with the reason. A federation that has not entered its tree yet imports as before, without places
 * (only the city reaches those records).
 */
import type { RosterDoc } from '../common/member-docs'
import { covers, type OfficerScope } from '../common/unions'
import type { RosterFields } from './roster.repository'
import type { TreeNode } from './unions.rules'

export interface PlacedRows {
  rows: RosterFields[]
  /** The file line of each stored row. */
  lines: number[]
  errors: { line: number; reason: string }[]
}

function placeOne(
  row: RosterFields,
  byName: Map<string, TreeNode>,
  scope: OfficerScope,
  existing: RosterDoc | undefined,
): RosterFields | string {
  const union = byName.get(row.branch)
  if (!union) return `所属工会「${row.branch}」不在工会组织中，请核对名称，或先在「工会组织」中添加`
  if (!covers(scope, union.path)) return `所属工会「${row.branch}」不属于${scope.name}，不能导入`
  if (existing && !covers(scope, existing.unionPath))
    return `会员证号 ${row.cardNo} 已登记在「${existing.branch}」，不属于${scope.name}，请联系上级工会调整`
  return { ...row, unionId: union._id, unionPath: [...union.path] }
}

/** The rows she may store, each with its place; `lines[i]` is the file line of `rows[i]`. */
export function placeRows(
  rows: readonly RosterFields[],
  lines: readonly number[],
  tree: readonly TreeNode[],
  scope: OfficerScope,
  existing: ReadonlyMap<string, RosterDoc>,
): PlacedRows {
  if (tree.length === 0) return { rows: rows.map((r) => ({ ...r, unionId: null, unionPath: [] })), lines: [...lines], errors: [] }
  const byName = new Map(tree.map((u) => [u.name, u]))
  const out: PlacedRows = { rows: [], lines: [], errors: [] }
  rows.forEach((row, i) => {
    const placed = placeOne(row, byName, scope, existing.get(row.cardNo))
    if (typeof placed === 'string') out.errors.push({ line: lines[i], reason: placed })
    else {
      out.rows.push(placed)
      out.lines.push(lines[i])
    }
  })
  return out
}
