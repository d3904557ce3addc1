import { BSONRegExp, EJSON, ObjectId } from 'bson'
import { badRequest } from './errors'

export type Doc = Record<string, unknown>

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype

/**
 * Turns what EJSON gives us into what mingo understands: BSON regexps become
 * native RegExp, the SDK's `db.serverDate()` marker
 * (`{$tcb_server_date: {offset}}`) becomes the server's clock plus offset, and
 * an ObjectId becomes its hex string: CloudBase answers ObjectId values (and
 * `_id`s) as plain hex, which SDK 3.18.3 reads, and finds `doc(hex)` by them
 * (docs/emulator.md lists what this changes for `$type` and plain-hex queries).
 */
export function normalise(value: unknown, now: number): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^gimsuy]/g, ''))
  if (value instanceof ObjectId) return value.toHexString()
  if (Array.isArray(value)) return value.map((v) => normalise(v, now))
  if (!isPlainObject(value)) return value
  const marker = value.$tcb_server_date
  if (marker !== undefined && Object.keys(value).length === 1) {
    const offset = isPlainObject(marker) && typeof marker.offset === 'number' ? marker.offset : 0
    return new Date(now + offset)
  }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = normalise(v, now)
  return out
}

/** Parses one EJSON string from a request; a malformed one is the caller's error. */
export function decode(text: unknown, field: string, now: number): unknown {
  if (typeof text !== 'string') throw badRequest(`${field} must be an EJSON string`)
  let parsed: unknown
  try {
    parsed = EJSON.parse(text, { relaxed: true })
  } catch (e) {
    throw badRequest(`${field} is not valid EJSON: ${(e as Error).message}`)
  }
  return normalise(parsed, now)
}

export function decodeObject(text: unknown, field: string, now: number): Doc {
  const value = decode(text, field, now)
  if (!isPlainObject(value)) throw badRequest(`${field} must be an object`)
  return value
}

/** Canonical EJSON keeps number types and dates exact, as the real service answers. */
export const encode = (doc: unknown): string => EJSON.stringify(doc as Doc, { relaxed: false })

/** Plain JSON-ready form for the journal (EJSON object form, not a string). */
export const toJournal = (doc: unknown): unknown => EJSON.serialize(doc as Doc, { relaxed: false })
export const fromJournal = (value: unknown): unknown => normalise(EJSON.deserialize(value as Doc, { relaxed: true }), 0)

/** Stored documents are never mutated in place; updates work on a deep copy. */
export function deepClone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(deepClone) as unknown as T
  if (value instanceof Date) return new Date(value.getTime()) as unknown as T
  if (!isPlainObject(value)) return value // primitives, RegExp and immutable BSON values
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = deepClone(v)
  return out as T
}

export const isObject = isPlainObject

/** Map key for a document id: ids of different types never collide. */
export const idKey = (id: unknown): string => (typeof id === 'string' ? `s:${id}` : `${typeof id}:${encode({ id })}`)
