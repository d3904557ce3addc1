/** Times are stored as UTC ms and shown in Asia/Shanghai (functions run in UTC). */
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

export const TZ = 'Asia/Shanghai'

export function shanghai(ms: number, format = 'YYYY-MM-DD HH:mm:ss'): string {
  return dayjs(ms).tz(TZ).format(format)
}
