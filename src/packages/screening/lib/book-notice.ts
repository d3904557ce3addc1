import type { BookRequest, SessionDTO } from '../../../../types/screening'

export interface NoticeChoice {
  confirmation: boolean
  reminder: boolean
}

/**
 * The two opt-ins are independent for her. The server records one booking
 * notice today ('confirmation' | 'reminder' | 'none'); with both ticked the
 * reminder the day before is the one sent, since the confirmation is on her
 * screen the moment she books.
 */
export function noticeOf(choice: NoticeChoice): NonNullable<BookRequest['notice']> {
  if (choice.reminder) return 'reminder'
  return choice.confirmation ? 'confirmation' : 'none'
}

/** True when the session starts so soon that she could no longer change or cancel it once booked. */
export function insideChangeWindow(session: SessionDTO, cancelDeadlineHours: number, now: number): boolean {
  return session.startAt - cancelDeadlineHours * 3_600_000 <= now
}
