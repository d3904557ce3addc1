import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { type BookingDTO, type ProgrammeCardDTO, siteLabel } from '~types/screening'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { NoticeBanner } from '~src/components/notice-banner'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { RotatingCode } from '~src/components/rotating-code'
import { StateView } from '~src/components/state-view'
import { useAction } from '~src/hooks/use-action'
import { useParams } from '~src/hooks/use-params'
import { outcomeOf } from '~src/hooks/use-rotating-code'
import { useRemote, type Remote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { confirmDialog } from '~src/services/dialog'
import { formatDateTime, formatTime } from '~src/utils/datetime'
import { ResultCard } from '~src/packages/screening/components/result-card'
import { sessionLine, STATUS_LABEL } from '~src/packages/screening/lib/format'
import { loadCard } from '~src/packages/screening/lib/programme'
import '~src/packages/screening/styles.css'

function Details({ b }: { b: BookingDTO }) {
  return (
    <View className='card' id='booking-details'>
      <Text className='card__title'>{b.programmeName}</Text>
      <Text id='booking-status' className={`sc-tag ${b.status === 'cancelled' || b.status === 'no_show' ? 'sc-tag--warn' : 'sc-tag--ok'}`}>
        {STATUS_LABEL[b.status]}
      </Text>
      <Text id='booking-time' className='sc-big'>
        {sessionLine(b.session)}
      </Text>
      <Text id='booking-site' className='sc-sub'>
        地点：{siteLabel(b.site)}
      </Text>
      <Text className='sc-sub'>地址：{b.site.address}</Text>
      <Text className='sc-sub'>电话：{b.site.phone}</Text>
      <Text className='sc-step'>请携带</Text>
      {b.whatToBring.map((w) => (
        <Text key={w} className='sc-sub'>
          · {w}
        </Text>
      ))}
      <Text className='sc-sub'>
        已同意个人信息告知（第 {b.consent.version} 版，{formatDateTime(b.consent.at)}）
      </Text>
    </View>
  )
}

/** Her check-in code; it turns into 已签到 the moment the front desk scans it. */
function CheckinCode({ b, onCheckedIn }: { b: BookingDTO; onCheckedIn: () => void }) {
  const checkStatus = async () => outcomeOf(await call('screening', 'codeStatus', { programmeId: b.programmeId }, { silent: true }))
  return (
    <View className='card'>
      <Text className='card__title'>签到码</Text>
      <RotatingCode
        id='checkin-qr'
        fetchCode={() => call('screening', 'checkinCode', { programmeId: b.programmeId }, { silent: true })}
        checkStatus={checkStatus}
        deps={[b.bookingId, b.session.id]}
        onOutcome={onCheckedIn}
        hint='到院后请向前台出示此码签到，截图无效'
      />
    </View>
  )
}

/** Cancels after she confirms; the page then shows the cancelled booking the server returned. */
function useCancel(b: BookingDTO, card: Remote<ProgrammeCardDTO | null>) {
  const ask = () =>
    confirmDialog({
      title: '取消预约',
      content: '取消后名额会立即让给其他人，确定取消吗？',
      confirmText: '确定取消',
      cancelText: '再想想',
      danger: true,
    })
  return useAction(
    async () => {
      const cancelled = await call('screening', 'cancel', { programmeId: b.programmeId }, { loadingText: '正在取消' })
      // Show the cancelled booking as the server returned it (a re-read no longer lists it as hers).
      if (card.data) card.setData({ ...card.data, myBooking: cancelled })
    },
    { ask },
  )
}

/** 改约 / 取消 while allowed; once the window has closed, why they are gone and whom to call. */
function Changes({ b, programmeHours, card }: { b: BookingDTO; programmeHours: number; card: Remote<ProgrammeCardDTO | null> }) {
  const cancel = useCancel(b, card)
  if (b.status !== 'booked') return null
  if (!b.canCancel) {
    return (
      <NoticeBanner
        id='change-closed'
        tone='warn'
        text={`就诊前 ${programmeHours} 小时内不能改约或取消（截止于 ${formatDateTime(b.cancelDeadline)}）。如确实不能到场，请致电 ${b.site.phone}。`}
      />
    )
  }
  return (
    <View>
      <Text className='sc-sub'>{formatDateTime(b.cancelDeadline)} 前可改约或取消</Text>
      <BigButton
        id='reschedule'
        variant='secondary'
        loading={cancel.busy}
        onClick={() => Taro.navigateTo({ url: routeUrl('screeningBook', { id: b.programmeId, mode: 'reschedule' }) })}
      >
        改约其他时段
      </BigButton>
      <BigButton id='cancel-booking' variant='danger' loading={cancel.busy} onClick={() => void cancel.run()}>
        取消预约
      </BigButton>
      {cancel.error && (
        <Text id='booking-error' className='error-text'>
          {cancel.error}
        </Text>
      )}
    </View>
  )
}

/** No booking of hers in this programme: the way back to book, when the page knows which programme. */
function NoBooking({ id }: { id: string }) {
  return (
    <>
      <StateView state='empty' message='您在本项目还没有预约' />
      {id && (
        <BigButton id='book-again' onClick={() => Taro.redirectTo({ url: routeUrl('screeningProgramme', { id }) })}>
          去预约
        </BigButton>
      )}
    </>
  )
}

function Booking({ b, c, card }: { b: BookingDTO; c: ProgrammeCardDTO; card: Remote<ProgrammeCardDTO | null> }) {
  return (
    <>
      <Details b={b} />
      {b.status === 'booked' && <CheckinCode b={b} onCheckedIn={() => void card.reload()} />}
      {b.status === 'checked_in' && b.checkedInAt && (
        <Text id='checked-in' className='sc-big sc-ok'>
          已签到 {formatTime(b.checkedInAt)}
        </Text>
      )}
      {b.resultReady && <ResultCard programmeId={b.programmeId} />}
      <Changes b={b} programmeHours={c.programme.cancelDeadlineHours} card={card} />
      {b.status === 'cancelled' && (
        <BigButton id='book-again' onClick={() => Taro.redirectTo({ url: routeUrl('screeningProgramme', { id: b.programmeId }) })}>
          重新预约
        </BigButton>
      )}
      <BigButton id='go-outbox' variant='secondary' onClick={() => Taro.navigateTo({ url: routeUrl('screeningOutbox') })}>
        通知记录
      </BigButton>
    </>
  )
}

export default function BookingPage() {
  const params = useParams()
  const card = useRemote((silent) => loadCard(params.id, silent), [params.id])
  return (
    <PageFrame>
      <RemoteView remote={card}>
        {(c) => {
          const b = c?.myBooking
          if (!c || !b) return <NoBooking id={params.id} />
          return <Booking b={b} c={c} card={card} />
        }}
      </RemoteView>
    </PageFrame>
  )
}
