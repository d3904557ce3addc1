import fc from 'fast-check'
import type { IndexDeclarations } from '../../cloudfunctions/common/indexes'
import type { Doc } from './codec'
import { LiveContext } from './context'
import { compileQuery } from './query'
import { Store } from './store'

/**
 * An index only narrows what mingo tests, so a lookup must never miss a
 * document the query matches, and must keep natural order: for random
 * documents (missing fields, nulls, arrays, nested arrays of objects) and
 * random equality / $in queries, the indexed store answers exactly what a
 * store without indexes answers, after random updates and deletes too.
 */
const DECLS = {
  c: [
    { name: 'a_b', fields: [{ field: 'a' }, { field: 'b' }] },
    { name: 'o.k', fields: [{ field: 'o.k' }] },
    { name: 'b', fields: [{ field: 'b' }] },
  ],
} as unknown as IndexDeclarations

const scalar = fc.oneof(fc.constantFrom('x', 'y', 'z'), fc.constantFrom(0, 1, 2), fc.constant(null))
const leaf = fc.oneof(scalar, fc.record({ p: scalar }), fc.constantFrom(new Date(0), new Date(1)))
const value = fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.array(fc.array(scalar, { maxLength: 2 }), { maxLength: 2 }))
const doc = fc.record(
  {
    a: value,
    b: value,
    o: fc.oneof(
      fc.record({ k: value }, { requiredKeys: [] }),
      fc.array(fc.record({ k: value }, { requiredKeys: [] }), { maxLength: 3 }),
      scalar,
    ),
  },
  { requiredKeys: [] },
)
const cond = fc.oneof(value, fc.record({ $in: fc.array(leaf, { minLength: 1, maxLength: 3 }) }), fc.record({ $eq: value }))
const ids = fc.record({ $in: fc.array(fc.constantFrom('d0', 'd1', 'd2', 'd3', 'd5', 'd8'), { minLength: 2, maxLength: 4 }) })
const query = fc.record({ _id: ids, a: cond, b: cond, 'o.k': cond }, { requiredKeys: [] })

function answer(store: Store, criteria: Doc): string[] {
  const ctx = new LiveContext(store, 0, { strictCollections: false })
  const q = compileQuery(criteria)
  return ctx
    .candidates('c', criteria)
    .filter((d) => q.test(d))
    .map((d) => String(d._id))
}

/** The reference: every document, in natural order, tested by mingo. */
function scan(store: Store, criteria: Doc): string[] {
  const q = compileQuery(criteria)
  return store
    .list('c')
    .filter((d) => q.test(d))
    .map((d) => String(d._id))
}

test('indexed lookups answer what a scan answers, in the same order', () => {
  fc.assert(
    fc.property(
      fc.array(doc, { minLength: 1, maxLength: 40 }),
      fc.array(fc.nat(), { maxLength: 10 }),
      fc.array(query, { minLength: 1, maxLength: 8 }),
      (docs, drops, queries) => {
        const indexed = new Store(() => false, DECLS)
        const plain = new Store(() => false, {})
        for (const s of [indexed, plain]) {
          s.apply(docs.map((d, i) => ({ kind: 'put' as const, coll: 'c', doc: { _id: `d${i}`, ...d } })))
          // moves and deletes: rewrite some documents with another's content, delete others
          for (const n of drops) {
            const i = n % docs.length
            s.apply(
              n % 2
                ? [{ kind: 'del', coll: 'c', id: `d${i}` }]
                : [{ kind: 'put', coll: 'c', doc: { _id: `d${i}`, ...docs[(i + 1) % docs.length] } }],
            )
          }
        }
        for (const q of queries) {
          expect(answer(indexed, q as Doc)).toEqual(scan(plain, q as Doc))
          expect(answer(plain, q as Doc)).toEqual(scan(plain, q as Doc))
        }
      },
    ),
    { numRuns: 500 },
  )
})
