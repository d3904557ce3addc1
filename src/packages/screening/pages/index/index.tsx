import { ComingSoon } from '../../../../components/coming-soon'
import { serviceByKey } from '../../../../constants/service-catalog'

const service = serviceByKey('screening')

export default function ScreeningIndex() {
  return <ComingSoon title={service.name} description={service.description} audience={service.audience} />
}
