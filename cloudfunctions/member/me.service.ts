import type { CallerAccount } from '../common/auth'
import type { MeDTO } from '~types/member'
import type { DeletionRepository } from './deletion.repository'
import { deletionStatus, toMeDTO, withUser } from './member.dto'
import type { RosterRepository } from './roster.repository'
import type { UserRepository } from './user.repository'

interface Deps {
  users: UserRepository
  roster: RosterRepository
  deletions: DeletionRepository
}

/** Who she is, as every member action answers it. */
export function createMeService({ users, roster, deletions }: Deps) {
  async function of(account: CallerAccount): Promise<MeDTO> {
    const record = account.user?.rosterId ? await roster.get(account.user.rosterId) : null
    // Only someone who asked (or whose account was erased) has a request to show: the common case costs no read.
    const asked = !account.user || account.user.deletionRequestedAt
    const request = asked ? await deletions.latest(account.openid) : null
    return toMeDTO(account, record, request ? deletionStatus(request) : null)
  }
  return {
    of,
    /** After a change: her user document read again. */
    fresh: async (account: CallerAccount): Promise<MeDTO> => of(withUser(account, await users.get(account.openid))),
  }
}

export type MeService = ReturnType<typeof createMeService>
