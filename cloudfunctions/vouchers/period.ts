/** Settlement periods in Beijing time, wiring settlement.rules' periodRange to common/time. */
import { addDays, beijingInstant, dayOfWeek } from '../common/time'
import { periodRange } from './settlement.rules'
import type { Period } from '~types/vouchers'

export function beijingPeriod(period: Period, date: string) {
  return periodRange(period, date, (d) => beijingInstant(d, '00:00'), addDays, dayOfWeek)
}
