import { useState } from 'react'
import { Alert, Button, Card, Table, Tag, type PrimaryTableCol } from 'tdesign-react'
import type { MixerDTO } from '~types/matchmaking'
import { formatShanghai } from '~src/utils/datetime'
import { call } from '../../api'
import { useRemote } from '../../use-remote'
import { MixerFigures } from './mixer-figures'
import { ReviewQueue } from './review-queue'
import './matchmaking.css'

const PHASES: Record<MixerDTO['phase'], string> = { open: '进行中', matched: '已配对', purged: '已清除资料' }

/** 会聚良缘: her subtree's mixers; one opened shows its review queue and its aggregate figures (never who picked whom). */
export default function MatchmakingPage() {
  const mixers = useRemote(() => call('matchmaking', 'officerMixers', {}))
  const [openId, setOpenId] = useState<string | null>(null)
  const open = mixers.data?.find((m) => m.id === openId) ?? null
  // soonest first: the evening under way or next is the one with sign-ups to review
  const sorted = [...(mixers.data ?? [])].sort((a, b) => a.startsAt - b.startsAt)

  const columns: PrimaryTableCol<MixerDTO>[] = [
    { colKey: 'title', title: '活动', width: 320, ellipsis: true },
    { colKey: 'organiser', title: '主办', width: 130 },
    { colKey: 'venue', title: '地点', ellipsis: true },
    { colKey: 'startsAt', title: '开始时间', width: 180, cell: ({ row }) => formatShanghai(row.startsAt) },
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
    <>
      <h2 className='page-title'>会聚良缘</h2>
      <Card bordered={false} title='联谊活动'>
        {mixers.error && <Alert theme='error' message={mixers.error} operation={<Button onClick={mixers.reload}>重试</Button>} />}
        <Table
          rowKey='id'
          columns={columns}
          data={sorted}
          loading={mixers.loading}
          empty='还没有联谊活动；请在小程序的“工会干部入口”中发布'
          pagination={{ defaultPageSize: 10, pageSizeOptions: [10, 20], total: mixers.data?.length ?? 0 }}
        />
      </Card>
      {open && (
        <div className='mixer-detail' key={open.id}>
          <ReviewQueue mixer={open} />
          <MixerFigures mixerId={open.id} />
        </div>
      )}
    </>
  )
}
