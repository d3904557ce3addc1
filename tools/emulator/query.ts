import { randomBytes } from 'node:crypto'
import { Aggregator, COMPUTE, OPTIONS as SAFE, Query, update as mingoUpdate } from './mingo-engine'
import { type Doc, deepClone, encode, isObject } from './codec'
import { badRequest, EmulatorError } from './errors'
import { checkFieldNames, checkUpdateFieldNames } from './field-names'

/**
 * Thin wrappers over mingo: all query, update and aggregation semantics come
 * from the library; this file only shapes inputs and turns its exceptions into
 * CloudBase's "bad request" error.
 */
function guard<T>(what: string, fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    if (e instanceof EmulatorError) throw e
    throw badRequest(`${what}: ${(e as Error).message}`)
  }
}

/**
 * mingo 7.2.6 resolves a field of a plain value to the value itself, so
 * `{value: 1}` matched the element `1` inside $elemMatch and $pull; our patch
 * (patches/mingo+7.2.6.patch, applied by `npm install`) makes it missing, as in
 * MongoDB. Refuse to start without it rather than answer wrongly.
 */
if (new Query({ t: { $elemMatch: { v: 1 } } }, SAFE).test({ t: [1] })) {
  throw new Error('mingo is not patched (patches/mingo+7.2.6.patch): run `npm install` so patch-package applies it')
}

type Compiled = InstanceType<typeof Query>
const compiled = new Map<string, Compiled>()
const CACHE_SIZE = 2000

/**
 * A compiled query, kept by its EJSON text (`cacheKey`) when it has one: the
 * same query shape with the same values comes back on every hot-path call
 * (a session, a pool, a stamp card). Queries holding `db.serverDate()` are
 * never kept: their values depend on the clock.
 */
export function compileQuery(criteria: Doc, cacheKey?: string): Compiled {
  const key = cacheKey !== undefined && !cacheKey.includes('$tcb_server_date') ? cacheKey : undefined
  const hit = key === undefined ? undefined : compiled.get(key)
  if (hit) return hit
  const q = guard('bad query', () => new Query(criteria, COMPUTE))
  if (key !== undefined) {
    if (compiled.size >= CACHE_SIZE) compiled.delete(compiled.keys().next().value as string)
    compiled.set(key, q)
  }
  return q
}

export interface FindOptions {
  order?: Doc
  offset?: number
  limit?: number
  projection?: Doc
}

/**
 * Filters, sorts, pages and projects. Without a sort, candidates are tested
 * in natural order only until the page is full. Read-only stages over the
 * stored documents themselves: nothing here writes into its input.
 */
export function find(docs: Doc[], q: Compiled, o: FindOptions): Doc[] {
  const sorted = !!o.order && Object.keys(o.order).length > 0
  const offset = o.offset ?? 0
  const end = o.limit === undefined ? Infinity : offset + o.limit
  let page: Doc[] = []
  if (sorted) {
    const all = docs.filter((d) => q.test(d))
    page = guard('bad query', () => new Aggregator([{ $sort: o.order }], COMPUTE).run(all) as Doc[]).slice(offset, end)
  } else {
    let seen = 0
    for (let i = 0; i < docs.length && seen < end; i++) {
      if (!q.test(docs[i])) continue
      if (seen++ >= offset) page.push(docs[i])
    }
  }
  if (!o.projection || !Object.keys(o.projection).length) return page
  return guard('bad query', () => new Aggregator([{ $project: o.projection }], COMPUTE).run(page) as Doc[])
}

/** Stages that would write (CloudBase's aggregate has none). */
const WRITING_STAGES = new Set(['$out', '$merge'])

/**
 * A user pipeline. mingo writes into its input documents for some stages
 * ($addFields on a nested path, $lookup's `as`…), so it only ever sees deep
 * copies: of the documents a leading $match keeps, and of joined collections.
 */
