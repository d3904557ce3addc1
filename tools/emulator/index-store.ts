import type { IndexDeclaration } from '../../cloudfunctions/common/indexes'
import type { Doc } from './codec'
import { compositeKeys, fieldKeys, valueKey } from './index-keys'
import type { Lookup } from './query-plan'

/**
 * The declared indexes of one collection, kept in step with every commit:
 * for each index and each prefix length (1..fields), composite key → ids.
 * Only equality prefixes are looked up; ranges and sorts still read the
 * candidates (docs/emulator.md).
 */
class Index {
  private readonly paths: string[][]
  /** byPrefix[n-1]: key of the first n fields → id keys */
  private readonly byPrefix: Map<string, Set<string>>[]

  constructor(readonly decl: IndexDeclaration) {
    this.paths = decl.fields.map((f) => f.field.split('.'))
    this.byPrefix = decl.fields.map(() => new Map())
  }

  private keys(doc: Doc): string[][] {
    const perField = this.paths.map((p) => fieldKeys(doc, p))
    return this.byPrefix.map((_m, i) => compositeKeys(perField, i + 1))
  }

  add(id: string, doc: Doc): void {
    this.keys(doc).forEach((keys, i) => {
      const m = this.byPrefix[i]
      for (const k of keys) {
        let ids = m.get(k)
        if (!ids) m.set(k, (ids = new Set()))
        ids.add(id)
      }
    })
  }

  remove(id: string, doc: Doc): void {
    this.keys(doc).forEach((keys, i) => {
      const m = this.byPrefix[i]
      for (const k of keys) {
        const ids = m.get(k)
        if (!ids) continue
        ids.delete(id)
        if (!ids.size) m.delete(k)
      }
    })
  }

  /** Id keys filed under any combination of the looked-up values. */
  find(values: unknown[][]): Set<string> {
    const perField = values.map((vs) => new Set(vs.map(valueKey)))
    const out = new Set<string>()
    for (const k of compositeKeys(perField, values.length)) for (const id of this.byPrefix[values.length - 1].get(k) ?? []) out.add(id)
    return out
  }
}

export class CollectionIndexes {
  private readonly indexes: Map<string, Index>

  constructor(readonly decls: readonly IndexDeclaration[]) {
    this.indexes = new Map(decls.map((d) => [d.name, new Index(d)]))
  }

  /** Moves a document's entries from its previous version to its new one (null: absent). */
  update(id: string, prev: Doc | null, next: Doc | null): void {
    for (const ix of this.indexes.values()) {
      if (prev) ix.remove(id, prev)
      if (next) ix.add(id, next)
    }
  }

  find(lookup: Lookup): Set<string> {
    const ix = this.indexes.get(lookup.index.name)
    if (!ix) throw new Error(`index ${lookup.index.name} is not built`)
    return ix.find(lookup.values)
  }
}
