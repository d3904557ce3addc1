/** The member's sign-up in words (pure, unit-tested). */
import type { SignupDTO } from '~types/matchmaking'
import { formatDateTime } from '~src/utils/datetime'

export function signupText(s: SignupDTO): string {
  switch (s.status) {
    case 'review':
      return '已报名，等待工会审核'
    case 'approved':
      return s.badge ? `已签到 · ${s.badge}号` : '报名已通过，活动当天凭签到码入场'
    case 'waiting':
      return `候补中，您前面还有 ${Math.max(0, (s.position ?? 1) - 1)} 人`
    case 'offered':
      return `有空出的名额为您保留至 ${s.offerExpiresAt ? formatDateTime(s.offerExpiresAt) : ''}，请确认是否参加`
    case 'rejected':
      return `报名未通过：${s.rejectReason ?? ''}`
    case 'withdrawn':
      return '已随单身承诺撤回'
    default:
      return '已取消'
  }
}

export const isLive = (s: SignupDTO | null) => !!s && ['review', 'approved', 'waiting', 'offered'].includes(s.status)
