/** The member function's door to vouchers' part of her data (my-data.service.ts, built once in the context). */
import { systemClock } from '../common/clock'
import type { DataProvider } from '../common/my-data'
import { vouchersServices } from './vouchers.context'

// Neither export nor erasure depends on the time: the instance's services under the system clock serve both.
export const vouchersData: DataProvider<'vouchers'> = {
  service: 'vouchers',
  exportFor: (db, openid) => vouchersServices(db, systemClock).myData.exportFor(openid),
  eraseFor: (db, openid) => vouchersServices(db, systemClock).myData.eraseFor(openid),
}
