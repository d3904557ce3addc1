/**
 * The audit log (PIPL): who read or changed whose personal data, when, and why.
 * Officers' full-detail exports, staff reads of a result, roster imports,
 * invites, deletions — every service writes the same shape here.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
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

/** The union an officer acts for during her call (issue 20), set once by the router. */
const acting = new AsyncLocalStorage<{ union: string | null; unionName: string }>()

/** Runs `fn` as a call of an officer of `union`: every entry it records says which union's officer acted. */
export function actingFor<T>(union: { unionId: string | null; name: string } | null, fn: () => Promise<T>): Promise<T> {
  return union ? acting.run({ union: union.unionId, unionName: union.name }, fn) : fn()
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>
}

export function createAuditLog(deps: { db: Db; clock: Clock }): AuditLog {
  return {
    async record(entry) {
      await deps.db.collection(COLLECTIONS.auditLog).add({ ...acting.getStore(), ...entry, at: deps.clock() })
    },
  }
}
