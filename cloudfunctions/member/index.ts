import { action, defineFunction, type FunctionDeps, rerun } from '../common/function'
import { unionNamed } from '../common/unions'
import { deletionOwner, inviteTargetOwner, unionBelow } from './member.owners'
import { recordOwner } from './roster-record-id'
import { servicesOf as s } from './member.context'
import { inviteRefOwner } from './invite.owners'
import * as inviteSchema from './invite-admin.schema'
import * as schema from './member.schema'

/**
 * Members, roles and the roster; the contract is MemberActions. Her own account and data: any signed-in
 * caller (she verifies, redeems an invite or asks for deletion before she holds any role); the roster,
 * invites and the deletion queue: officers. Every mutation's retry answers its first outcome (`recover`).
 */
export function createMemberFunction(deps: FunctionDeps = {}) {
  return defineFunction(
    'member',
    {
      me: action({ input: schema.noInput, auth: 'caller', run: (_, c) => s(c).me.of(c.account) }),
      verify: action({
        input: schema.verifySchema,
        auth: 'caller',
        mutation: true,
        recover: (_, c) => s(c).account.verified(c.account, c.requestId),
        run: (req, c) => s(c).account.verify(c.account, req, c.requestId ?? null),
      }),
      // 手机号快速验证: the same binding, budget and retry answer as `verify` (account.service.ts).
      verifyByPhone: action({
        input: schema.verifyByPhoneSchema,
        auth: 'caller',
        mutation: true,
        recover: (_, c) => s(c).account.verified(c.account, c.requestId),
        run: (req, c) => s(c).account.verifyByPhone(c.account, req.code, c.requestId ?? null),
      }),
      unbind: action({
        input: schema.noInput,
        auth: 'member',
        readsAccount: true,
        mutation: true,
        recover: (_, c) => s(c).account.unbound(c.account, c.requestId),
        run: (_, c) => s(c).account.unbind(c.account, c.requestId ?? null),
      }),
      exportMyData: action({ input: schema.noInput, auth: 'caller', run: (_, c) => s(c).myData.exportMyData(c.account) }),
      requestDeletion: action({
        input: schema.noInput,
        auth: 'caller',
        mutation: true,
        recover: (_, c) => s(c).myData.requested(c.openid, c.requestId),
        run: (_, c) => s(c).myData.requestDeletion(c.account, c.requestId ?? null),
      }),
      redeemInvite: action({
        input: schema.redeemInviteSchema,
        auth: 'caller',
        mutation: true,
        recover: (req, c) => s(c).invites.redeemed(c.account, req.code, c.requestId),
        run: (req, c) => s(c).invites.redeemInvite(c.account, req.code, c.requestId ?? null),
      }),
      importRoster: action({
        // Rows are upserts by card number and a part's totals count once: running it again is harmless (its answer
        // then counts the rows as unchanged; a chunked import's running totals are the first call's).
        input: schema.importRosterSchema,
        auth: 'officer',
        mutation: true,
        recover: rerun, // the import is an upsert per row: running it again changes nothing already imported
        // Any officer; each row's union must be in her subtree (refused row by row, roster-placement.rules.ts).
        run: (req, c) => s(c).roster.importRoster(c.openid, c.officer!, req),
      }),
      listRoster: action({
        input: schema.listRosterSchema,
        auth: 'officer',
        run: (req, c) => s(c).roster.listRosterPage(c.openid, c.officer!, req),
      }),
      // ---------- the console's 会员名册 (issue 18): a preview before an import, one record, exports ----------
      previewRoster: action({
        input: schema.importRosterSchema,
        auth: 'officer', // writes nothing: the rows' unions are checked as the import checks them
        run: (req, c) => s(c).roster.previewRoster(c.officer!, req),
      }),
      rosterRecord: action({
        input: schema.rosterRecordSchema,
        auth: { officer: recordOwner },
        run: (req, c) => s(c).roster.rosterRecord(c.openid, c.officer!, req.id, req.reveal),
      }),
      correctRoster: action({
        input: schema.correctRosterSchema,
        // the record in her subtree, and a new union (if any) in it too
        auth: { officer: [recordOwner, unionNamed((i: { unionId?: string }) => i.unionId)] },
        mutation: true,
        recover: rerun, // a correction run again finds the record corrected and changes nothing
        run: (req, c) => s(c).roster.correctRoster(c.openid, c.officer!, req),
      }),
      exportRoster: action({
        input: schema.exportRosterSchema,
        auth: 'officer', // her subtree's, narrowed by the service
        run: (req, c) => s(c).roster.exportRoster(c.openid, c.officer!, req),
      }),
      createInvite: action({
        input: schema.createInviteSchema,
        // an officer invites for her own node and below, and staff for what her subtree owns
        auth: { officer: inviteTargetOwner },
        mutation: true,
        recover: (_, c) => s(c).invites.created(c.openid, c.requestId),
        run: async (req, c) => s(c).invites.createInvite(c.openid, req, c.requestId, await inviteTargetOwner(req, c)),
      }),
      // 工作人员 → 邀请 (issue 18): her subtree's invites, and 撤销 of an unused one
      inviteTable: action({
        input: inviteSchema.inviteTable,
        auth: 'officer',
        run: (req, c) => s(c).inviteAdmin.inviteTable(c.officer!, req),
      }),
      revokeInvite: action({
        input: inviteSchema.revokeInvite,
        auth: { officer: inviteRefOwner },
        mutation: true,
        recover: rerun, // revoking a revoked invite answers it again, changing nothing
        run: (req, c) => s(c).inviteAdmin.revokeInvite(c.officer!, c.openid, req.id),
      }),
      inviteCodeImage: action({
        input: schema.redeemInviteSchema,
        auth: 'officer',
        run: (req, c) => s(c).inviteCodes.inviteCodeImage(c.openid, req.code),
      }),
      inviteTargets: action({ input: schema.noInput, auth: 'officer', run: (_, c) => s(c).invites.inviteTargets(c.officer!) }),
      listDeletionRequests: action({
        input: schema.listDeletionsSchema,
        auth: 'officer',
        run: (req, c) => s(c).deletions.listDeletionRequests(c.officer!, req),
      }),
      processDeletionRequest: action({
        input: schema.processDeletionSchema,
        auth: { officer: deletionOwner },
        mutation: true,
        recover: (req, c) => s(c).deletions.processed(req.id, c.requestId),
        run: (req, c) => s(c).deletions.processDeletionRequest(c.openid, req.id, c.requestId ?? null),
      }),
      // ---------- the union tree (issue 20): officers of the level above keep each node ----------
      listUnions: action({ input: schema.noInput, auth: 'officer', run: (_, c) => s(c).unions.listUnions(c.officer!) }),
      saveUnion: action({
        input: schema.saveUnionSchema,
        // a new unit under a node of hers; a rename only strictly below her node
        auth: { officer: [unionBelow((i: { id?: string }) => i.id), unionNamed((i: { parentId: string }) => i.parentId)] },
        mutation: true,
        recover: rerun, // a new union's id comes from the request id: the retry finds it
        run: (req, c) => s(c).unions.saveUnion(req, c.officer!, c.requestId),
      }),
      moveUnion: action({
        input: schema.moveUnionSchema,
        auth: { officer: [unionBelow((i: { id: string }) => i.id), unionNamed((i: { parentId: string }) => i.parentId)] },
        mutation: true,
        recover: rerun, // every step sets whole paths: running it again finishes a move cut short
        run: (req, c) => s(c).unionMoves.moveUnion(req, c.officer!, c.openid),
      }),
    },
    deps,
  )
}

export const main = createMemberFunction()
