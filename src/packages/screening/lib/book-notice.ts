import type { BookRequest, SessionDTO } from '~types/screening'

export interface NoticeChoice {
  confirmation: boolean
  reminder: boolean
}

/** The two opt-ins are independent for her: either, both or neither. */
export function noticeOf(choice: NoticeChoice): NonNullable<BookRequest['notice']> {
  if (choice.reminder && choice.confirmation) return 'both'
  if (choice.reminder) return 'reminder'
  return choice.confirmation ? 'confirmation' : 'none'
}

/** The WeChat opt-ins her choice needs: one template per notice (each opt-in pays for one send). */
export function noticeTopics(choice: NoticeChoice): ('booking' | 'reminder')[] {
  return [...(choice.confirmation ? (['booking'] as const) : []), ...(choice.reminder ? (['reminder'] as const) : [])]
}

/** True when the session starts so soon that she could no longer change or cancel it once booked. */
export function insideChangeWindow(session: SessionDTO, cancelDeadlineHours: number, now: number): boolean {
  return session.startAt - cancelDeadlineHours * 3_600_000 <= now
}
