import { ComingSoon } from '../../../../components/coming-soon'
import { serviceByKey } from '../../../../constants/service-catalog'

const service = serviceByKey('matchmaking')

export default function MatchmakingIndex() {
  return <ComingSoon title={service.name} description={service.description} audience={service.audience} />
}
