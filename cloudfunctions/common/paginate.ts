/**
 * CloudBase answers at most 1000 documents per `get()` (100 by default), so a
 * read that must see every match walks pages. One helper, so that no service
 * forgets the limit and silently reads only the first 100.
 */
export const PAGE_MAX = 1000

interface Pageable {
  skip(n: number): Pageable
  limit(n: number): Pageable
  get(): Promise<{ data: unknown }>
}

/** Every document the query matches, a page at a time. */
export async function readAll<T = Record<string, unknown>>(query: unknown, pageSize = PAGE_MAX): Promise<T[]> {
  const q = query as Pageable
  const out: T[] = []
  for (let skip = 0; ; skip += pageSize) {
    const page = ((await q.skip(skip).limit(pageSize).get()).data ?? []) as T[]
    out.push(...page)
    if (page.length < pageSize) return out
  }
}

/** One page (0-based) of the query, for lists a person pages through. */
export async function readPage<T = Record<string, unknown>>(query: unknown, page: number, pageSize: number): Promise<T[]> {
  const q = query as Pageable
  return ((
    await q
      .skip(page * pageSize)
      .limit(Math.min(pageSize, PAGE_MAX))
      .get()
  ).data ?? []) as T[]
}

/** Rows of a single `get()` answer, typed. */
export function rowsOf<T>(res: { data?: unknown }): T[] {
  return (res.data as T[] | undefined) ?? []
}
