import { isObject } from './codec'

/**
 * MongoDB's `$jsonSchema` (draft 4 with `bsonType`), which CloudBase runs,
 * for mingo's `jsonSchemaValidator` option. The keywords MongoDB documents
 * are all here; any other is refused by name when the query is compiled,
 * never silently ignored.
 */
type Schema = Record<string, unknown>
type Check = (v: unknown) => boolean

function bsonTypeOf(v: unknown): string[] {
  if (v === null) return ['null']
  if (v === undefined) return ['undefined']
  if (typeof v === 'string') return ['string'] // ObjectIds are stored as their hex string (docs/emulator.md)
  if (typeof v === 'boolean') return ['bool']
  if (typeof v === 'number') return Number.isInteger(v) ? ['int', 'long', 'double', 'number'] : ['double', 'number']
  if (v instanceof Date) return ['date']
  if (v instanceof RegExp) return ['regex']
  if (Array.isArray(v)) return ['array']
  if (isObject(v)) return ['object']
  return ['unknown']
}

/** JSON Schema's `type` names, for `type` (not `bsonType`). */
function jsonTypeOf(v: unknown): string[] {
  const b = bsonTypeOf(v)
  if (b.includes('int')) return ['integer', 'number']
  if (b.includes('double')) return ['number']
  if (b[0] === 'bool') return ['boolean']
  return b
}

const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : [x])
const deepEq = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

const KEYWORDS: Record<string, (arg: unknown, schema: Schema) => Check> = {
  bsonType: (t) => (v) => list(t).some((x) => bsonTypeOf(v).includes(String(x))),
  type: (t) => (v) => list(t).some((x) => jsonTypeOf(v).includes(String(x))),
  enum: (vals) => (v) => list(vals).some((x) => deepEq(x, v)),
  required: (names) => (v) => !isObject(v) || list(names).every((n) => Object.hasOwn(v, String(n))),
  properties: (props) => {
    const checks = Object.entries(props as Schema).map(([k, s]) => [k, compile(s as Schema)] as const)
    return (v) => !isObject(v) || checks.every(([k, c]) => !Object.hasOwn(v, k) || c(v[k]))
  },
  additionalProperties: (extra, schema) => {
    const known = new Set(Object.keys((schema.properties as Schema | undefined) ?? {}))
    const patterns = Object.keys((schema.patternProperties as Schema | undefined) ?? {}).map((p) => new RegExp(p, 'u'))
    const check = typeof extra === 'boolean' ? () => extra : compile(extra as Schema)
    return (v) => !isObject(v) || Object.entries(v).every(([k, x]) => known.has(k) || patterns.some((p) => p.test(k)) || check(x))
  },
  patternProperties: (props) => {
    const checks = Object.entries(props as Schema).map(([p, s]) => [new RegExp(p, 'u'), compile(s as Schema)] as const)
    return (v) => !isObject(v) || Object.entries(v).every(([k, x]) => checks.every(([p, c]) => !p.test(k) || c(x)))
  },
  minProperties: (n) => (v) => !isObject(v) || Object.keys(v).length >= Number(n),
  maxProperties: (n) => (v) => !isObject(v) || Object.keys(v).length <= Number(n),
  dependencies: (deps) => (v) =>
    !isObject(v) ||
    Object.entries(deps as Schema).every(
      ([k, d]) => !Object.hasOwn(v, k) || (Array.isArray(d) ? d.every((n) => Object.hasOwn(v, String(n))) : compile(d as Schema)(v)),
    ),
  minimum: (n, s) => (v) => typeof v !== 'number' || (s.exclusiveMinimum === true ? v > Number(n) : v >= Number(n)),
  maximum: (n, s) => (v) => typeof v !== 'number' || (s.exclusiveMaximum === true ? v < Number(n) : v <= Number(n)),
  exclusiveMinimum: () => () => true, // read by minimum (draft 4: a flag)
  exclusiveMaximum: () => () => true,
  multipleOf: (n) => (v) => typeof v !== 'number' || Number.isInteger(v / Number(n)),
  minLength: (n) => (v) => typeof v !== 'string' || [...v].length >= Number(n),
  maxLength: (n) => (v) => typeof v !== 'string' || [...v].length <= Number(n),
  pattern: (p) => {
    const re = new RegExp(String(p), 'u')
    return (v) => typeof v !== 'string' || re.test(v)
  },
  items: (s) => {
    if (Array.isArray(s)) {
      const checks = s.map((x) => compile(x as Schema))
      return (v) => !Array.isArray(v) || checks.every((c, i) => i >= v.length || c(v[i]))
    }
    const c = compile(s as Schema)
    return (v) => !Array.isArray(v) || v.every(c)
  },
  additionalItems: (extra, schema) => {
    const n = Array.isArray(schema.items) ? schema.items.length : Infinity
    const check = typeof extra === 'boolean' ? () => extra : compile(extra as Schema)
    return (v) => !Array.isArray(v) || v.slice(n).every(check)
  },
  minItems: (n) => (v) => !Array.isArray(v) || v.length >= Number(n),
  maxItems: (n) => (v) => !Array.isArray(v) || v.length <= Number(n),
  uniqueItems: (u) => (v) => u !== true || !Array.isArray(v) || new Set(v.map((x) => JSON.stringify(x))).size === v.length,
  allOf: (ss) => {
    const cs = list(ss).map((s) => compile(s as Schema))
    return (v) => cs.every((c) => c(v))
  },
  anyOf: (ss) => {
    const cs = list(ss).map((s) => compile(s as Schema))
    return (v) => cs.some((c) => c(v))
  },
  oneOf: (ss) => {
    const cs = list(ss).map((s) => compile(s as Schema))
    return (v) => cs.filter((c) => c(v)).length === 1
  },
  not: (s) => {
    const c = compile(s as Schema)
    return (v) => !c(v)
  },
  title: () => () => true,
  description: () => () => true,
}

export function compile(schema: Schema): Check {
  if (!isObject(schema)) throw new Error('$jsonSchema needs an object schema')
  const checks = Object.entries(schema).map(([k, arg]) => {
    const make = KEYWORDS[k]
    if (!make)
      throw new Error(
        `$jsonSchema keyword ${JSON.stringify(k)} is not supported (MongoDB's $jsonSchema has no such keyword, or the local emulator lacks it)`,
      )
    return make(arg, schema)
  })
  return (v) => checks.every((c) => c(v))
}

/** mingo's `jsonSchemaValidator`: schema → predicate on a whole document. */
export const jsonSchemaValidator = (schema: object): ((doc: object) => boolean) => compile(schema as Schema)
