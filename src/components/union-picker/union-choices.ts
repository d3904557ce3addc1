import type { UnionDTO } from '~types/unions'

export interface UnionChoice {
  id: string
  name: string
  /** Indented by depth below the first node, so the picker reads as the tree. */
  label: string
}

/** Her subtree in tree order (each node followed by its children), for a one-column picker. */
export function unionChoices(unions: readonly UnionDTO[]): UnionChoice[] {
  if (unions.length === 0) return []
  const ids = new Set(unions.map((u) => u.id))
  const children = new Map<string | null, UnionDTO[]>()
  for (const u of unions) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), u])
  }
  const out: UnionChoice[] = []
  const walk = (parent: string | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      out.push({ id: u.id, name: u.name, label: `${'　'.repeat(depth)}${u.name}` })
      walk(u.id, depth + 1)
    }
  }
  walk(null, 0)
  return out
}
