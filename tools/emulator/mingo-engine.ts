/* eslint-disable @typescript-eslint/no-require-imports -- mingo's subpath modules are required by static path (see below) */
import type { Aggregator as AggregatorT, Context as ContextT, Query as QueryT } from 'mingo'
import { jsonSchemaValidator } from './json-schema'

/**
 * mingo with CloudBase's operator set: the library's own operators, plus
 * corrections where mingo 7.2.6 answers differently from MongoDB (on which
 * CloudBase's database runs). mingo's Context keeps the FIRST definition of a
 * name when contexts merge, so the corrections cannot be layered on top of the
 * default context: the whole table is built here once, ours winning, and the
 * base classes (which add nothing of their own) are used with it.
 *
 * The subpath modules are typed by hand: this project's TypeScript resolution
 * (node10) does not read package exports.
 */
type Fn = (...args: any[]) => any
type Ops = Record<string, Fn>
const core = require('mingo/core') as { Context: typeof ContextT; evalExpr: (obj: unknown, expr: unknown, options: unknown) => unknown }
const QueryBase = (require('mingo/query') as { Query: typeof QueryT }).Query
const AggregatorBase = (require('mingo/aggregator') as { Aggregator: typeof AggregatorT }).Aggregator
const updater = require('mingo/updater') as { update: Fn }

// Static paths, so that a bundler (tools/emulator/spawn.ts) can follow them.
const expression = require('mingo/operators/expression') as Ops

function fail(message: string): never {
  throw new Error(message)
}

/** MongoDB: weeks start on Sunday; days before the year's first Sunday are week 0 (0–53). */
const $week: Fn = (obj, expr, options) => {
  const doy = expression.$dayOfYear(obj, expr, options) as number | null
  const dow = expression.$dayOfWeek(obj, expr, options) as number | null
  return doy === null || dow === null ? null : Math.floor((doy - dow + 7) / 7)
}

/** MongoDB: a negative byte count means "to the end of the string". */
const substrBytes: Fn = (obj, expr, options) => {
  if (!Array.isArray(expr) || expr.length !== 3) fail('$substrBytes expects array(3)')
  const [s, index, count] = core.evalExpr(obj, expr, options) as [unknown, unknown, unknown]
  const rest = typeof s === 'string' && typeof index === 'number' ? Math.max(0, Buffer.byteLength(s, 'utf8') - index) : 0
  const n = typeof count === 'number' && count < 0 ? rest : count
  return expression.$substrBytes(obj, [{ $literal: s }, { $literal: index }, { $literal: n }], options)
}

/** Code-point offsets, as MongoDB counts them ($indexOfBytes counts UTF-8 bytes). */
const $indexOfCP: Fn = (obj, expr, options) => {
  if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4) fail('$indexOfCP expects 2 to 4 arguments')
  const [str, search, start, end] = core.evalExpr(obj, expr, options) as unknown[]
  if (str === null || str === undefined) return null
  if (typeof str !== 'string') fail('$indexOfCP requires a string as the first argument')
  if (typeof search !== 'string') fail('$indexOfCP requires a string as the second argument')
  const cps = [...str]
  const from = start ?? 0
  const to = end ?? cps.length
  if (!Number.isInteger(from) || (from as number) < 0) fail('$indexOfCP requires a non-negative integer start')
  if (!Number.isInteger(to) || (to as number) < 0) fail('$indexOfCP requires a non-negative integer end')
  const needle = [...search]
  for (let i = from as number; i + needle.length <= Math.min(to as number, cps.length); i++) {
    if (needle.every((c, j) => cps[i + j] === c)) return i
  }
  return -1
}

/** MongoDB counts UTF-8 bytes; mingo 7.2.6 counts UTF-16 units (wrong past ASCII). */
const $indexOfBytes: Fn = (obj, expr, options) => {
  if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4) fail('$indexOfBytes expects 2 to 4 arguments')
  const [str, search, start, end] = core.evalExpr(obj, expr, options) as unknown[]
  if (str === null || str === undefined) return null
  if (typeof str !== 'string') fail('$indexOfBytes requires a string as the first argument')
  if (typeof search !== 'string') fail('$indexOfBytes requires a string as the second argument')
  const bytes = Buffer.from(str, 'utf8')
  const needle = Buffer.from(search, 'utf8')
  const from = start ?? 0
  const to = Math.min((end ?? bytes.length) as number, bytes.length)
  if (!Number.isInteger(from) || (from as number) < 0) fail('$indexOfBytes requires a non-negative integer start')
  if (!Number.isInteger(end ?? 0) || (end as number) < 0) fail('$indexOfBytes requires a non-negative integer end')
  const i = bytes.subarray(0, to).indexOf(needle, from as number)
  return i >= 0 && i + needle.length <= to ? i : -1
}

export const CONTEXT: ContextT = core.Context.init({
  accumulator: require('mingo/operators/accumulator') as Ops,
  expression: { ...expression, $week, $substr: substrBytes, $substrBytes: substrBytes, $indexOfCP, $indexOfBytes },
  pipeline: require('mingo/operators/pipeline') as Ops,
  projection: require('mingo/operators/projection') as Ops,
  query: require('mingo/operators/query') as Ops,
  window: require('mingo/operators/window') as Ops,
})

/** No server-side JavaScript ($where, $function, $accumulator): CloudBase runs none either. */
export const OPTIONS = { scriptEnabled: false, context: CONTEXT, jsonSchemaValidator }

/**
 * The same options, prepared once. Given plain options, mingo copies the
 * whole operator table for every query it compiles (and for each operator in
 * it): a sixth of an emulator call's CPU. Given its own prepared options it
 * copies nothing. Its class is not exported, so it is taken from the options
 * mingo hands an operator.
 */
function prepared(): object {
  let seen: { constructor: { init(o: object): object } } | undefined
  const capture: Fn = (_obj, _expr, options) => {
    seen = options
    return null
  }
  const ctx = core.Context.init({
    expression: { $capture: capture },
    pipeline: { $project: (require('mingo/operators/pipeline') as Ops).$project },
  })
  new AggregatorBase([{ $project: { x: { $capture: 1 } } }], { context: ctx }).run([{}])
  if (!seen) throw new Error('mingo options could not be prepared')
  return seen.constructor.init(OPTIONS)
}
export const COMPUTE = prepared()

export const Query = QueryBase
export const Aggregator = AggregatorBase
export const update = updater.update as (
  obj: object,
  spec: object,
  arrayFilters?: unknown,
  condition?: unknown,
  options?: object,
) => string[]
