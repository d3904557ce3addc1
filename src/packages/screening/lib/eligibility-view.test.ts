import type { BookingDTO, ProgrammeCardDTO } from '~types/screening'
import { eligibilityView } from './eligibility-view'

const refusedAsAttended = { eligible: false, reasons: ['已参加本轮筛查'], reason: '已参加本轮筛查', priority: false, priorityNote: null }

function card(booking: Partial<BookingDTO> | null, eligibility = refusedAsAttended): ProgrammeCardDTO {
  return { eligibility, myBooking: booking as BookingDTO | null } as unknown as ProgrammeCardDTO
}

test('after her own check-in she reads that she has attended, never 暂不符合 / 已参加本轮筛查 as a refusal', () => {
  const view = eligibilityView(card({ status: 'checked_in', checkedInAt: Date.UTC(2027, 2, 9, 0, 12), resultReady: false }))
  expect(view).toEqual({ kind: 'attended', title: '您已参加本轮筛查', detail: '3月9日 08:12 已签到。结果出来后会通知您。' })
})

test('a woman who is not eligible still reads every reason', () => {
  const view = eligibilityView(card(null, { ...refusedAsAttended, reasons: ['年龄不在 30–60 岁范围', '仅限女职工'] }))
  expect(view).toEqual({ kind: 'ineligible', reasons: '年龄不在 30–60 岁范围；仅限女职工' })
})
