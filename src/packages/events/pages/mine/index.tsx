import { PageFrame } from '~src/components/page-frame'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { CheckInHistory } from '~src/packages/events/components/check-in-history'
import '~src/packages/events/styles.css'

export default function MyCheckInsPage() {
  const history = useRemote((silent) => call('events', 'myCheckIns', {}, { silent }))
  return (
    <PageFrame className='mine'>
      <CheckInHistory
        checkIns={history.data?.checkIns ?? []}
        loading={!history.loaded}
        error={history.error}
        onRetry={() => void history.reload()}
      />
    </PageFrame>
  )
}
