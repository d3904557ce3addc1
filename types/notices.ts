/**
 * Where a notice is in the delivery queue (cloudfunctions/common/notices.ts): `queued` (waiting for the timer, or
 * for a retry after WeChat was busy), `sending` (asked, answer not yet recorded), `delivered` (WeChat accepted it),
 * `refused` (WeChat said no for good: 43101 she has no opt-in left, 40037, 47003, 41030; never retried), `failed`
 * (busy past the last retry), `unknown` (the call died mid-send: WeChat may or may not have it; never resent).
 */
export type NoticeState = 'queued' | 'sending' | 'delivered' | 'refused' | 'failed' | 'unknown'

/**
 * A notice as every service's outbox shows it (cloudfunctions/common/notices.ts): template title, masked recipient
 * (officers' view; the member sees her own), the page it opens, its keyword values in the template's order (never
 * health information), and where it is in delivery. `delivered` and `skippedReason` (the Chinese reason it did not
 * arrive) are kept for the pages and exports that read them.
 */
export interface OutboxEntryDTO<K extends string = string> {
  id: string
  kind: K
  title: string
  to: string
  page: string
  fields: { label: string; value: string }[]
  createdAt: number
  state: NoticeState
  /** How many times WeChat was asked (a busy answer counts). */
  attempts: number
  /** WeChat's errcode when it refused (43101 …). */
  errcode?: number
  deliveredAt?: number
  delivered: boolean
  skippedReason: string | null
}

/** The chip an outbox row shows (officers' and her own list alike). */
export function noticeStateLabel(e: Pick<OutboxEntryDTO, 'state' | 'attempts' | 'skippedReason'>): string {
  switch (e.state) {
    case 'delivered':
      return '已送达'
    case 'refused':
      return e.skippedReason ?? '未送达'
    case 'failed':
      return '失败'
    case 'unknown':
      return '结果未知'
    default:
      return e.state === 'queued' && e.attempts > 0 ? '重试中' : '发送中'
  }
}

/** The chip's colour class: delivered green, pending neutral, the rest a warning. */
export function noticeStateTone(state: NoticeState): 'ok' | 'pending' | 'warn' {
  return state === 'delivered' ? 'ok' : state === 'queued' || state === 'sending' ? 'pending' : 'warn'
}

/**
 * The notice actions every function with notices has (cloudfunctions/common/notice-actions.ts):
 * `subscribe` after she accepted topics in wx.requestSubscribeMessage (one more send each), her own
 * notices and credits, and the officers' view of everyone's outbox.
 */
export interface NoticeActionMap<T extends string, K extends string = string> {
  subscribe: [{ topics: T[] }, { credits: Record<T, number> }]
  myNotices: [Record<string, never>, OutboxEntryDTO<K>[]]
  noticeCredits: [Record<string, never>, { credits: Record<T, number> }]
  allNotices: [Record<string, never>, OutboxEntryDTO<K>[]]
}
