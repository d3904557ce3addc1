import { View } from '@tarojs/components'
import { BackLink } from '../../../../components/back-link'
import { call } from '../../../../services/api'
import { CheckInHistory } from '../../components/check-in-history'
import { useRemote } from '../../lib/use-remote'
import '../../styles.css'

export default function MyCheckInsPage() {
  const { data, error, reload } = useRemote(() => call('events', 'myCheckIns', {}, { idempotent: true }))
  return (
    <View className='page mine'>
      <CheckInHistory checkIns={data?.checkIns ?? []} loading={!data} error={error} onRetry={() => void reload()} />
      <BackLink />
    </View>
  )
}
