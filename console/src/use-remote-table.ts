/**
 * A console table paged, sorted and filtered by the function (types/table.ts, common/table-query.ts):
 * the page, sort and filters live here; a change of filter goes back to the first page; the TDesign
 * Table gets its `pagination`, `sort`, `onPageChange` and `onSortChange` from `tableProps`.
 */
import { useState } from 'react'
import type { PageInfo, TableSort as TdSort } from 'tdesign-react'
import { TABLE_PAGE_SIZES, type TablePage, type TablePageRequest } from '~types/table'
import { type Remote, useRemote } from './use-remote'

export interface RemoteTable<T, F, S extends string = string> extends Remote<TablePage<T>> {
  filters: F
  /** New filters: back to page 1. */
  setFilters(next: F): void
  request: TablePageRequest<S> & F
  tableProps: {
    data: T[]
    loading: boolean
    pagination: { current: number; pageSize: number; total: number; pageSizeOptions: number[]; showJumper: boolean }
    sort: TdSort | undefined
    onPageChange(p: PageInfo): void
    onSortChange(s: TdSort): void
  }
}

/**
 * `load` gets the filters and the page request; its deps are the state kept here (and `deps`). `S`: the
 * fields the action sorts by (its columns with `sorter: true` must be among them).
 */
export function useRemoteTable<T, F extends object, S extends string = string>(
  load: (req: TablePageRequest<S> & F) => Promise<TablePage<T>>,
  initialFilters: F,
  opts: { pageSize?: number; deps?: readonly unknown[] } = {},
): RemoteTable<T, F, S> {
  const [state, setState] = useState<{ filters: F; page: number; pageSize: number; sort?: TablePageRequest<S>['sort'] }>({
    filters: initialFilters,
    page: 0,
    pageSize: opts.pageSize ?? 20,
  })
  const request = { ...state.filters, page: state.page, pageSize: state.pageSize, ...(state.sort ? { sort: state.sort } : {}) }
  const remote = useRemote(() => load(request), [JSON.stringify(request), ...(opts.deps ?? [])])
  const one = (s: TdSort): { sortBy: string; descending: boolean } | undefined => (Array.isArray(s) ? s[0] : s)
  return {
    ...remote,
    filters: state.filters,
    request,
    setFilters: (filters) => setState((s) => ({ ...s, filters, page: 0 })),
    tableProps: {
      data: remote.data?.items ?? [],
      loading: remote.loading,
      pagination: {
        current: state.page + 1,
        pageSize: state.pageSize,
        total: remote.data?.total ?? 0,
        pageSizeOptions: [...TABLE_PAGE_SIZES],
        showJumper: true,
      },
      sort: state.sort ? { sortBy: state.sort.field, descending: state.sort.order === 'desc' } : undefined,
      onPageChange: (p) => setState((s) => ({ ...s, page: p.pageSize !== s.pageSize ? 0 : p.current - 1, pageSize: p.pageSize })),
      onSortChange: (s) => {
        const first = one(s)
        const sort = first ? { field: first.sortBy as S, order: first.descending ? ('desc' as const) : ('asc' as const) } : undefined
        setState((st) => ({ ...st, page: 0, sort }))
      },
    },
  }
}
