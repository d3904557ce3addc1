import type { ProgrammeCardDTO } from '~types/screening'
import { formatDateTime } from '~src/utils/datetime'

export type EligibilityView =
  { kind: 'attended'; title: string; detail: string } | { kind: 'ineligible'; reasons: string } | { kind: 'eligible' }

/**
 * What the page says about taking part. Once she has checked in, the server's
 * rule reads "已参加本轮筛查" as a refusal; to her it is the good news that she
 * has attended, so it is said that way and not as 暂不符合.
 */
export function eligibilityView(card: ProgrammeCardDTO): EligibilityView {
  const b = card.myBooking
  if (b && b.status === 'checked_in') {
    const when = b.checkedInAt ? `${formatDateTime(b.checkedInAt)} 已签到。` : ''
    return {
      kind: 'attended',
      title: '您已参加本轮筛查',
      detail: `${when}${b.resultReady ? '结果已出，可在“我的预约”中查看。' : '结果出来后会通知您。'}`,
    }
  }
  if (!card.eligibility.eligible)
    return { kind: 'ineligible', reasons: card.eligibility.reasons.join('；') || card.eligibility.reason || '' }
  return { kind: 'eligible' }
}
