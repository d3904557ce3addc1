import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { BookingDTO } from '../../../../../types/screening'
import { BackLink } from '../../../../components/back-link'
import { BigButton } from '../../../../components/big-button'
import { StateView } from '../../../../components/state-view'
import { call, messageOf } from '../../../../services/api'
import { CheckinQr } from '../../components/checkin-qr'
import { ResultCard } from '../../components/result-card'
import { useRemote } from '../../hooks/use-remote'
import { loadCard } from '../../services/programme'
import { clockOf, dateTimeOf, sessionLine, STATUS_LABEL } from '../../utils/format'
import { routes } from '../../utils/routes'
import '../../styles.css'

function Details({ b }: { b: BookingDTO }) {
  return (
    <View className='card' id='booking-details'>
      <Text className='card__title'>{b.programmeName}</Text>
      <Text id='booking-status' className={`sc-tag ${b.status === 'cancelled' || b.status === 'no_show' ? 'sc-tag--warn' : 'sc-tag--ok'}`}>{STATUS_LABEL[b.status]}</Text>
      <Text id='booking-time' className='sc-big'>{sessionLine(b.session)}</Text>
      <Text className='sc-sub'>{b.site.name}（{b.site.hospital}）</Text>
      <Text className='sc-sub'>地址：{b.site.address}</Text>
      <Text className='sc-sub'>电话：{b.site.phone}</Text>
      <Text className='sc-step'>请携带</Text>
      {b.whatToBring.map((w) => (
        <Text key={w} className='sc-sub'>· {w}</Text>
      ))}
      <Text className='sc-sub'>已同意个人信息告知（第 {b.consent.version} 版，{dateTimeOf(b.consent.at)}）</Text>
    </View>
  )
}

export default function BookingPage() {
  const { params } = useRouter()
  const card = useRemote((silent) => loadCard(params.id, silent))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  if (!card.loaded) return <StateView state={card.error ? 'error' : 'loading'} message={card.error || undefined} onRetry={card.reload} />
  const b = card.data?.myBooking
  if (!card.data || !b) {
    return (
      <View className='page'>
        <StateView state='empty' message='您在本项目还没有预约' />
        {params.id && <BigButton id='book-again' onClick={() => Taro.redirectTo({ url: routes.programme(params.id ?? '') })}>去预约</BigButton>}
        <BackLink />
      </View>
    )
  }
  const pid = b.programmeId

  const cancel = async () => {
    const ok = await Taro.showModal({ title: '取消预约', content: '取消后名额会立即让给其他人，确定取消吗？', confirmText: '确定取消', cancelText: '再想想' })
    if (!ok.confirm) return
    setBusy(true)
    setError('')
    try {
      const cancelled = await call('screening', 'cancel', { programmeId: pid }, { idempotent: true, loadingText: '正在取消' })
      // Show the cancelled booking as the server returned it (a re-read no longer lists it as hers).
      if (card.data) card.setData({ ...card.data, myBooking: cancelled })
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='page'>
      <Details b={b} />
      {b.status === 'booked' && (
        <View className='card' id='checkin-qr'>
          <Text className='card__title'>签到码</Text>
          <CheckinQr key={`${b.bookingId}:${b.session.id}`} programmeId={pid} />
        </View>
      )}
      {b.status === 'checked_in' && b.checkedInAt && <Text id='checked-in' className='sc-big sc-ok'>已签到 {clockOf(b.checkedInAt)}</Text>}
      {b.resultReady && <ResultCard programmeId={pid} />}
      {b.canCancel && (
        <View>
          <Text className='sc-sub'>{dateTimeOf(b.cancelDeadline)} 前可改约或取消</Text>
          <BigButton id='reschedule' variant='secondary' loading={busy} onClick={() => Taro.navigateTo({ url: routes.book(pid, true) })}>改约其他时段</BigButton>
          <BigButton id='cancel-booking' variant='danger' loading={busy} onClick={cancel}>取消预约</BigButton>
        </View>
      )}
      {b.status === 'cancelled' && <BigButton id='book-again' onClick={() => Taro.redirectTo({ url: routes.programme(pid) })}>重新预约</BigButton>}
      {error && <Text id='booking-error' className='error-text'>{error}</Text>}
      <BigButton id='go-outbox' variant='secondary' onClick={() => Taro.navigateTo({ url: routes.outbox() })}>通知记录</BigButton>
      <BackLink />
    </View>
  )
}
