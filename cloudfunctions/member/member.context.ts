/** Builds the member services from the function's db and clock: repositories once, handed to services by name. */
import { createAuditLog } from '../common/audit'
import type { Clock } from '../common/clock'
import type { Db } from '../common/db'
import { env } from '../common/env'
import type { ActionContext } from '../common/function'
import { eraseRequestsOf } from '../common/idempotency'
import { perInstance } from '../common/instance-cache'
import { createRosterLookup } from '../common/roster-lookup'
import { readTree } from '../common/unions'
import { getWechat } from '../common/wechat.cloud'
import { createCodes } from '../common/wechat-codes'
import { createAccountService } from './account.service'
import { createAttemptCounter } from './attempts.repository'
import { createDeletionRepository } from './deletion.repository'
import { createDeletionService } from './deletion.service'
import { createInviteRepository } from './invite.repository'
import { createInviteService } from './invite.service'
import { createInviteCodeService } from './invite-code.service'
import { createInviteAdmin } from './invite-admin.service'
import { createInviteTargets } from './invite-targets.repository'
import { createMeService } from './me.service'
import { createMemberEraser } from './member-erase.repository'
import { bindProviders, DATA_PROVIDERS } from './my-data.providers'
import { createMyDataService } from './my-data.service'
import { createRosterImportRepository } from './roster-import.repository'
import { createRosterService } from './roster.service'
import { createRosterRepository } from './roster.repository'
import { createUnionMoveService } from './union-move.service'
import { createUnionRepository } from './unions.repository'
import { createUnionService } from './unions.service'
import { createUserRepository } from './user.repository'

/** Built once per instance (instance-cache.ts `perInstance`). */
const build = perInstance((db: Db, clock: Clock) => {
  const users = createUserRepository(db)
  const roster = createRosterRepository(db)
  const deletions = createDeletionRepository(db)
  const attempts = createAttemptCounter(db)
  const audit = createAuditLog({ db, clock })
  const data = bindProviders(DATA_PROVIDERS, db, clock)
  const me = createMeService({ db, users, roster, deletions })
  const invites = createInviteRepository(db)
  const eraseRequests = (openid: string) => eraseRequestsOf(db, openid)
  const unionDocs = createUnionRepository(db)
  return {
    me,
    account: createAccountService({
      clock,
      users,
      roster,
      attempts,
      me,
      wechat: getWechat(),
      phoneNumberOn: () => env().wechat.phoneNumber,
    }),
    invites: createInviteService({
      clock,
      codeKey: env().qrKeys[0].secret,
      targets: createInviteTargets(db, clock),
      invites,
      users,
      attempts,
      audit,
      me,
    }),
    inviteAdmin: createInviteAdmin({ clock, invites, roster: createRosterLookup({ db }) }),
    inviteCodes: createInviteCodeService({ clock, invites, codes: createCodes({ db, wechat: getWechat(), clock }) }),
    myData: createMyDataService({ clock, data, me, users, deletions }),
    deletions: createDeletionService({ clock, deletions, roster, users, data, eraseCore: createMemberEraser(db), eraseRequests, audit }),
    roster: createRosterService({ clock, roster, imports: createRosterImportRepository(db), audit, tree: () => readTree(db) }),
    unions: createUnionService({ db, clock, unions: unionDocs }),
    unionMoves: createUnionMoveService({ db, clock, unions: unionDocs }),
  }
})

export function servicesOf(ctx: Pick<ActionContext, 'db' | 'clock'>) {
  return build(ctx.db, ctx.clock)
}
