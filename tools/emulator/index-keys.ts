import { isObject } from './codec'

/**
 * Keys under which a declared index files a document. A lookup only narrows
 * the documents mingo then tests, so the one rule here is: every document a
 * query could match must be filed under the key the query looks up
 * (a superset is fine, a miss is a wrong answer). Hence arrays are filed
 * whole and by every element (MongoDB's multikey indexes), a missing field
 * under null (`{f: null}` matches it), and objects with sorted keys.
 */
export function valueKey(v: unknown): string {
  if (v === null || v === undefined) return 'n'
  switch (typeof v) {
    case 'string':
      return `s${v}`
    case 'number':
      return `#${v}`
    case 'boolean':
      return v ? 'T' : 'F'
    case 'bigint':
      return `#${v}`
    default:
  }
  if (v instanceof Date) return `d${v.getTime()}`
  if (Array.isArray(v)) return `[${v.map(valueKey).join(',')}]`
  if (isObject(v)) {
    const keys = Object.keys(v).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${valueKey(v[k])}`).join(',')}}`
  }
  return `x${String(v)}`
}

/** Every value a dotted path reaches, through arrays; `undefined` where a branch lacks it. */
export function valuesAt(doc: unknown, path: readonly string[], i = 0, out: unknown[] = []): unknown[] {
  if (i === path.length) {
    out.push(doc)
    return out
  }
  if (Array.isArray(doc)) {
    if (/^\d+$/.test(path[i])) valuesAt(doc[Number(path[i])], path, i + 1, out)
    const sub: unknown[] = []
    for (const el of doc) if (isObject(el) || Array.isArray(el)) valuesAt(el, path, i, sub)
    out.push(...sub)
    // mingo also compares the collected values as one array (`{'o.k': [1, 2]}` matches `o: [{k: 1}, {k: 2}]`)
    out.push(sub.filter((v) => v !== undefined))
    if (!doc.length) out.push(undefined)
    return out
  }
  if (!isObject(doc)) {
    out.push(undefined)
    return out
  }
  valuesAt(doc[path[i]], path, i + 1, out)
  return out
}

/** The keys of one field of a document: each value, and each element of an array value (nested too). */
export function fieldKeys(doc: unknown, path: readonly string[]): Set<string> {
  const keys = new Set<string>()
  const add = (v: unknown): void => {
    keys.add(valueKey(v))
    if (Array.isArray(v)) {
      if (!v.length) keys.add('n')
      for (const el of v) add(el)
    }
  }
  for (const v of valuesAt(doc, path)) add(v)
  return keys
}

/** Composite keys of the first `n` fields (cartesian product over multikey fields). */
export function compositeKeys(perField: readonly Set<string>[], n: number): string[] {
  let acc = ['']
  for (let i = 0; i < n; i++) {
    const next: string[] = []
    for (const prefix of acc) for (const k of perField[i]) next.push(i ? `${prefix}\u0000${k}` : k)
    acc = next
  }
  return acc
}
