import { useState } from 'react'
import { Alert, Button, Card, Input, Space, Table, Tag, type PrimaryTableCol } from 'tdesign-react'
import type { ExportRosterRequest, RosterListRowDTO } from '~types/member'
import { call } from '../../api'
import { useRemoteTable } from '../../use-remote-table'
import { ExportDialog } from '../../export-dialog'
import { RosterImport } from './roster-import'
import { RosterRecordDrawer } from './roster-record-drawer'

const GENDERS: Record<string, string> = { M: '男', F: '女' }
type Filters = { q: string; branch: string; tag: string }

const defined = (f: Filters) => ({
  ...(f.q ? { q: f.q } : {}),
  ...(f.branch ? { branch: f.branch } : {}),
  ...(f.tag ? { tag: f.tag } : {}),
})

/** Every part of the export (5,000 rows a call), joined into one file. */
async function exportAll(filters: Filters, full: boolean, reason: string) {
  const base: ExportRosterRequest = { ...defined(filters), ...(full ? { full, reason } : {}) }
  let csv = ''
  let rows = 0
  for (let after: string | null | undefined; after !== null;) {
    const part = await call('member', 'exportRoster', { ...base, ...(after ? { after } : {}) })
    csv += part.csv
    rows += part.rows
    after = part.next
  }
  return { filename: `会员名册${full ? '（完整）' : ''}`, csv, rows }
}

/**
 * 会员名册: search (exact card number or a name prefix, a union, a tag), paged by the function; a row opens
 * the record (view, 修改); import with a preview first; export masked or in full with a reason.
 */
export default function RosterPage() {
  const [draft, setDraft] = useState<Filters>({ q: '', branch: '', tag: '' })
  const [open, setOpen] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)
  const table = useRemoteTable<RosterListRowDTO, Filters>(
    (req) => call('member', 'listRoster', { ...defined(req), page: req.page, pageSize: Math.min(req.pageSize ?? 20, 50) }),
    { q: '', branch: '', tag: '' },
  )
  const search = () => table.setFilters({ q: draft.q.trim(), branch: draft.branch.trim(), tag: draft.tag.trim() })
  const filtered = Object.keys(defined(table.filters)).length > 0
  const input = (key: keyof Filters, placeholder: string, width: number) => (
    <Input
      className={`roster-${key}`}
      placeholder={placeholder}
      value={draft[key]}
      onChange={(v) => setDraft((d) => ({ ...d, [key]: v }))}
      onEnter={search}
      clearable
      style={{ width }}
    />
  )

  const columns: PrimaryTableCol<RosterListRowDTO>[] = [
    { colKey: 'memberRef', title: '会员编号' },
    { colKey: 'name', title: '姓名' },
    { colKey: 'cardNo', title: '会员证号' },
    { colKey: 'phone', title: '手机号' },
    { colKey: 'gender', title: '性别', cell: ({ row }) => GENDERS[row.gender] ?? '—' },
    { colKey: 'branch', title: '所属工会' },
    { colKey: 'tags', title: '标签', cell: ({ row }) => (row.tags.length ? row.tags.map((t) => <Tag key={t}>{t}</Tag>) : '—') },
    { colKey: 'bound', title: '小程序', cell: ({ row }) => (row.bound ? <Tag theme='success'>已绑定</Tag> : <Tag>未绑定</Tag>) },
    {
      colKey: 'op',
      title: '操作',
      width: 100,
      cell: ({ row }) => (
        <Button variant='text' theme='primary' className='roster-open' onClick={() => setOpen(row.id)}>
          查看
        </Button>
      ),
    },
  ]

  return (
    <>
      <h2 className='page-title'>会员名册</h2>
      <RosterImport onImported={table.reload} />
      <Card bordered={false}>
        <Space style={{ marginBottom: 16 }}>
          {input('q', '会员证号（完整）或姓名开头', 260)}
          {input('branch', '所属工会（完整名称）', 220)}
          {input('tag', '标签，如 劳模', 160)}
          <Button id='roster-search' onClick={search}>
            搜索
          </Button>
          <Button id='roster-export' variant='outline' onClick={() => setExporting(true)}>
            导出 CSV
          </Button>
        </Space>
        {table.error && <Alert theme='error' message={table.error} operation={<Button onClick={table.reload}>重试</Button>} />}
        <p className='muted' style={{ marginTop: 0 }}>
          姓名、证号和手机号按个人信息保护要求部分隐藏；点击一行查看详情或修改。
        </p>
        <Table
          rowKey='memberRef'
          columns={columns}
          {...table.tableProps}
          // listRoster pages by 50 at most; TDesign's page jumper is a 28 px box, under the console's floor
          pagination={{ ...table.tableProps.pagination, pageSizeOptions: [10, 20, 50] }}
          onRowClick={({ row }) => setOpen(row.id)}
          empty={filtered ? '没有找到符合条件的会员' : '名册还是空的，请先导入'}
        />
      </Card>
      <RosterRecordDrawer id={open} onClose={() => setOpen(null)} onChanged={table.reload} />
      <ExportDialog
        title={`导出会员名册${filtered ? '（按当前搜索条件）' : ''}`}
        visible={exporting}
        onClose={() => setExporting(false)}
        personal={{ reasonExample: '核对会费缴纳名单' }}
        run={(full, reason) => exportAll(table.filters, full, reason)}
      />
    </>
  )
}
