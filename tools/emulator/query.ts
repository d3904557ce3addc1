import { randomBytes } from 'node:crypto'
import { Aggregator, OPTIONS as SAFE, Query, update as mingoUpdate } from './mingo-engine'
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

export function compileQuery(criteria: Doc): InstanceType<typeof Query> {
  return guard('bad query', () => new Query(criteria, SAFE))
}

export interface FindOptions {
  order?: Doc
  offset?: number
  limit?: number
  projection?: Doc
}

/** Read-only stages over the stored documents themselves: nothing here writes into its input. */
export function find(docs: Doc[], criteria: Doc, o: FindOptions): Doc[] {
  const pipeline: Doc[] = [{ $match: criteria }]
  if (o.order && Object.keys(o.order).length) pipeline.push({ $sort: o.order })
  if (o.offset) pipeline.push({ $skip: o.offset })
  if (o.limit !== undefined) pipeline.push({ $limit: o.limit })
  if (o.projection && Object.keys(o.projection).length) pipeline.push({ $project: o.projection })
  return guard('bad query', () => new Aggregator(pipeline, SAFE).run(docs) as Doc[])
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
    const q = compileQuery(pipeline[0].$match as Doc)
    input = docs.filter((d) => q.test(d))
    rest = pipeline.slice(1)
  }
  const copies = input.map(deepClone)
  const options = { ...SAFE, collectionResolver: (coll: string) => resolve(coll).map(deepClone) }
  return guard('bad aggregation', () => new Aggregator(rest, options).run(copies) as Doc[])
}

const sameDoc = (a: Doc, b: Doc): boolean => encode(a) === encode(b)

/** Applies update operators to a copy; the stored document is never touched. */
export function applyOperators(doc: Doc, spec: Doc): { doc: Doc; modified: boolean } {
  const keys = Object.keys(spec)
  if (!keys.length || keys.some((k) => !k.startsWith('$'))) {
    throw badRequest('update must use operators only ($set, $inc, …) when merge is true')
  }
  checkUpdateFieldNames(spec)
  const next = deepClone(doc)
  const changed = guard('bad update', () => mingoUpdate(next, spec, undefined, undefined, { queryOptions: SAFE }))
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
