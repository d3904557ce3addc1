import { PageFrame } from '../../../../components/page-frame'
import { useRemote } from '../../../../hooks/use-remote'
import { call } from '../../../../services/api'
import { CheckInHistory } from '../../components/check-in-history'
import '../../styles.css'

export default function MyCheckInsPage() {
  const history = useRemote((silent) => call('events', 'myCheckIns', {}, { silent }))
  return (
    <PageFrame className='mine'>
      <CheckInHistory checkIns={history.data?.checkIns ?? []} loading={!history.loaded} error={history.error} onRetry={() => void history.reload()} />
    </PageFrame>
  )
}
