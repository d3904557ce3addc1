import type { IndexDeclaration } from '../../cloudfunctions/common/indexes'
import { type Doc, isObject } from './codec'

/**
 * Which declared index a query can use, read from the query's top-level
 * conjunction (`$and` flattened). Two questions, two answers:
 * - served: could CloudBase answer it from an index (its first field pinned by
 *   equality, `$in`, a range, `$exists` or an anchored regex; or no filter but
 *   a sort on it)? notablescan refuses queries that are not.
 * - lookup: the values to look up when the index's leading fields are pinned
 *   by equality or `$in`, so the emulator reads only those documents.
 */
type Condition = { eq: unknown[] | null; pins: boolean }

const RANGE = new Set(['$gt', '$gte', '$lt', '$lte', '$exists', '$all', '$elemMatch'])

const anchored = (r: RegExp): boolean => r.source.startsWith('^') && !r.flags.includes('m')

function condition(v: unknown): Condition {
  if (v instanceof RegExp) return { eq: null, pins: anchored(v) }
  if (!isObject(v) || !Object.keys(v).some((k) => k.startsWith('$'))) return { eq: [v], pins: true }
  const ops = Object.keys(v)
  if (ops.length === 1 && ops[0] === '$eq') return condition(v.$eq)
  if ('$in' in v && Array.isArray(v.$in)) {
    const plain = v.$in.every((x) => !(x instanceof RegExp))
    return { eq: plain && ops.length === 1 ? v.$in : null, pins: true }
  }
  if ('$regex' in v)
    return { eq: null, pins: typeof v.$regex === 'string' ? v.$regex.startsWith('^') : v.$regex instanceof RegExp && anchored(v.$regex) }
  return { eq: null, pins: ops.some((o) => RANGE.has(o)) }
}

/** Field → its condition, from the top level and nested `$and`s; null for shapes no index narrows ($or…). */
function conjuncts(criteria: Doc, out = new Map<string, Condition[]>()): Map<string, Condition[]> {
  for (const [k, v] of Object.entries(criteria)) {
    if (k === '$and' && Array.isArray(v)) {
      for (const part of v) if (isObject(part)) conjuncts(part, out)
    } else if (!k.startsWith('$')) {
      const list = out.get(k) ?? []
      list.push(condition(v))
      out.set(k, list)
    }
  }
  return out
}

const pinnedBy = (conds: Map<string, Condition[]>, field: string): boolean => conds.get(field)?.some((c) => c.pins) ?? false

function orBranches(criteria: Doc): Doc[][] {
  const out: Doc[][] = []
  const walk = (c: Doc): void => {
    for (const [k, v] of Object.entries(c)) {
      if (k === '$or' && Array.isArray(v)) out.push(v.filter(isObject))
      if (k === '$and' && Array.isArray(v)) for (const part of v) if (isObject(part)) walk(part)
    }
  }
  walk(criteria)
  return out
}

/** true when `_id` or a declared index's first field is pinned, or every branch of an `$or` is served. */
export function isServed(criteria: Doc, order: Doc | undefined, indexes: readonly IndexDeclaration[]): boolean {
  const firsts = ['_id', ...indexes.map((ix) => ix.fields[0]?.field).filter(Boolean)]
  const conds = conjuncts(criteria)
  if (firsts.some((f) => pinnedBy(conds, f))) return true
  const ors = orBranches(criteria)
  if (ors.some((branches) => branches.length > 0 && branches.every((b) => isServed(b, undefined, indexes)))) return true
  const sortKey = order ? Object.keys(order)[0] : undefined
  return conds.size === 0 && ors.length === 0 && sortKey !== undefined && firsts.includes(sortKey)
}

export interface Lookup {
  index: IndexDeclaration
  /** Values for each leading field pinned by equality / $in, in index order. */
  values: unknown[][]
}

/** The index whose longest run of leading fields the query pins by equality; null if none does. */
export function chooseLookup(criteria: Doc, indexes: readonly IndexDeclaration[]): Lookup | null {
  const conds = conjuncts(criteria)
  let best: Lookup | null = null
  for (const index of indexes) {
    const values: unknown[][] = []
    for (const { field } of index.fields) {
      const eq = conds.get(field)?.find((c) => c.eq !== null)?.eq
      if (!eq) break
      values.push(eq)
    }
    if (values.length && (!best || values.length > best.values.length)) best = { index, values }
  }
  return best
}
