/** Builds the member services one call needs from its context. */
import type { Clock } from '../common/clock'
import type { Db } from '../common/db'
import type { ActionContext } from '../common/function'
import { perInstance } from '../common/instance-cache'
import { createAccountService } from './account.service'
import { createDeletionService } from './deletion.service'
import { createInviteService } from './invite.service'
import { createMyDataService } from './my-data.service'
import { createRosterService } from './roster.service'

const build = perInstance((db: Db, clock: Clock) => {
  const deps = { db, clock }
  return {
    account: createAccountService(deps),
    invites: createInviteService(deps),
    myData: createMyDataService(deps),
    deletions: createDeletionService(deps),
    roster: createRosterService(deps),
  }
})

/** Built once per instance (instance-cache.ts `perInstance`). */
export function servicesOf(ctx: Pick<ActionContext, 'db' | 'clock'>) {
  return build(ctx.db, ctx.clock)
}
