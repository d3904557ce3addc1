/**
 * The audit log (PIPL): who read or changed whose personal data, when, and why.
 * Officers' full-detail exports, staff reads of a result, roster imports,
 * invites, deletions — every service writes the same shape here.
 */
import type { Clock } from './clock'
import { COLLECTIONS } from './collections'
import type { Db } from './db'

export interface AuditEntry {
  /** The openid acting (an officer, a nurse, the timer). */
  actor: string
  /** `<service>.<what>`, e.g. `screening.exportFull`. */
  action: string
  /** What was read or changed: a programme, a booking, a member reference. */
  target: string
  /** The reason given, where one is required. */
  reason?: string
  [detail: string]: unknown
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>
}

export function createAuditLog(deps: { db: Db; clock: Clock }): AuditLog {
  return {
    async record(entry) {
      await deps.db.collection(COLLECTIONS.auditLog).add({ ...entry, at: deps.clock() })
    },
  }
}
