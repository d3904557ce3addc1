/**
 * A notice as every service's local outbox shows it (cloudfunctions/common/notices.ts) (what WeChat would have sent): template title, masked
 * recipient (officers' view; the member sees her own), the page it opens, its fields in order
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
