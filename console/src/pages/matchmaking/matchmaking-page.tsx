import { useState } from 'react'
import { Alert, Button, Card, Select, Space, Table, Tag, type PrimaryTableCol } from 'tdesign-react'
import type { MixerDTO, MixerSignupWindow } from '~types/matchmaking'
import { formatShanghai } from '~src/utils/datetime'
import { call } from '../../api'
import { useRemoteTable } from '../../use-remote-table'
import { MixerFigures } from './mixer-figures'
import { ReviewQueue } from './review-queue'
import './matchmaking.css'

const PHASES: Record<MixerDTO['phase'], string> = { open: '进行中', matched: '已配对', purged: '已清除资料' }
const WINDOWS: Record<MixerSignupWindow, string> = { upcoming: '未开始报名', open: '报名中', closed: '报名已截止' }
const options = <K extends string>(labels: Record<K, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label: String(label) }))

interface Filters {
  phase?: MixerDTO['phase']
  signup?: MixerSignupWindow
}

/**
 * 会聚良缘: her subtree's mixers, paged by the function (mixerTable); one opened shows its review queue and its
 * aggregate figures (never who picked whom).
 */
export default function MatchmakingPage() {
  const table = useRemoteTable<MixerDTO, Filters, 'startsAt'>((req) => call('matchmaking', 'mixerTable', req), {}, { pageSize: 10 })
  const [open, setOpen] = useState<MixerDTO | null>(null)
  const openId = open?.id ?? null
  const setOpenId = (id: string) => setOpen(table.tableProps.data.find((m) => m.id === id) ?? null)
  const filter = (patch: Filters) => table.setFilters({ ...table.filters, ...patch })

  const columns: PrimaryTableCol<MixerDTO>[] = [
    { colKey: 'title', title: '活动', width: 320, ellipsis: true },
    { colKey: 'organiser', title: '主办', width: 130 },
    { colKey: 'venue', title: '地点', ellipsis: true },
    { colKey: 'startsAt', title: '开始时间', width: 180, sorter: true, cell: ({ row }) => formatShanghai(row.startsAt) },
    { colKey: 'places', title: '名额（男/女）', cell: ({ row }) => `${row.placesByGender.M} / ${row.placesByGender.F}` },
    { colKey: 'review', title: '审核', cell: ({ row }) => (row.review === 'officer' ? '人工审核' : '自动通过') },
    {
      colKey: 'phase',
      title: '阶段',
      cell: ({ row }) => <Tag theme={row.phase === 'open' ? 'primary' : 'default'}>{PHASES[row.phase]}</Tag>,
    },
    {
      colKey: 'op',
      title: '操作',
      width: 120,
      cell: ({ row }) => (
        <Button variant={row.id === openId ? 'base' : 'outline'} onClick={() => setOpenId(row.id)} id={`mixer-open-${row.id}`}>
          审核与数据
        </Button>
      ),
    },
  ]

  return (
    <div className='mixer-page'>
      <h2 className='page-title'>会聚良缘</h2>
      <Card bordered={false} title='联谊活动'>
        <Space className='review-actions'>
          <Select
            placeholder='全部阶段'
            clearable
            value={table.filters.phase}
            onChange={(v) => filter({ phase: (v || undefined) as Filters['phase'] })}
            options={options(PHASES)}
            style={{ width: 160 }}
          />
          <Select
            placeholder='全部报名状态'
            clearable
            value={table.filters.signup}
            onChange={(v) => filter({ signup: (v || undefined) as Filters['signup'] })}
            options={options(WINDOWS)}
            style={{ width: 180 }}
          />
        </Space>
        {table.error && <Alert theme='error' message={table.error} operation={<Button onClick={table.reload}>重试</Button>} />}
        <Table rowKey='id' columns={columns} {...table.tableProps} empty='没有符合条件的联谊活动；请在小程序的“工会干部入口”中发布' />
      </Card>
      {open && (
        <div className='mixer-detail' key={open.id}>
          <ReviewQueue mixer={open} />
          <MixerFigures mixerId={open.id} />
        </div>
      )}
    </div>
  )
}
