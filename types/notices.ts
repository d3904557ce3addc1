/**
 * A notice as every service's local outbox shows it (cloudfunctions/common/notices.ts), what WeChat would have sent:
 * template title, masked recipient (officers' view; the member sees her own), the page it opens, its fields in order
 * (never health information), and whether it would have been delivered (false when she had no
 * opt-in left for this topic).
 */
export interface OutboxEntryDTO<K extends string = string> {
  id: string
  kind: K
  title: string
  to: string
  page: string
  fields: { label: string; value: string }[]
  createdAt: number
  delivered: boolean
  skippedReason: string | null
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
