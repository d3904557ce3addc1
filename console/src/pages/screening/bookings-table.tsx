import { useMemo, useState } from 'react'
import { Alert, Button, Card, Select, Table, type PrimaryTableCol } from 'tdesign-react'
import type { BookingStatus, ExportRowDTO } from '~types/screening'
import { call, messageOf } from '../../api'

const STATUSES: Record<BookingStatus, string> = { booked: '已预约', checked_in: '已签到', no_show: '未到', cancelled: '已取消' }

/**
 * 预约名单: the masked export's rows (screening.exportBookings without `full`, not audit-logged), filtered
 * here by site, day and status. Loaded when asked for: there is no paged, filtered bookings action yet.
 */
export function BookingsTable({ programmeId }: { programmeId: string }) {
  const [rows, setRows] = useState<ExportRowDTO[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [site, setSite] = useState('')
  const [date, setDate] = useState('')
  const [status, setStatus] = useState('')
  const load = async () => {
    setBusy(true)
    setError(null)
    try {
      setRows((await call('screening', 'exportBookings', { programmeId })).rows)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  const options = (pick: (r: ExportRowDTO) => string) => [...new Set((rows ?? []).map(pick))].sort().map((v) => ({ label: v, value: v }))
  const shown = useMemo(
    () => (rows ?? []).filter((r) => (!site || r.site === site) && (!date || r.date === date) && (!status || r.status === status)),
    [rows, site, date, status],
  )
  const columns: PrimaryTableCol<ExportRowDTO>[] = [
    { colKey: 'memberRef', title: '会员编号' },
    { colKey: 'name', title: '姓名' },
    { colKey: 'phone', title: '手机号' },
    { colKey: 'branch', title: '所属工会' },
    { colKey: 'site', title: '筛查点' },
    { colKey: 'date', title: '日期', sorter: (a, b) => a.date.localeCompare(b.date) },
    { colKey: 'time', title: '时段' },
    { colKey: 'status', title: '状态', cell: ({ row }) => STATUSES[row.status] },
    { colKey: 'result', title: '结果' },
  ]
  return (
    <Card bordered={false} title='预约名单' style={{ marginTop: 16 }}>
      {!rows ? (
        <Button id='bookings-load' loading={busy} onClick={() => void load()}>
          查看预约名单（隐藏部分个人信息）
        </Button>
      ) : (
        <>
          <div style={{ display: 'flex', gap: 12, marginBottom: 16 }}>
            <Select
              placeholder='全部筛查点'
              clearable
              value={site}
              onChange={(v) => setSite(String(v ?? ''))}
              options={options((r) => r.site)}
              style={{ width: 240 }}
            />
            <Select
              placeholder='全部日期'
              clearable
              value={date}
              onChange={(v) => setDate(String(v ?? ''))}
              options={options((r) => r.date)}
              style={{ width: 180 }}
            />
            <Select
              placeholder='全部状态'
              clearable
              value={status}
              onChange={(v) => setStatus(String(v ?? ''))}
              options={Object.entries(STATUSES).map(([value, label]) => ({ value, label }))}
              style={{ width: 160 }}
            />
            <Button variant='outline' loading={busy} onClick={() => void load()}>
              刷新
            </Button>
          </div>
          <Table
            rowKey='bookingId'
            columns={columns}
            data={shown}
            empty='没有符合条件的预约'
            pagination={{ defaultPageSize: 20, pageSizeOptions: [20, 50], total: shown.length }}
          />
        </>
      )}
      {error && <Alert theme='error' message={error} style={{ marginTop: 16 }} />}
    </Card>
  )
}
