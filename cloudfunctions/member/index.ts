import { action, defineFunction, type FunctionDeps } from '../common/function'
import { servicesOf as s } from './member.context'
import * as schema from './member.schema'

/** Members, roles and the roster. Every write is deduplicated by request id; the contract is MemberActions. */
export function createMemberFunction(deps: FunctionDeps = {}) {
  return defineFunction(
    'member',
    {
      me: action({ input: schema.noInput, run: (_, c) => s(c).account.me(c.openid) }),
      verify: action({ input: schema.verifySchema, mutation: true, run: (req, c) => s(c).account.verify(c.openid, req) }),
      unbind: action({ input: schema.noInput, mutation: true, run: (_, c) => s(c).account.unbind(c.openid) }),
      importRoster: action({ input: schema.importRosterSchema, mutation: true, run: (req, c) => s(c).roster.importRoster(c.openid, req) }),
      listRoster: action({ input: schema.listRosterSchema, run: (req, c) => s(c).roster.listRosterPage(c.openid, req) }),
      createInvite: action({ input: schema.createInviteSchema, mutation: true, run: (req, c) => s(c).invites.createInvite(c.openid, req) }),
      inviteTargets: action({ input: schema.noInput, run: (_, c) => s(c).invites.inviteTargets(c.openid) }),
      redeemInvite: action({ input: schema.redeemInviteSchema, mutation: true, run: (req, c) => s(c).invites.redeemInvite(c.openid, req.code) }),
      exportMyData: action({ input: schema.noInput, run: (_, c) => s(c).myData.exportMyData(c.openid) }),
      requestDeletion: action({ input: schema.noInput, mutation: true, run: (_, c) => s(c).myData.requestDeletion(c.openid) }),
      listDeletionRequests: action({ input: schema.listDeletionsSchema, run: (req, c) => s(c).deletions.listDeletionRequests(c.openid, req) }),
      processDeletionRequest: action({ input: schema.processDeletionSchema, mutation: true, run: (req, c) => s(c).deletions.processDeletionRequest(c.openid, req.id) }),
    },
    deps,
  )
}

export const main = createMemberFunction()
