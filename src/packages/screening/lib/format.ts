import { type BookingStatus, type SessionDTO, type SiteDTO, siteLabel } from '~types/screening'
import { dayLabel } from '~src/utils/datetime'

/** '3月9日 周一 07:00–09:00 · 妇女保健科（南京市妇幼保健院）' */
export function sessionLine(session: SessionDTO, site?: SiteDTO): string {
  return `${dayLabel(session.date)} ${session.label}${site ? ` · ${siteLabel(site)}` : ''}`
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
