import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { Db } from '../../cloudfunctions/common/db'
import type { UserDoc } from '../../cloudfunctions/common/member-docs'

/** An officer's account, as the member function stores one (roles come only from the server's records). */
export async function seedOfficer(db: Db, openid: string, at = 0): Promise<void> {
  const user: UserDoc = {
    _id: openid,
    rosterId: null,
    verifiedAt: null,
    roles: [{ role: 'officer' }],
    deletionRequestedAt: null,
    createdAt: at,
    updatedAt: at,
  }
  await db.collection(COLLECTIONS.users).add(user)
}
