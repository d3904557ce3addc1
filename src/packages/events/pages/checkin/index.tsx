import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { BackLink } from '../../../../components/back-link'
import { StateView } from '../../../../components/state-view'
import { call, messageOf } from '../../../../services/api'
import { CheckInHistory } from '../../components/check-in-history'
import { RotatingQr } from '../../components/rotating-qr'
import { ScanBox } from '../../../../components/scan-box'
import { formatTime } from '../../lib/event-format'
import { useParams } from '../../lib/page-params'
import { useRemote } from '../../lib/use-remote'
import { useRotatingCode } from '../../lib/use-rotating-code'
import '../../styles.css'

/** My check-in code for one event, scanning a checkpoint's screen myself, and where I have checked in. */
export default function CheckInPage() {
  const { id = '' } = useParams()
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const fetchCode = useCallback(() => call('events', 'myCheckInCode', { eventId: id }, { idempotent: true, silent: true }), [id])
  const code = useRotatingCode(id ? fetchCode : null)
  const history = useRemote(() => call('events', 'myCheckIns', {}, { idempotent: true, silent: true }))

  const selfCheckIn = async (token: string) => {
    setBusy(true)
    setResult(null)
    try {
      const res = await call('events', 'selfCheckIn', { token, eventId: id || undefined }, { idempotent: true, loadingText: '正在签到' })
      const text = res.status === 'already' ? `已签到 ${formatTime(res.checkedInAt)}（${res.checkpoint.name}）` : `签到成功：${res.checkpoint.name} ${formatTime(res.checkedInAt)}`
      setResult({ ok: true, text })
      if (res.status === 'checked-in') Taro.showToast({ title: '签到成功', icon: 'success' })
      void history.reload(true)
    } catch (err) {
      setResult({ ok: false, text: messageOf(err) })
    } finally {
      setBusy(false)
    }
  }

  if (!id) return <View className='page'><StateView state='empty' message='请从活动列表选择活动' /><BackLink /></View>
  const mine = (history.data?.checkIns ?? []).filter((c) => c.eventId === id)
  return (
    <View className='page checkin'>
      <View className='card'>
        <Text className='card__title'>我的签到码</Text>
        <RotatingQr id='checkin-qr' {...code} onRetry={() => void code.refresh()} hint='请向签到点工作人员出示此码' />
      </View>
      <View className='card'>
        <Text className='card__title'>扫签到点二维码自助签到</Text>
        <ScanBox idPrefix='self-checkin' scanText='扫签到点二维码' inputLabel='签到点码' onCode={selfCheckIn} busy={busy} />
        {result && <Text id='self-checkin-result' className={`ev-result ev-result--${result.ok ? 'ok' : 'warn'}`}>{result.text}</Text>}
      </View>
      <CheckInHistory checkIns={mine} error={history.error} loading={!history.data} onRetry={() => void history.reload()} />
    </View>
  )
}
