/** Settlement periods in Beijing time, wiring settlement.rules' periodRange to common/time. */
import dayjs from 'dayjs'
import { addDays, beijingInstant, TZ } from '../common/time'
import { periodRange } from './settlement.rules'
import type { Period } from '../../types/vouchers'

const weekday = (d: string) => dayjs.tz(`${d} 12:00`, 'YYYY-MM-DD HH:mm', TZ).day()

export function beijingPeriod(period: Period, date: string) {
  return periodRange(period, date, (d) => beijingInstant(d, '00:00'), addDays, weekday)
}
