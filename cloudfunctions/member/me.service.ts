import type { CallerAccount } from '../common/auth'
import type { Db } from '../common/db'
import { officerScope } from '../common/unions'
import type { MeDTO } from '~types/member'
import type { DeletionRepository } from './deletion.repository'
import { deletionStatus, toMeDTO, withUser } from './member.dto'
import { officerUnionDTO } from './unions.service'
import type { RosterRepository } from './roster.repository'
import type { UserRepository } from './user.repository'

interface Deps {
  db: Db
  users: UserRepository
  roster: RosterRepository
  deletions: DeletionRepository
}

/** Who she is, as every member action answers it. */
export function createMeService({ db, users, roster, deletions }: Deps) {
  async function of(account: CallerAccount): Promise<MeDTO> {
    const record = account.user?.rosterId ? await roster.get(account.user.rosterId) : null
    // Only someone who asked (or whose account was erased) has a request to show: the common case costs no read.
    const asked = !account.user || account.user.deletionRequestedAt
    const request = asked ? await deletions.latest(account.openid) : null
    // An officer's node (one cached read): 我的 says 工会干部 · 秦淮区总工会
    const scope = await officerScope(db, account.roles)
    return toMeDTO(account, record, request ? deletionStatus(request) : null, scope ? officerUnionDTO(scope) : null)
  }
  return {
    of,
    /** After a change: her user document read again. */
    fresh: async (account: CallerAccount): Promise<MeDTO> => of(withUser(account, await users.get(account.openid))),
  }
}

export type MeService = ReturnType<typeof createMeService>
