import type { EventKind, EventPhase, EventSummaryDTO } from '~types/events'

export const KIND_LABEL: Record<EventKind, string> = { fair: '集章市集', activity: '签到活动' }
export const PHASE_LABEL: Record<EventPhase, string> = { upcoming: '即将开始', ongoing: '进行中', ended: '已结束' }

export type SignUpState =
  { kind: 'not-needed' } | { kind: 'signed-up'; label: string } | { kind: 'open'; label: string } | { kind: 'closed'; label: string }

/** What the sign-up button says and whether it can be tapped, from the server's view of the event. */
export function signUpState(e: EventSummaryDTO, now: number): SignUpState {
  if (e.mySignUp) return { kind: 'signed-up', label: '已报名' }
  if (!e.signUp.required) return { kind: 'not-needed' }
  if (e.phase === 'ended') return { kind: 'closed', label: '活动已结束' }
  if (e.signUp.closesAt !== null && now >= e.signUp.closesAt) return { kind: 'closed', label: '报名已截止' }
  if (e.full) return { kind: 'closed', label: '已满' }
  // the owner's members only (issue 20): the card says why beside it
  if (e.notForYou) return { kind: 'closed', label: '仅限本单位会员报名' }
  const seats = e.signUp.capacity === null ? '' : `（剩余 ${Math.max(0, e.signUp.capacity - e.signedUp)} 个名额）`
  return { kind: 'open', label: `立即报名${seats}` }
}

/** "已报名 120 / 600 人", or without a cap "已报名 120 人". */
export function signedUpText(e: EventSummaryDTO): string {
  return e.signUp.capacity === null ? `已报名 ${e.signedUp} 人` : `已报名 ${e.signedUp} / ${e.signUp.capacity} 人`
}
