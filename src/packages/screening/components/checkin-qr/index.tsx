import { Image, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { CheckinCodeDTO } from '../../../../../types/screening'
import { StateView } from '../../../../components/state-view'
import { call, messageOf } from '../../../../services/api'
import { useNow } from '../../hooks/use-now'
import { secondsLeft } from '../../utils/countdown'
import { qrDataUrl } from '../../../../utils/qr-data-url'
import './index.css'

/**
 * Her check-in code. It rotates (≈30 s) so a screenshot forwarded to someone
 * else is useless by the time they reach the desk; the countdown tells her why
 * it changes.
 */
export function CheckinQr({ programmeId }: { programmeId: string }) {
  // refreshAt is on the phone's own clock, so a phone set a few minutes wrong still counts down right.
  const [code, setCode] = useState<(CheckinCodeDTO & { refreshAt: number }) | null>(null)
  const [error, setError] = useState('')
  const now = useNow()
  const fetchCode = () => {
    setError('')
    call('screening', 'checkinCode', { programmeId }, { idempotent: true, silent: true }).then(
      (dto) => setCode({ ...dto, refreshAt: Date.now() + dto.refreshInMs }),
      (err) => setError(messageOf(err)),
    )
  }
  useEffect(fetchCode, [programmeId])
  useEffect(() => {
    if (!code) return undefined
    const timer = setTimeout(fetchCode, Math.max(1000, code.refreshInMs))
    return () => clearTimeout(timer)
  }, [code])

  const left = code ? secondsLeft(code.refreshAt, now) : 0
  if (!code) return <StateView state={error ? 'error' : 'loading'} message={error || '正在生成签到码…'} onRetry={fetchCode} />
  return (
    <View className='checkin-qr'>
      <Image id='checkin-qr-image' className='checkin-qr__image' src={qrDataUrl(code.token, 6)} mode='aspectFit' />
      <Text id='checkin-qr-countdown' className='checkin-qr__hint'>
        {left > 0 ? `${left} 秒后自动刷新` : '正在刷新…'}
      </Text>
      <Text className='checkin-qr__hint'>到院后请向前台出示此码签到，截图无效</Text>
    </View>
  )
}
