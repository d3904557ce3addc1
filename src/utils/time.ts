import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/**
 * Shows a UTC-ms instant as Beijing time. A fixed +08:00 offset (China has no
 * daylight saving) instead of the timezone plugin, which needs Intl time zone
 * data that not every mini-program JS engine ships.
 */
export function formatShanghai(ms: number, pattern = 'YYYY年M月D日 HH:mm'): string {
  return dayjs(ms).utcOffset(8 * 60).format(pattern)
}
