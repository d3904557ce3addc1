import type { SessionDTO } from '~types/screening'
import { insideChangeWindow, noticeOf, noticeTopics } from './book-notice'

test('the two notices do not exclude each other; neither is a valid choice too', () => {
  expect(noticeOf({ confirmation: true, reminder: false })).toBe('confirmation')
  expect(noticeOf({ confirmation: false, reminder: true })).toBe('reminder')
  expect(noticeOf({ confirmation: true, reminder: true })).toBe('both')
  expect(noticeOf({ confirmation: false, reminder: false })).toBe('none')
  // each notice is its own template, so both ticked asks for both opt-ins
  expect(noticeTopics({ confirmation: true, reminder: true })).toEqual(['booking', 'reminder'])
  expect(noticeTopics({ confirmation: false, reminder: true })).toEqual(['reminder'])
})

test('a session starting within the change window is flagged before she books it', () => {
  const now = Date.UTC(2027, 2, 9, 0, 0)
  const at = (h: number) => ({ startAt: now + h * 3_600_000 }) as SessionDTO
  expect(insideChangeWindow(at(1), 2, now)).toBe(true)
  expect(insideChangeWindow(at(2), 2, now)).toBe(true)
  expect(insideChangeWindow(at(3), 2, now)).toBe(false)
})
