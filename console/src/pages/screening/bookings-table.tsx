import { useState } from 'react'
import { Alert, Button, Card, Select, Table, type PrimaryTableCol } from 'tdesign-react'
import type { BookingRowDTO, BookingStatus, BookingTableDTO } from '~types/screening'
import { formatShanghai } from '~src/utils/datetime'
import { call } from '../../api'
import { useRemoteTable } from '../../use-remote-table'

const STATUSES: Record<BookingStatus, string> = { booked: '已预约', checked_in: '已签到', no_show: '未到', cancelled: '已取消' }

interface Filters {
  siteId?: string
  sessionId?: string
  status?: BookingStatus
}

const COLUMNS: PrimaryTableCol<BookingRowDTO>[] = [
  { colKey: 'memberRef', title: '会员编号' },
  { colKey: 'name', title: '姓名' },
  { colKey: 'phone', title: '手机号' },
  { colKey: 'branch', title: '所属工会' },
  { colKey: 'site', title: '筛查点' },
  // sorted by the function: the session's time (sessionAt) and when she booked (bookedAt)
  { colKey: 'sessionAt', title: '场次', sorter: true, cell: ({ row }) => `${row.date} ${row.time}` },
  { colKey: 'status', title: '状态', cell: ({ row }) => STATUSES[row.status] },
  { colKey: 'result', title: '结果' },
  { colKey: 'bookedAt', title: '预约时间', sorter: true, cell: ({ row }) => formatShanghai(row.bookedAt) },
]

/** 预约名单, paged by the function (bookingTable), masked as the masked export; the filters' sessions come with each page. */
function Bookings({ programmeId }: { programmeId: string }) {
  const [options, setOptions] = useState<Pick<BookingTableDTO, 'sites' | 'sessions'>>({ sites: [], sessions: [] })
  const table = useRemoteTable<BookingRowDTO, Filters, 'sessionAt' | 'bookedAt'>(
    async (req) => {
      const page = await call('screening', 'bookingTable', { ...req, programmeId })
      setOptions({ sites: page.sites, sessions: page.sessions })
      return page
    },
    {},
    { deps: [programmeId] },
  )
  const f = table.filters
  const sessions = options.sessions.filter((s) => !f.siteId || s.siteId === f.siteId)
  return (
    <>
      <div style={{ display: 'flex', gap: 12, marginBottom: 16, flexWrap: 'wrap' }}>
        <Select
          placeholder='全部筛查点'
          clearable
          value={f.siteId}
          onChange={(v) => table.setFilters({ ...f, siteId: (v as string) || undefined, sessionId: undefined })}
          options={options.sites.map((s) => ({ label: s.label, value: s.id }))}
          style={{ width: 280 }}
        />
        <Select
          className='bookings-session'
          placeholder='全部场次'
          clearable
          filterable
          value={f.sessionId}
          onChange={(v) => table.setFilters({ ...f, sessionId: (v as string) || undefined })}
          options={sessions.map((s) => ({ label: s.label, value: s.id }))}
          style={{ width: 380 }}
        />
        <Select
          className='bookings-status'
          placeholder='全部状态'
          clearable
          value={f.status}
          onChange={(v) => table.setFilters({ ...f, status: (v as BookingStatus) || undefined })}
          options={Object.entries(STATUSES).map(([value, label]) => ({ value, label }))}
          style={{ width: 160 }}
        />
        <Button variant='outline' loading={table.loading} onClick={table.reload}>
          刷新
        </Button>
      </div>
      {table.error && <Alert theme='error' message={table.error} operation={<Button onClick={table.reload}>重试</Button>} />}
      <Table rowKey='bookingId' columns={COLUMNS} {...table.tableProps} empty='没有符合条件的预约' />
      <p className='muted' id='bookings-total'>
        共 {table.data?.total ?? 0} 条（未含已取消，可按状态筛选）；姓名、手机号已隐藏部分信息，完整名单请用“导出预约名单”并填写原因。
      </p>
    </>
  )
}

/** Shown when asked for (personal data on screen only on purpose). */
export function BookingsTable({ programmeId }: { programmeId: string }) {
  const [shown, setShown] = useState(false)
  return (
    <Card bordered={false} title='预约名单' className='bookings-card' style={{ marginTop: 16 }}>
      {shown ? (
        <Bookings programmeId={programmeId} />
      ) : (
        <Button id='bookings-load' onClick={() => setShown(true)}>
          查看预约名单（隐藏部分个人信息）
        </Button>
      )}
    </Card>
  )
}
