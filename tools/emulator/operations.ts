import { type Doc, decode, decodeObject, encode, isObject } from './codec'
import type { OpContext } from './context'
import { badRequest, duplicateWrite, invalidParam } from './errors'
import { checkFieldNames } from './field-names'
import { aggregate, applyOperators, compileQuery, find, newId, replaceDoc, seedFromQuery } from './query'

/**
 * The database actions, written once against OpContext so the same code
 * serves plain calls and calls inside a transaction. Each runs synchronously:
 * nothing else can interleave between its reads and its writes.
 */
export type Params = Record<string, unknown>

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000

export function collectionOf(p: Params): string {
  const c = p.collectionName
  if (typeof c !== 'string' || !c) throw invalidParam('collectionName is required')
  return c
}

const queryOf = (p: Params, now: number): Doc => (p.query === undefined || p.query === '' ? {} : decodeObject(p.query, 'query', now))
/** The query's own text: compiled queries are kept by it. */
const queryKey = (p: Params): string | undefined => (typeof p.query === 'string' ? p.query : undefined)

function intParam(p: Params, name: string, fallback: number): number {
  const v = p[name]
  if (v === undefined || v === null) return fallback
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw invalidParam(`${name} must be a non-negative integer`)
  return v
}

function matching(ctx: OpContext, coll: string, criteria: Doc, key: string | undefined): Doc[] {
  const q = compileQuery(criteria, key)
  return ctx.candidates(coll, criteria).filter((d) => q.test(d))
}

export function getDocument(ctx: OpContext, p: Params): Doc {
  const coll = collectionOf(p)
  const limit = Math.min(intParam(p, 'limit', DEFAULT_LIMIT), MAX_LIMIT)
  const offset = intParam(p, 'offset', 0)
  const order = p.order === undefined ? undefined : decodeObject(p.order, 'order', ctx.now)
  const projection = p.projection === undefined ? undefined : decodeObject(p.projection, 'projection', ctx.now)
  const criteria = queryOf(p, ctx.now)
  const q = compileQuery(criteria, queryKey(p))
  const docs = find(ctx.candidates(coll, criteria, order), q, { order, offset, limit: p.queryType === 'DOC' ? 1 : limit, projection })
  return { list: docs.map(encode), limit, offset }
}

export function calculateDocument(ctx: OpContext, p: Params): Doc {
  const coll = collectionOf(p)
  return { total: matching(ctx, coll, queryOf(p, ctx.now), queryKey(p)).length }
}

export function insertDocument(ctx: OpContext, p: Params): Doc {
  const coll = collectionOf(p)
  if (!Array.isArray(p.data) || p.data.length === 0) throw invalidParam('data must be a non-empty array of EJSON documents')
  const docs = p.data.map((text, i) => decodeObject(text, `data[${i}]`, ctx.now))
  for (const d of docs) checkFieldNames(d)
  const seen = new Set<string>()
  for (const d of docs) {
    if (d._id === undefined) d._id = newId()
    const key = encode({ id: d._id })
    if (seen.has(key) || ctx.get(coll, d._id)) throw duplicateWrite(coll, d._id)
    seen.add(key)
  }
  for (const d of docs) ctx.put(coll, d)
  return { insertedIds: docs.map((d) => d._id) }
}

function updateSpec(p: Params, now: number): Doc {
  if (p.data === undefined) throw invalidParam('data is required')
  return decodeObject(p.data, 'data', now)
}

export function modifyDocument(ctx: OpContext, p: Params): Doc {
  const coll = collectionOf(p)
  // SDK 3.18.3 sends `collection.update(data)` (no where) without a query; CloudBase refuses it.
  if (p.query === undefined) throw invalidParam('query is required: an update without where() would change every document')
  const criteria = queryOf(p, ctx.now)
  const spec = updateSpec(p, ctx.now)
  const merge = p.merge !== false
  const change = (d: Doc) => (merge ? applyOperators(d, spec) : replaceDoc(d, spec))
  const found = matching(ctx, coll, criteria, queryKey(p))
  const targets = p.multi === true ? found : found.slice(0, 1)
  let updated = 0
  for (const d of targets) {
    const r = change(d)
    // CloudBase counts a replacement (set) as updated even when nothing changes; an operator update only when it changes.
    if (!merge) updated++
    if (!r.modified) continue
    ctx.put(coll, r.doc)
    if (merge) updated++
  }
  if (targets.length || p.upsert !== true) return { updated, matched: targets.length }
  const upserted = upsert(ctx, coll, criteria, spec, merge)
  return { updated: 0, matched: 0, upsert_id: upserted._id }
}

function upsert(ctx: OpContext, coll: string, criteria: Doc, spec: Doc, merge: boolean): Doc {
  const seed = seedFromQuery(criteria)
  const base = { ...seed, _id: seed._id ?? newId() }
  const doc = merge ? applyOperators(base, spec).doc : replaceDoc(base, spec).doc
  if (ctx.get(coll, doc._id)) throw duplicateWrite(coll, doc._id)
  ctx.put(coll, doc)
  return doc
}

export function removeDocument(ctx: OpContext, p: Params): Doc {
  const coll = collectionOf(p)
  const found = matching(ctx, coll, queryOf(p, ctx.now), queryKey(p))
  const targets = p.multi === true ? found : found.slice(0, 1)
  for (const d of targets) ctx.del(coll, d._id)
  return { deleted: targets.length }
}

export function modifyAndReturnDoc(ctx: OpContext, p: Params): Doc {
  const coll = collectionOf(p)
  const spec = updateSpec(p, ctx.now)
  const [target] = matching(ctx, coll, queryOf(p, ctx.now), queryKey(p))
  if (!target) return { updated: 0, doc: null }
  const r = applyOperators(target, spec)
  if (r.modified) ctx.put(coll, r.doc)
  // As findAndModify reports: the document was found and the update applied, changed or not.
  return { updated: 1, doc: encode(r.doc) }
}

export function aggregateDocuments(ctx: OpContext, p: Params): Doc {
  const coll = collectionOf(p)
  if (!Array.isArray(p.stages)) throw invalidParam('stages must be an array')
  const pipeline = p.stages.map((s, i) => {
    if (!isObject(s) || typeof s.stageKey !== 'string' || !s.stageKey.startsWith('$')) {
      throw badRequest(`stages[${i}] must be {stageKey: "$stage", stageValue: "<EJSON>"}`)
    }
    return { [s.stageKey]: decode(s.stageValue, `stages[${i}].stageValue`, ctx.now) }
  })
  const first = pipeline[0]?.$match
  const input = ctx.candidates(coll, isObject(first) ? first : {})
  return { list: aggregate(input, pipeline, (name) => ctx.list(name)).map(encode) }
}
