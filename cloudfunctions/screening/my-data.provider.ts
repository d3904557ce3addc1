/** Screening's provider for member's 我的数据 (common/my-data.ts), served by the services of the composition root. */
import { systemClock } from '../common/clock'
import type { DataProvider } from '../common/my-data'
import { servicesOf } from './screening.context'

export const screeningData: DataProvider<'screening'> = {
  service: 'screening',
  exportFor: (db, openid) => servicesOf({ db, clock: systemClock }).myData.exportFor(openid),
  eraseFor: (db, openid) => servicesOf({ db, clock: systemClock }).myData.eraseFor(openid),
}
