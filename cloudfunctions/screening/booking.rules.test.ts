import { bookingGate, cancelDeadlineOf, checkinWindow, periodOf, programmeStatus, type ProgrammeTimes } from './booking.rules'

const H = 3600_000
const p: ProgrammeTimes = {
  releaseAt: 100 * H,
  bookingClosesAt: 300 * H,
  cancelDeadlineHours: 2,
  checkinToleranceMinutes: 30,
  priorityWindowMinutes: 60,
}
const s = { startAt: 200 * H, endAt: 202 * H }

describe('booking gates', () => {
  it('refuses before release, inside the priority window for others, after closing or once the session started', () => {
    expect(bookingGate(p, s, 100 * H - 1, true)).toBe('NOT_RELEASED')
    expect(bookingGate(p, s, 100 * H, false)).toBe('PRIORITY_ONLY')
    expect(bookingGate(p, s, 100 * H, true)).toBeNull()
    expect(bookingGate(p, s, 101 * H, false)).toBeNull()
    expect(bookingGate(p, s, 200 * H, true)).toBe('BOOKING_CLOSED')
    expect(bookingGate(p, { startAt: 400 * H, endAt: 401 * H }, 300 * H, true)).toBe('BOOKING_CLOSED')
  })

  it('computes the cancel deadline and the check-in window with tolerance', () => {
    expect(cancelDeadlineOf(p, s)).toBe(198 * H)
    expect(checkinWindow(p, s)).toEqual({ opensAt: 200 * H - 30 * 60_000, closesAt: 202 * H + 30 * 60_000 })
  })

  it('names periods and programme status', () => {
    expect([periodOf('07:00'), periodOf('11:30'), periodOf('18:00')]).toEqual(['early', 'day', 'evening'])
    expect([programmeStatus(p, 0), programmeStatus(p, 100 * H), programmeStatus(p, 300 * H)]).toEqual(['upcoming', 'open', 'closed'])
  })
})
