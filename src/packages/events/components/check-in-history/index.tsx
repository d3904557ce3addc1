import { Text, View } from '@tarojs/components'
import type { MyCheckInDTO } from '~types/events'
import { StateView } from '~src/components/state-view'
import { formatDateTime } from '~src/utils/datetime'

interface Props {
  checkIns: MyCheckInDTO[]
  loading: boolean
  error: string
  onRetry: () => void
}

export function CheckInHistory({ checkIns, loading, error, onRetry }: Props) {
  return (
    <View id='checkin-history' className='card'>
      <Text className='card__title'>签到记录</Text>
      {error && <StateView state='error' message={error} onRetry={onRetry} />}
      {!error && loading && <StateView state='loading' />}
      {!error && !loading && checkIns.length === 0 && <Text className='muted'>还没有签到记录</Text>}
      {checkIns.map((c) => (
        <View key={`${c.eventId}:${c.checkpointId}`} className='row'>
          <Text>
            {c.eventTitle} · {c.checkpointName}
          </Text>
          <Text className='row__label'>
            {formatDateTime(c.checkedInAt)}
            {c.via === 'self' ? ' 自助' : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}
