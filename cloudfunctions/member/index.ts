import { type ActionContext, action, defineFunction, type FunctionDeps } from '../common/function'
import { me, unbind, verify } from './account.service'
import { createInvite, inviteTargets, redeemInvite } from './invite.service'
import * as schema from './member.schema'
import { exportMyData, requestDeletion } from './my-data.service'
import { listDeletionRequests, processDeletionRequest } from './deletion.service'
import { importRoster, listRosterPage } from './roster.service'

/** Members, roles and the roster (issue 2 §5). Every write is deduplicated by request id. */
const d = (ctx: ActionContext) => ({ db: ctx.db, now: ctx.clock() })

export function createMemberFunction(deps: FunctionDeps = {}) {
  return defineFunction(
    'member',
    {
      me: action({ input: schema.noInput, run: (_, ctx) => me(d(ctx), ctx.openid) }),
      verify: action({ input: schema.verifySchema, mutation: true, run: (req, ctx) => verify(d(ctx), ctx.openid, req) }),
      unbind: action({ input: schema.noInput, mutation: true, run: (_, ctx) => unbind(d(ctx), ctx.openid) }),
      importRoster: action({ input: schema.importRosterSchema, mutation: true, run: (req, ctx) => importRoster(d(ctx), ctx.openid, req) }),
      listRoster: action({ input: schema.listRosterSchema, run: (req, ctx) => listRosterPage(d(ctx), ctx.openid, req) }),
      createInvite: action({ input: schema.createInviteSchema, mutation: true, run: (req, ctx) => createInvite(d(ctx), ctx.openid, req) }),
      inviteTargets: action({ input: schema.noInput, run: (_, ctx) => inviteTargets(d(ctx), ctx.openid) }),
      redeemInvite: action({ input: schema.redeemInviteSchema, mutation: true, run: (req, ctx) => redeemInvite(d(ctx), ctx.openid, req.code) }),
      exportMyData: action({ input: schema.noInput, run: (_, ctx) => exportMyData(d(ctx), ctx.openid) }),
      listDeletionRequests: action({ input: schema.listDeletionsSchema, run: (req, ctx) => listDeletionRequests(d(ctx), ctx.openid, req) }),
      processDeletionRequest: action({ input: schema.processDeletionSchema, mutation: true, run: (req, ctx) => processDeletionRequest(d(ctx), ctx.openid, req.id) }),
      requestDeletion: action({ input: schema.noInput, mutation: true, run: (_, ctx) => requestDeletion(d(ctx), ctx.openid) }),
    },
    deps,
  )
}

export const main = createMemberFunction()
