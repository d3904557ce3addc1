import { ComingSoon } from '../../../../components/coming-soon'
import { serviceByKey } from '../../../../constants/service-catalog'

const service = serviceByKey('events')

export default function EventsIndex() {
  return <ComingSoon title={service.name} description={service.description} audience={service.audience} />
}
