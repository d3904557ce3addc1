import type { BookingStatus, SessionDTO, SiteDTO } from '../../../../types/screening'
import { formatShanghai } from '../../../utils/datetime'

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** '2026-03-09' → '3月9日 周一': the calendar day as a person says it. */
export function dayLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]
  return `${m}月${d}日 ${weekday}`
}

export const clockOf = (ms: number): string => formatShanghai(ms, 'HH:mm')
export const dateTimeOf = (ms: number): string => formatShanghai(ms, 'M月D日 HH:mm')

/** '3月9日 周一 07:00–09:00 · 市妇幼保健院' */
export function sessionLine(session: SessionDTO, site?: SiteDTO): string {
  return `${dayLabel(session.date)} ${session.label}${site ? ` · ${site.name}` : ''}`
}

export const STATUS_LABEL: Record<BookingStatus, string> = {
  booked: '已预约',
  checked_in: '已签到',
  no_show: '未到场',
  cancelled: '已取消',
}

export function placesBadge(left: number): string {
  return left > 0 ? `余 ${left} 个` : '已约满'
}