export function aggregate(docs: Doc[], pipeline: Doc[], resolve: (coll: string) => Doc[]): Doc[] {
  for (const stage of pipeline) {
    const key = Object.keys(stage)[0]
    if (WRITING_STAGES.has(key)) throw badRequest(`aggregation stage ${key} is not supported`)
  }
  let input = docs
  let rest = pipeline
  if (pipeline[0] && Object.keys(pipeline[0])[0] === '$match') {
    const q = compileQuery(pipeline[0].$match as Doc, encode(pipeline[0].$match))
    input = docs.filter((d) => q.test(d))
    rest = pipeline.slice(1)
  }
  const copies = input.map(deepClone)
  const options = { ...SAFE, collectionResolver: (coll: string) => resolve(coll).map(deepClone) }
  return guard('bad aggregation', () => new Aggregator(rest, options).run(copies) as Doc[])
}

/** Structural equality, key order included (as stored); BSON values compare by their EJSON. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b)
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => same(v, b[i]))
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime()
  if (isObject(a)) {
    if (!isObject(b)) return false
    const ka = Object.keys(a)
    const kb = Object.keys(b)
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same(a[k], b[k]))
  }
  return !Array.isArray(b) && !isObject(b) && encode({ v: a }) === encode({ v: b })
}
const sameDoc = (a: Doc, b: Doc): boolean => same(a, b)

/** The value at a dotted path, or undefined when any step is missing. */
function valueAt(doc: Doc, path: string): unknown {
  let cur: unknown = doc
  for (const step of path.split('.')) {
    if (Array.isArray(cur)) cur = /^\d+$/.test(step) ? cur[Number(step)] : undefined
    else if (isObject(cur)) cur = cur[step]
    else return undefined
  }
  return cur
}

/** MongoDB (and so CloudBase) refuses arithmetic on a field holding something else than a number; mingo would leave it be. */
function checkArithmetic(doc: Doc, spec: Doc): void {
  for (const op of ['$inc', '$mul'] as const) {
    const fields = spec[op]
    if (!isObject(fields)) continue
    for (const [path, by] of Object.entries(fields)) {
      if (typeof by !== 'number')
        throw badRequest(`Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${JSON.stringify(by)}}`)
      const v = valueAt(doc, path)
      if (v !== undefined && v !== null && typeof v !== 'number') {
        throw badRequest(
          `Cannot apply ${op} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${path}' of non-numeric type ${Array.isArray(v) ? 'array' : typeof v}`,
        )
      }
      if (v === null)
        throw badRequest(
          `Cannot apply ${op} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${path}' of non-numeric type null`,
        )
    }
  }
}

/** Applies update operators to a copy; the stored document is never touched. */
export function applyOperators(doc: Doc, spec: Doc): { doc: Doc; modified: boolean } {
  const keys = Object.keys(spec)
  if (!keys.length || keys.some((k) => !k.startsWith('$'))) {
    throw badRequest('update must use operators only ($set, $inc, …) when merge is true')
  }
  checkUpdateFieldNames(spec)
  checkArithmetic(doc, spec)
  const next = deepClone(doc)
  const changed = guard('bad update', () => mingoUpdate(next, spec, undefined, undefined, { queryOptions: COMPUTE }))
  if (!sameDoc({ _id: next._id }, { _id: doc._id })) throw badRequest("the _id field can't be updated")
  return { doc: next, modified: changed.length > 0 && !sameDoc(next, doc) }
}

export function replaceDoc(doc: Doc, replacement: Doc): { doc: Doc; modified: boolean } {
  if (Object.keys(replacement).some((k) => k.startsWith('$'))) {
    throw badRequest('a replacement document (merge: false) must not contain update operators')
  }
  checkFieldNames(replacement)
  const next = { ...deepClone(replacement), _id: doc._id }
  return { doc: next, modified: !sameDoc(next, doc) }
}

/** Fields an upsert copies from its query: top-level equality conditions. */
export function seedFromQuery(criteria: Doc): Doc {
  const seed: Doc = {}
  for (const [k, v] of Object.entries(criteria)) {
    if (k.startsWith('$') || k.includes('.')) continue
    if (isObject(v) && Object.keys(v).some((x) => x.startsWith('$'))) continue
    seed[k] = deepClone(v)
  }
  return seed
}

/** CloudBase-style document id: 32 lowercase hex characters. */
export const newId = (): string => randomBytes(16).toString('hex')
