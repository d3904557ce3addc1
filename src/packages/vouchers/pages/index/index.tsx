import { ComingSoon } from '../../../../components/coming-soon'
import { serviceByKey } from '../../../../constants/service-catalog'

const service = serviceByKey('vouchers')

export default function VouchersIndex() {
  return <ComingSoon title={service.name} description={service.description} audience={service.audience} />
}
