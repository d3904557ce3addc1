/** Builds the member services one call needs from its context. */
import type { ActionContext } from '../common/function'
import { createAccountService } from './account.service'
import { createDeletionService } from './deletion.service'
import { createInviteService } from './invite.service'
import { createMyDataService } from './my-data.service'
import { createRosterService } from './roster.service'

export function servicesOf(ctx: ActionContext) {
  const deps = { db: ctx.db, clock: ctx.clock }
  return {
    account: createAccountService(deps),
    invites: createInviteService(deps),
    myData: createMyDataService(deps),
    deletions: createDeletionService(deps),
    roster: createRosterService(deps),
  }
}
