/**
 * One page of an officer's table (issue 18): the console asks for a page, a sort and filters; the
 * function answers that page and the total, reading only that page on a declared index
 * (cloudfunctions/common/table-query.ts). Shared by every console table so they page alike.
 */
export type SortOrder = 'asc' | 'desc'

export interface TableSort<F extends string = string> {
  field: F
  order: SortOrder
}

/** What a table asks: `page` is 0-based; `pageSize` 10–100 (default 20). Filters are the action's own fields. */
export interface TablePageRequest<F extends string = string> {
  page?: number
  pageSize?: number
  sort?: TableSort<F>
}

export interface TablePage<T> {
  items: T[]
  /** Every row the filters match, not only this page. */
  total: number
  page: number
  pageSize: number
}

export const TABLE_PAGE_SIZES = [10, 20, 50, 100] as const
