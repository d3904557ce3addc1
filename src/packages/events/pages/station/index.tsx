import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { CheckInCountsDTO } from '../../../../../types/events'
import { BigButton } from '../../../../components/big-button'
import { StateView } from '../../../../components/state-view'
import { call, messageOf } from '../../../../services/api'
import { CheckpointScreen } from '../../components/checkpoint-screen'
import { ScanBox } from '../../../../components/scan-box'
import { formatTime } from '../../lib/event-format'
import { useParams } from '../../lib/page-params'
import { useRemote } from '../../lib/use-remote'
import '../../styles.css'

const POLL_MS = 10_000

/** A checkpoint's staff screen: scan members in, or show a code for them to scan; counts stay live. */
export default function Station() {
  const { id = '' } = useParams()
  const detail = useRemote(() => call('events', 'eventDetail', { eventId: id }, { idempotent: true }))
  const [cpId, setCpId] = useState('')
  const [counts, setCounts] = useState<CheckInCountsDTO | null>(null)
  const [busy, setBusy] = useState(false)
  const [showCode, setShowCode] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const checkpoints = detail.data?.checkpoints ?? []
  const current = checkpoints.find((c) => c.id === cpId) ?? checkpoints[0]

  useEffect(() => {
    if (!id) return
    const load = () => call('events', 'checkInCounts', { eventId: id }, { idempotent: true, silent: true }).then(setCounts, () => undefined)
    void load()
    const timer = setInterval(load, POLL_MS)
    return () => clearInterval(timer)
  }, [id])

  const checkIn = async (token: string) => {
    if (!current) return
    setBusy(true)
    setResult(null)
    try {
      const r = await call('events', 'checkIn', { eventId: id, checkpointId: current.id, token }, { idempotent: true, loadingText: '正在签到' })
      setCounts(r.counts)
      setResult(r.status === 'already' ? { ok: false, text: `${r.memberName} 已签到 ${formatTime(r.checkedInAt)}` } : { ok: true, text: `${r.memberName} 签到成功 ${formatTime(r.checkedInAt)}` })
    } catch (err) {
      setResult({ ok: false, text: messageOf(err) })
    } finally {
      setBusy(false)
    }
  }

  if (!detail.data) return <View className='page'><StateView state={detail.error ? 'error' : 'loading'} message={detail.error || undefined} onRetry={() => void detail.reload()} /></View>
  if (!current) return <View className='page'><StateView state='empty' message='本活动没有设置签到点' /></View>
  return (
    <View className='page station'>
      <Text className='ev-title'>{detail.data.title}</Text>
      <View className='ev-actions'>
        {checkpoints.map((c) => (
          <BigButton key={c.id} id={`cp-${c.id}`} variant={c.id === current.id ? 'primary' : 'secondary'} onClick={() => setCpId(c.id)}>{c.name}</BigButton>
        ))}
      </View>
      <View id='checkin-counts' className='card'>
        <Text className='card__title'>实时人数（已报名 {counts?.signedUp ?? '—'} 人）</Text>
        {(counts?.checkpoints ?? []).map((c) => (
          <View key={c.checkpointId} className='row'>
            <Text>{c.name}</Text>
            <Text id={`count-${c.checkpointId}`} className='ev-ok'>已签到 {c.checkedIn} / {counts?.signedUp ?? 0}</Text>
          </View>
        ))}
      </View>
      <View className='card'>
        <Text className='card__title'>{current.name} · 开放 {formatTime(current.opensAt)}–{formatTime(current.closesAt)}</Text>
        {showCode ? <CheckpointScreen eventId={id} checkpointId={current.id} /> : <ScanBox idPrefix='station' scanText='扫会员签到码' inputLabel='签到码' onCode={checkIn} busy={busy} />}
        {result && <Text id='station-result' className={`ev-result ev-result--${result.ok ? 'ok' : 'warn'}`}>{result.text}</Text>}
        <BigButton variant='secondary' onClick={() => setShowCode(!showCode)}>{showCode ? '改为扫会员签到码' : '大屏显示签到点二维码（会员自助扫码）'}</BigButton>
      </View>
    </View>
  )
}
