import { Table } from 'tdesign-react'
import type { RosterImportResult } from '~types/member'

/** The rows a file's check or import refused: the line of the whole file (1 is the header) and why, ten a page. */
export function RosterErrors({ errors, id }: { errors: RosterImportResult['errors']; id: string }) {
  if (errors.length === 0) return null
  return (
    <Table
      className={id}
      rowKey='line'
      size='medium'
      columns={[
        { colKey: 'line', title: '行号', width: 100 },
        { colKey: 'reason', title: '原因' },
      ]}
      data={errors}
      pagination={{ defaultPageSize: 10, total: errors.length, pageSizeOptions: [10, 50, 100] }}
    />
  )
}
