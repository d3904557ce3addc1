import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ResultDTO } from '~types/screening'
import { BigButton } from '~src/components/big-button'
import { useAction } from '~src/hooks/use-action'
import { call } from '~src/services/api'
import { formatDateTime } from '~src/utils/datetime'

/**
 * Her result, only when she taps to see it: the phone may be seen by others
 * (a rider at a pick-up counter), so it is never shown unasked. Hidden again
 * with one tap.
 */
export function ResultCard({ programmeId }: { programmeId: string }) {
  const [result, setResult] = useState<ResultDTO | null>(null)
  const [none, setNone] = useState(false)
  const show = useAction(async () => {
    const r = await call('screening', 'myResult', { programmeId }, { loadingText: '正在读取结果' })
    setResult(r)
    setNone(r === null)
  })
  return (
    <View className='card' id='result-card'>
      <Text className='card__title'>筛查结果</Text>
      {!result && <Text className='sc-sub'>{none ? '结果尚未出来，出来后会通知您。' : '结果已出，仅您本人可见。'}</Text>}
      {!result && (
        <BigButton id='show-result' variant='secondary' loading={show.busy} onClick={() => void show.run()}>
          查看我的结果
        </BigButton>
      )}
      {result && (
        <View>
          <Text id='result-outcome' className={`sc-big ${result.outcome === 'normal' ? 'sc-ok' : 'sc-warn'}`}>
            {result.outcomeLabel}
          </Text>
          {result.note ? (
            <Text id='result-note' className='sc-sub'>
              医生建议：{result.note}
            </Text>
          ) : null}
          <Text className='sc-sub'>
            {result.siteName} · {formatDateTime(result.readyAt)} 出具
          </Text>
          {result.outcome === 'recheck' && <Text className='sc-sub sc-warn'>请按建议尽快到医院复查，如有疑问可致电筛查医院。</Text>}
          <BigButton id='hide-result' variant='secondary' onClick={() => setResult(null)}>
            隐藏结果
          </BigButton>
        </View>
      )}
      {show.error && <Text className='error-text'>{show.error}</Text>}
    </View>
  )
}
