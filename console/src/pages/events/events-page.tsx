import { useState } from 'react'
import { Alert, Button, Card, Descriptions, Space, Table, Tag, type PrimaryTableCol } from 'tdesign-react'
import type { BoothCodeDTO, EventPhase, EventSummaryDTO, GiftTierDTO } from '~types/events'
import { formatRange } from '~src/utils/datetime'
import { call } from '../../api'
import { useRemote } from '../../use-remote'
import { ExportDialog } from '../../export-dialog'
import { BoothPrint } from './booth-print'
import { EventLive } from './event-live'

const PHASES: Record<EventPhase, { label: string; theme: 'primary' | 'success' | 'default' }> = {
  upcoming: { label: '未开始', theme: 'primary' },
  ongoing: { label: '进行中', theme: 'success' },
  ended: { label: '已结束', theme: 'default' },
}

type Export = 'checkIns' | 'redemptions'
const EXPORTS: Record<Export, string> = { checkIns: '签到记录', redemptions: '兑奖记录' }

function EventDetail({ summary, onBack }: { summary: EventSummaryDTO; onBack: () => void }) {
  const ev = useRemote(() => call('events', 'manageEvent', { eventId: summary.id }), [summary.id])
  const codes = useRemote(() => call('events', 'boothCodes', { eventId: summary.id }), [summary.id])
  const [exporting, setExporting] = useState<Export | null>(null)
  const [printing, setPrinting] = useState(false)
  if (printing && codes.data)
    return <BoothPrint eventId={summary.id} title={summary.title} codes={codes.data.codes} onClose={() => setPrinting(false)} />

  const e = ev.data
  const codeColumns: PrimaryTableCol<BoothCodeDTO>[] = [
    { colKey: 'boothName', title: '展位' },
    { colKey: 'zoneName', title: '展区' },
    { colKey: 'exhibitor', title: '参展单位' },
    { colKey: 'code', title: '展位码' },
    { colKey: 'version', title: '版本', width: 80 },
  ]
  const tierColumns: PrimaryTableCol<GiftTierDTO>[] = [
    { colKey: 'name', title: '档位' },
    { colKey: 'gift', title: '礼品' },
    { colKey: 'stock', title: '库存' },
    { colKey: 'left', title: '剩余' },
    { colKey: 'redeemed', title: '已兑' },
  ]
  return (
    <>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', marginBottom: 16 }}>
        <Button variant='outline' onClick={onBack}>
          返回活动列表
        </Button>
        <h2 className='page-title' style={{ margin: 0, flex: 1 }}>
          {summary.title}
        </h2>
        <Button variant='outline' id='export-checkins' onClick={() => setExporting('checkIns')}>
          导出签到记录
        </Button>
        <Button variant='outline' id='export-redemptions' onClick={() => setExporting('redemptions')}>
          导出兑奖记录
        </Button>
      </div>
      {ev.error && <Alert theme='error' message={ev.error} operation={<Button onClick={ev.reload}>重试</Button>} />}
      <Card bordered={false} loading={ev.loading && !e} style={{ marginBottom: 16 }} className='event-summary'>
        {e && (
          <Descriptions
            column={3}
            items={[
              { label: '主办', content: e.organiser },
              { label: '时间', content: formatRange(e.startsAt, e.endsAt) },
              { label: '地点', content: `${e.venue.city}${e.venue.name}` },
              { label: '状态', content: PHASES[e.phase].label },
              { label: '已报名', content: String(e.signedUp) },
              { label: '展位', content: String(e.booths.length) },
              { label: '展区', content: e.zones.map((z) => z.name).join('、') || '—' },
              { label: '签到点', content: e.checkpoints.map((c) => c.name).join('、') || '—' },
              { label: '礼品档位', content: String(e.tiers.length) },
            ]}
          />
        )}
      </Card>
      <EventLive eventId={summary.id} />
      {e && e.tiers.length > 0 && (
        <Card bordered={false} title='礼品档位' style={{ marginBottom: 16 }}>
          <Table rowKey='id' columns={tierColumns} data={e.tiers} />
        </Card>
      )}
      <Card
        bordered={false}
        title='展位码'
        actions={
          <Button id='booth-print' disabled={!codes.data?.codes.length} onClick={() => setPrinting(true)}>
            打印展位码（A4）
          </Button>
        }
      >
        {codes.error && <Alert theme='error' message={codes.error} operation={<Button onClick={codes.reload}>重试</Button>} />}
        <Table
          rowKey='boothId'
          columns={codeColumns}
          data={codes.data?.codes ?? []}
          loading={codes.loading}
          empty='这个活动还没有展位'
          pagination={{ defaultPageSize: 20, total: codes.data?.codes.length ?? 0 }}
        />
      </Card>
      <ExportDialog
        title={`导出${exporting ? EXPORTS[exporting] : ''}：${summary.title}`}
        visible={!!exporting}
        onClose={() => setExporting(null)}
        personal={{ reasonExample: '向上级工会报送参加人员名单' }}
        run={(full, reason) => {
          const data = { eventId: summary.id, ...(full ? { full, reason } : {}) }
          return exporting === 'redemptions' ? call('events', 'exportRedemptions', data) : call('events', 'exportCheckIns', data)
        }}
      />
    </>
  )
}

/** 活动与集章: the events she manages (events.staffEvents, narrowed to her union); each opens its detail. */
export default function EventsPage() {
  const list = useRemote(() => call('events', 'staffEvents', {}))
  const [open, setOpen] = useState<EventSummaryDTO | null>(null)
  if (open) return <EventDetail summary={open} onBack={() => setOpen(null)} />
  const columns: PrimaryTableCol<EventSummaryDTO>[] = [
    { colKey: 'title', title: '活动' },
    { colKey: 'kind', title: '类型', width: 100, cell: ({ row }) => (row.kind === 'fair' ? '集章展会' : '活动') },
    { colKey: 'organiser', title: '主办' },
    { colKey: 'startsAt', title: '时间', cell: ({ row }) => formatRange(row.startsAt, row.endsAt) },
    { colKey: 'venue', title: '地点', cell: ({ row }) => row.venue.name },
    { colKey: 'signedUp', title: '已报名', width: 100 },
    { colKey: 'boothCount', title: '展位', width: 80 },
    {
      colKey: 'phase',
      title: '状态',
      width: 100,
      cell: ({ row }) => <Tag theme={PHASES[row.phase].theme}>{PHASES[row.phase].label}</Tag>,
    },
    {
      colKey: 'op',
      title: '操作',
      width: 120,
      cell: ({ row }) => (
        <Space>
          <Button onClick={() => setOpen(row)} className='event-open'>
            管理
          </Button>
        </Space>
      ),
    },
  ]
  return (
    <>
      <h2 className='page-title'>活动与集章</h2>
      <Card bordered={false}>
        {list.error && <Alert theme='error' message={list.error} operation={<Button onClick={list.reload}>重试</Button>} />}
        <Table
          rowKey='id'
          columns={columns}
          data={list.data?.events ?? []}
          loading={list.loading}
          empty='还没有活动'
          pagination={{ defaultPageSize: 20, total: list.data?.events.length ?? 0 }}
        />
      </Card>
    </>
  )
}
