import { useState } from 'react'
import { Alert, Button, Card, Input, Table, Tag, type PrimaryTableCol } from 'tdesign-react'
import type { RosterRowDTO } from '~types/member'
import { call } from '../../api'
import { useRemote } from '../../use-remote'
import { RosterImport } from './roster-import'

const GENDERS: Record<string, string> = { M: '男', F: '女' }

/** 会员名册: search (exact card number or a name prefix, as member.listRoster allows), paged by the function; import. */
export default function RosterPage() {
  const [draft, setDraft] = useState({ q: '', branch: '' })
  const [query, setQuery] = useState({ q: '', branch: '', page: 0, pageSize: 20 })
  const list = useRemote(
    () =>
      call('member', 'listRoster', {
        ...(query.q ? { q: query.q } : {}),
        ...(query.branch ? { branch: query.branch } : {}),
        page: query.page,
        pageSize: query.pageSize,
      }),
    [query],
  )
  const search = () => setQuery((s) => ({ ...s, q: draft.q.trim(), branch: draft.branch.trim(), page: 0 }))

  const columns: PrimaryTableCol<RosterRowDTO>[] = [
    { colKey: 'memberRef', title: '会员编号' },
    { colKey: 'name', title: '姓名' },
    { colKey: 'cardNo', title: '会员证号' },
    { colKey: 'phone', title: '手机号' },
    { colKey: 'gender', title: '性别', cell: ({ row }) => GENDERS[row.gender] ?? '—' },
    { colKey: 'branch', title: '所属工会' },
    { colKey: 'tags', title: '标签', cell: ({ row }) => (row.tags.length ? row.tags.map((t) => <Tag key={t}>{t}</Tag>) : '—') },
    {
      colKey: 'bound',
      title: '小程序',
      cell: ({ row }) => (row.bound ? <Tag theme='success'>已绑定</Tag> : <Tag>未绑定</Tag>),
    },
  ]

  return (
    <>
      <h2 className='page-title'>会员名册</h2>
      <RosterImport onImported={list.reload} />
      <Card bordered={false}>
        <div style={{ display: 'flex', gap: 12, marginBottom: 16 }}>
          <Input
            className='roster-q'
            placeholder='会员证号（完整）或姓名开头'
            value={draft.q}
            onChange={(v) => setDraft((d) => ({ ...d, q: v }))}
            onEnter={search}
            clearable
            style={{ width: 280 }}
          />
          <Input
            placeholder='所属工会（完整名称）'
            value={draft.branch}
            onChange={(v) => setDraft((d) => ({ ...d, branch: v }))}
            onEnter={search}
            clearable
            style={{ width: 240 }}
          />
          <Button id='roster-search' onClick={search}>
            搜索
          </Button>
        </div>
        {list.error && <Alert theme='error' message={list.error} operation={<Button onClick={list.reload}>重试</Button>} />}
        <p className='muted' style={{ marginTop: 0 }}>
          姓名、证号和手机号按个人信息保护要求部分隐藏。
        </p>
        <Table
          rowKey='memberRef'
          columns={columns}
          data={list.data?.items ?? []}
          loading={list.loading}
          empty={query.q || query.branch ? '没有找到符合条件的会员' : '名册还是空的，请先导入'}
          pagination={{
            current: query.page + 1,
            pageSize: query.pageSize,
            pageSizeOptions: [20, 50],
            total: list.data?.total ?? 0,
            onChange: ({ current, pageSize }) => setQuery((s) => ({ ...s, page: pageSize === s.pageSize ? current - 1 : 0, pageSize })),
          }}
        />
      </Card>
    </>
  )
}
