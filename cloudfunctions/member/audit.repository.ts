import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'

/** Who did what to whose data, when (PIPL): officer reads of the roster, imports, invites. Same shape as screening's entries. */
export async function audit(db: Db, entry: { at: number; actor: string; action: string; target: string } & Record<string, unknown>): Promise<void> {
  await db.collection(COLLECTIONS.auditLog).add(entry)
}
