import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { StaffBookingRowDTO } from '~types/screening'
import { BigButton } from '~src/components/big-button'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useAction } from '~src/hooks/use-action'
import { useParams } from '~src/hooks/use-params'
import { useRemote, type Remote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { confirmDialog } from '~src/services/dialog'
import { formatTime } from '~src/utils/datetime'
import { ResultForm } from '~src/packages/screening/components/result-form'
import { STATUS_LABEL } from '~src/packages/screening/lib/format'
import '~src/packages/screening/styles.css'

function Row({ r, open, onOpen, onDone }: { r: StaffBookingRowDTO; open: boolean; onOpen: () => void; onDone: () => void }) {
  return (
    <View id={`booking-row-${r.bookingId}`} className='sc-list-item'>
      <Text className='card__title'>
        {r.name} · {r.phone}
      </Text>
      <Text className='sc-sub'>
        {STATUS_LABEL[r.status]}
        {r.checkedInAt ? ` ${formatTime(r.checkedInAt)}` : ''}
        {r.resultReady ? ' · 结果已登记' : ''}
      </Text>
      {r.status === 'checked_in' && !open && (
        <BigButton id={`mark-result-${r.bookingId}`} variant='secondary' onClick={onOpen}>
          {r.resultReady ? '查看或更正结果' : '登记结果'}
        </BigButton>
      )}
      {open && <ResultForm bookingId={r.bookingId} onDone={onDone} name={r.name} resultReady={r.resultReady} />}
    </View>
  )
}

/** Marks every woman not checked in as a no-show, after the desk confirms, then re-reads the list. */
function useMarkNoShows(sessionId: string, rows: Remote<StaffBookingRowDTO[]>, setNote: (note: string) => void) {
  const ask = () => confirmDialog({ title: '标记未到场', content: '把本场次所有未签到的预约标记为未到场？', confirmText: '确定标记' })
  return useAction(
    async () => {
      const res = await call('screening', 'markNoShows', { sessionId }, { loadingText: '正在标记' })
      setNote(`已标记 ${res.marked} 人未到场`)
      await rows.reload()
    },
    { ask },
  )
}

interface ListProps {
  rows: Remote<StaffBookingRowDTO[]>
  open: string
  setOpen: (bookingId: string) => void
  onDone: () => void
}

function BookingList({ rows, open, setOpen, onDone }: ListProps) {
  return (
    <RemoteView remote={rows} isEmpty={(d) => d.length === 0} emptyText='本场次没有预约'>
      {(list) => (
        <View className='card' id='session-bookings'>
          {list.map((r) => (
            <Row key={r.bookingId} r={r} open={open === r.bookingId} onOpen={() => setOpen(r.bookingId)} onDone={onDone} />
          ))}
        </View>
      )}
    </RemoteView>
  )
}

/** One session's list at the desk: who came, mark the rest as no-shows in one step, register results. */
export default function SessionPage() {
  const params = useParams()
  const sessionId = params.id ?? ''
  const rows = useRemote((silent) => call('screening', 'staffBookings', { sessionId }, { silent }))
  const [open, setOpen] = useState('')
  const [note, setNote] = useState('')
  const noShows = useMarkNoShows(sessionId, rows, setNote)
  const done = () => {
    setOpen('')
    setNote('结果已登记，已通知本人查看')
    void rows.reload()
  }
  const waiting = rows.data?.filter((r) => r.status === 'booked').length ?? 0
  return (
    <PageFrame>
      <Text className='sc-title'>{params.title || '场次名单'}</Text>
      <BookingList rows={rows} open={open} setOpen={setOpen} onDone={done} />
      {noShows.error && <Text className='error-text'>{noShows.error}</Text>}
      {note && (
        <Text id='session-note' className='sc-sub sc-ok'>
          {note}
        </Text>
      )}
      {waiting > 0 && (
        <BigButton id='mark-no-shows' variant='danger' loading={noShows.busy} onClick={() => void noShows.run()}>
          场次结束：{waiting} 人未签到，标记为未到场
        </BigButton>
      )}
    </PageFrame>
  )
}
