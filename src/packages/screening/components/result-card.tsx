import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ResultDTO } from '../../../../types/screening'
import { BigButton } from '../../../components/big-button'
import { call, messageOf } from '../../../services/api'
import { dateTimeOf } from '../utils/format'

/**
 * Her result, only when she taps to see it: the phone may be seen by others
 * (a rider at a pick-up counter), so it is never shown unasked.
 */
export function ResultCard({ programmeId }: { programmeId: string }) {
  const [result, setResult] = useState<ResultDTO | null>(null)
  const [none, setNone] = useState(false)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const show = async () => {
    setBusy(true)
    setError('')
    try {
      const r = await call('screening', 'myResult', { programmeId }, { idempotent: true, loadingText: '正在读取结果' })
      setResult(r)
      setNone(r === null)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card' id='result-card'>
      <Text className='card__title'>筛查结果</Text>
      {!result && <Text className='sc-sub'>{none ? '结果尚未出来，出来后会通知您。' : '结果已出，仅您本人可见。'}</Text>}
      {!result && <BigButton id='show-result' variant='secondary' loading={busy} onClick={show}>查看我的结果</BigButton>}
      {result && (
        <View>
          <Text id='result-outcome' className={`sc-big ${result.outcome === 'normal' ? 'sc-ok' : 'sc-warn'}`}>{result.outcomeLabel}</Text>
          {result.note ? <Text id='result-note' className='sc-sub'>医生建议：{result.note}</Text> : null}
          <Text className='sc-sub'>{result.siteName} · {dateTimeOf(result.readyAt)} 出具</Text>
          {result.outcome === 'recheck' && <Text className='sc-sub sc-warn'>请按建议尽快到医院复查，如有疑问可致电筛查医院。</Text>}
        </View>
      )}
      {error && <Text className='error-text'>{error}</Text>}
    </View>
  )
}
