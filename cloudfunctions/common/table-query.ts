/**
 * The officers' tables (issue 18): a page, a sort and the action's filters, answered by the function
 * on a declared index (indexes.ts) with the total beside it, so a 30,000-row roster or 2,000 bookings
 * never travel to the browser to be paged there. One helper for every table: the schema fields each
 * table action spreads into its own input, and the read.
 *
 * Each table lists the fields it may be sorted by. Sorting happens in the database after the filter,
 * so the filter must pin the first field of a declared index (notablescan refuses otherwise); `_id`
 * breaks ties, so pages never repeat or skip a row when many rows share a sort value.
 */
import { z } from 'zod'
import type { TablePage, TablePageRequest } from '~types/table'
import { PAGE_MAX, rowsOf } from './paginate'

/** CloudBase's skip is cheap only so far: past this a table should be narrowed by its filters. */
export const TABLE_MAX_ROWS = 10_000

/** The paging fields of a table action's input, for `z.strictObject({...tablePageFields(['at', 'name']), ...filters})`. */
export function tablePageFields<F extends string>(sortable: readonly [F, ...F[]]) {
  return {
    page: z
      .int()
      .min(0)
      .max(TABLE_MAX_ROWS / 10)
      .optional(),
    pageSize: z.int().min(10).max(100).optional(),
    sort: z.strictObject({ field: z.enum(sortable), order: z.enum(['asc', 'desc']) }).optional(),
  }
}

interface Sortable {
  orderBy(field: string, order: 'asc' | 'desc'): Sortable
  skip(n: number): Sortable
  limit(n: number): Sortable
  get(): Promise<{ data?: unknown }>
}

interface Filtered {
  where(w: unknown): Sortable & { count(): Promise<{ total?: number }> }
}

/**
 * One page of `collection.where(where)`, sorted by `req.sort` (or `fallback`), with the total:
 * two database calls, whatever the table's size.
 */
export async function readTablePage<T>(
  collection: unknown,
  where: Record<string, unknown>,
  req: TablePageRequest,
  fallback: { field: string; order: 'asc' | 'desc' },
): Promise<TablePage<T>> {
  const page = req.page ?? 0
  const pageSize = Math.min(req.pageSize ?? 20, PAGE_MAX)
  const sort = req.sort ?? fallback
  const coll = collection as Filtered
  let q = coll.where(where).orderBy(sort.field, sort.order)
  if (sort.field !== '_id') q = q.orderBy('_id', 'asc')
  const [res, count] = await Promise.all([
    q
      .skip(page * pageSize)
      .limit(pageSize)
      .get(),
    coll.where(where).count(),
  ])
  return { items: rowsOf<T>(res), total: count.total ?? 0, page, pageSize }
}

/** The same page with its rows turned into what the table shows. */
export function mapPage<T, U>(p: TablePage<T>, f: (row: T) => U): TablePage<U> {
  return { ...p, items: p.items.map(f) }
}
