import { lazy, Suspense, useEffect } from 'react'
import { Alert, Button, Card, Table, type PrimaryTableCol } from 'tdesign-react'
import type { CheckpointCountDTO } from '~types/events'
import { formatShanghai } from '~src/utils/datetime'
import { call } from '../../api'
import { useRemote } from '../../use-remote'
import './event-live.css'

const StampsChart = lazy(() => import('./stamps-chart'))

/** How often the figures refresh while the page is open: a fair's desk watches them move. */
const LIVE_MS = 15_000

/** 实时数据: the event's dashboard (events.dashboard), read again every 15 s while open. */
export function EventLive({ eventId }: { eventId: string }) {
  const dash = useRemote(() => call('events', 'dashboard', { eventId }), [eventId])
  const { reload } = dash
  useEffect(() => {
    const timer = setInterval(reload, LIVE_MS)
    return () => clearInterval(timer)
  }, [reload])
  const d = dash.data
  const figures: [string, number | undefined][] = [
    ['已报名', d?.totals.signedUp],
    ['已签到', d?.totals.checkedIn],
    ['集章人数', d?.totals.stampers],
    ['集章次数', d?.totals.stamps],
    ['已兑礼品', d?.totals.giftsRedeemed],
  ]
  const checkpointColumns: PrimaryTableCol<CheckpointCountDTO>[] = [
    { colKey: 'name', title: '签到点' },
    { colKey: 'checkedIn', title: '已签到' },
  ]
  return (
    <Card
      bordered={false}
      title='实时数据'
      className='event-live'
      style={{ marginBottom: 16 }}
      actions={
        <span className='muted'>
          {d ? `${formatShanghai(d.generatedAt, 'HH:mm:ss')} 更新，每 15 秒刷新` : ''}{' '}
          <Button variant='text' onClick={reload} loading={dash.loading}>
            刷新
          </Button>
        </span>
      }
    >
      {dash.error && <Alert theme='error' message={dash.error} operation={<Button onClick={reload}>重试</Button>} />}
      <div className='event-figures'>
        {figures.map(([label, n]) => (
          <div key={label} className='event-figure'>
            <span className='muted'>{label}</span>
            <strong>{n ?? '—'}</strong>
          </div>
        ))}
      </div>
      {d && d.checkIns.length > 0 && <Table rowKey='checkpointId' columns={checkpointColumns} data={d.checkIns} size='small' />}
      {d && d.stampsPerBooth.length > 0 && (
        <Suspense fallback={<p className='muted'>正在加载图表…</p>}>
          <StampsChart booths={d.stampsPerBooth} />
        </Suspense>
      )}
    </Card>
  )
}
