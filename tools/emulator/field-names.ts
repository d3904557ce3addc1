import { isObject } from './codec'
import { badRequest } from './errors'

/**
 * CloudBase refuses to store a field whose name begins with `$` (MongoDB
 * reserves them for operators) with DATABASE_REQUEST_FAILED.
 */
function refuse(name: string): never {
  throw badRequest(`field names must not start with "$": ${JSON.stringify(name)}`)
}

export function checkFieldNames(value: unknown): void {
  if (Array.isArray(value)) {
    for (const v of value) checkFieldNames(v)
    return
  }
  if (!isObject(value)) return
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$')) refuse(k)
    checkFieldNames(v)
  }
}

/** Positional segments (`$`, `$[]`, `$[name]`) are operators' syntax, not field names. */
const POSITIONAL = /^\$(\[[^\]]*\])?$/

/** Paths of every operator; the values of those that store documents as given. */
export function checkUpdateFieldNames(spec: Record<string, unknown>): void {
  for (const [op, arg] of Object.entries(spec)) {
    if (!isObject(arg)) continue
    for (const [path, v] of Object.entries(arg)) {
      for (const seg of path.split('.')) if (seg.startsWith('$') && !POSITIONAL.test(seg)) refuse(seg)
      if (op === '$set' || op === '$setOnInsert') checkFieldNames(v)
    }
  }
}
