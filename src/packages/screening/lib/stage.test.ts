import type { BookingDTO, ProgrammeCardDTO, WaitlistDTO } from '~types/screening'
import { msUntil, stageOf } from './stage'

function card(
  over: Partial<ProgrammeCardDTO> & { status?: 'upcoming' | 'open' | 'closed'; left?: number; eligible?: boolean },
): ProgrammeCardDTO {
  const { status = 'open', left = 5, eligible = true, ...rest } = over
  return {
    programme: { status, placesLeft: left } as ProgrammeCardDTO['programme'],
    eligibility: {
      eligible,
      reasons: eligible ? [] : ['年龄不在 30–60 岁范围'],
      reason: eligible ? null : '年龄不在 30–60 岁范围',
      priority: false,
      priorityNote: null,
    },
    myBooking: null,
    myWaitlist: null,
    releaseReminder: false,
    serverNow: 0,
    ...rest,
  }
}
const booking = (status: BookingDTO['status']) => ({ status }) as BookingDTO
const waitlist = (status: WaitlistDTO['status'], offer: WaitlistDTO['offer'] = null) => ({ status, offer }) as WaitlistDTO

describe('stageOf', () => {
  it('follows time for an eligible woman without a booking', () => {
    expect(stageOf(card({ status: 'upcoming' }))).toBe('upcoming')
    expect(stageOf(card({ status: 'open' }))).toBe('open')
    expect(stageOf(card({ status: 'open', left: 0 }))).toBe('full')
    expect(stageOf(card({ status: 'closed' }))).toBe('closed')
  })
  it('puts ineligibility before time, so she learns why before the release', () => {
    expect(stageOf(card({ status: 'upcoming', eligible: false }))).toBe('ineligible')
  })
  it('always leads to a booking she holds, but not to a cancelled one', () => {
    expect(stageOf(card({ myBooking: booking('booked'), status: 'closed' }))).toBe('booked')
    expect(stageOf(card({ myBooking: booking('checked_in') }))).toBe('booked')
    expect(stageOf(card({ myBooking: booking('cancelled') }))).toBe('open')
  })
  it('shows an offer or her place in line', () => {
    expect(stageOf(card({ left: 0, myWaitlist: waitlist('waiting') }))).toBe('waiting')
    expect(stageOf(card({ myWaitlist: waitlist('offered', { expiresAt: 1 } as WaitlistDTO['offer']) }))).toBe('offered')
    expect(stageOf(card({ left: 0, myWaitlist: waitlist('expired') }))).toBe('full')
  })
})

describe('msUntil', () => {
  it('counts by the server clock even when the phone is 5 minutes fast', () => {
    const fast = 5 * 60_000
    // Read at server 10:00:00 = phone 10:05:00; release at 10:01:00; 20 s later on the phone.
    expect(msUntil(60_000, 0, fast, fast + 20_000)).toBe(40_000)
  })
})
