import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { CheckInResultDTO } from '~types/screening'
import { ScanBox } from '~src/components/scan-box'
import { useAction } from '~src/hooks/use-action'
import { call } from '~src/services/api'
import { sessionLine } from '~src/packages/screening/lib/format'

/**
 * The front desk: scan her code (camera in WeChat; a picture, paste or typing in
 * the browser), see at once who she is and whether she is in; a re-scan answers
 * "已签到 08:12". The box is ready for the next woman after every answer.
 */
export function CheckinDesk({ onCheckedIn }: { onCheckedIn: () => void }) {
  const [result, setResult] = useState<CheckInResultDTO | null>(null)
  const checkIn = useAction(async (token: string) => {
    setResult(null)
    setResult(await call('screening', 'checkIn', { token }, { loadingText: '正在签到' }))
    onCheckedIn()
  })
  return (
    <View className='card'>
      <Text className='card__title'>签到</Text>
      {result && (
        <View id='checkin-result' className={`notice ${result.alreadyCheckedIn ? 'notice--warn' : 'notice--ok'}`}>
          <View>
            <Text id='checkin-message' className='sc-big'>
              {result.message}
            </Text>
            <Text className='sc-sub'>
              {result.name} · {sessionLine(result.session)}
            </Text>
          </View>
        </View>
      )}
      {checkIn.error && (
        <Text id='checkin-error' className='error-text'>
          {checkIn.error}
        </Text>
      )}
      <ScanBox idPrefix='nurse' scanText='扫描签到码' inputLabel='签到码' submitText='签到' onCode={checkIn.run} busy={checkIn.busy} />
    </View>
  )
}
