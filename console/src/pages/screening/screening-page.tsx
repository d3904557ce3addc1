import { lazy, Suspense, useState } from 'react'
import { Alert, Button, Card, Loading, Table, type PrimaryTableCol } from 'tdesign-react'
import type { DashboardRowDTO, ProgrammeDTO } from '~types/screening'
import { beijingDate, formatShanghai } from '~src/utils/datetime'
import { call } from '../../api'
import { useRemote } from '../../use-remote'
import { BookingsTable } from './bookings-table'
import { ExportDialog } from '../../export-dialog'

const ScreeningChart = lazy(() => import('./screening-chart'))

function Dashboard({ programme, onBack }: { programme: ProgrammeDTO; onBack: () => void }) {
  const dash = useRemote(() => call('screening', 'dashboard', { programmeId: programme.id }), [programme.id])
  const [exporting, setExporting] = useState(false)
  const t = dash.data?.totals
  const figures: [string, number | undefined][] = [
    ['名额', t?.capacity],
    ['已预约', t?.booked],
    ['剩余', t?.left],
    ['已签到', t?.checkedIn],
    ['未到', t?.noShows],
    ['结果已出', t?.resultsReady],
    ['候补中', t?.waiting],
  ]
  const columns: PrimaryTableCol<DashboardRowDTO>[] = [
    { colKey: 'siteName', title: '筛查点' },
    { colKey: 'date', title: '日期' },
    { colKey: 'capacity', title: '名额' },
    { colKey: 'booked', title: '已预约' },
    { colKey: 'left', title: '剩余' },
    { colKey: 'checkedIn', title: '已签到' },
    { colKey: 'noShows', title: '未到' },
    { colKey: 'resultsReady', title: '结果已出' },
  ]
  return (
    <>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', marginBottom: 16 }}>
        <Button variant='outline' onClick={onBack}>
          返回项目列表
        </Button>
        <h2 className='page-title' style={{ margin: 0, flex: 1 }}>
          {programme.name}
        </h2>
        <Button id='screening-export' onClick={() => setExporting(true)}>
          导出预约名单
        </Button>
      </div>
      {dash.error && <Alert theme='error' message={dash.error} operation={<Button onClick={dash.reload}>重试</Button>} />}
      <Card bordered={false} loading={dash.loading && !dash.data} style={{ marginBottom: 16 }}>
        <div className='figures' id='screening-figures' style={{ display: 'flex', gap: 32, flexWrap: 'wrap' }}>
          {figures.map(([label, v]) => (
            <div key={label}>
              <div className='muted'>{label}</div>
              <div style={{ fontSize: 28, fontWeight: 600 }}>{v ?? '—'}</div>
            </div>
          ))}
        </div>
        {dash.data && <p className='muted'>统计于 {formatShanghai(dash.data.generatedAt)}</p>}
      </Card>
      {dash.data && dash.data.byBranch.length > 0 && (
        <Card bordered={false} title='各工会预约情况' style={{ marginBottom: 16 }}>
          <Suspense fallback={<Loading text='正在加载图表…' />}>
            <ScreeningChart dashboard={dash.data} />
          </Suspense>
        </Card>
      )}
      <Card bordered={false} title='各筛查点每日情况'>
        <Table
          rowKey='key'
          columns={columns}
          data={(dash.data?.bySiteDay ?? []).map((r) => ({ ...r, key: `${r.siteId}-${r.date}` }))}
          loading={dash.loading}
          empty='还没有场次'
          pagination={{ defaultPageSize: 20, total: dash.data?.bySiteDay.length ?? 0 }}
        />
      </Card>
      <BookingsTable programmeId={programme.id} />
      <ExportDialog
        title={`导出预约名单：${programme.name}`}
        visible={exporting}
        onClose={() => setExporting(false)}
        personal={{ reasonExample: '交筛查医院核对名单' }}
        run={async (full, reason) => {
          const out = await call('screening', 'exportBookings', { programmeId: programme.id, ...(full ? { full, reason } : {}) })
          const name = `${programme.name}-预约名单${out.masked ? '' : '-完整'}-${beijingDate(out.generatedAt)}`
          return { filename: name, csv: out.csv, rows: out.rows.length }
        }}
      />
    </>
  )
}

/** 两癌筛查: her union's programmes; each opens its dashboard (figures, a chart) and the bookings export. */
export default function ScreeningPage() {
  const list = useRemote(() => call('screening', 'officerProgrammes', {}))
  const [open, setOpen] = useState<ProgrammeDTO | null>(null)
  if (open) return <Dashboard programme={open} onBack={() => setOpen(null)} />
  const columns: PrimaryTableCol<ProgrammeDTO>[] = [
    { colKey: 'name', title: '项目' },
    { colKey: 'organiser', title: '主办' },
    { colKey: 'totalQuota', title: '总名额' },
    { colKey: 'sites', title: '筛查点', cell: ({ row }) => row.sites.length },
    { colKey: 'releaseAt', title: '开放预约', cell: ({ row }) => formatShanghai(row.releaseAt) },
    {
      colKey: 'op',
      title: '操作',
      width: 140,
      cell: ({ row }) => (
        <Button onClick={() => setOpen(row)} className='programme-open'>
          查看统计
        </Button>
      ),
    },
  ]
  return (
    <>
      <h2 className='page-title'>两癌筛查</h2>
      <Card bordered={false}>
        {list.error && <Alert theme='error' message={list.error} operation={<Button onClick={list.reload}>重试</Button>} />}
        <Table
          rowKey='id'
          columns={columns}
          data={list.data ?? []}
          loading={list.loading}
          empty='还没有筛查项目'
          pagination={{ defaultPageSize: 20, total: list.data?.length ?? 0 }}
        />
      </Card>
    </>
  )
}
