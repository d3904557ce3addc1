/**
 * 工作人员 → 邀请 (issue 18): the invites an officer's subtree made for its own targets, as a table, and
 * 撤销 of one nobody has used yet. A revoke and a redemption race on the same conditional document
 * (invite.repository.ts): whichever lands first decides, and the other is told why.
 */
import type { InviteRowDTO, InviteState, InviteTableRequest } from '~types/member'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import type { RosterLookup } from '../common/roster-lookup'
import { mapPage } from '../common/table-query'
import { covers, type OfficerScope, ownedWhere } from '../common/unions'
import type { InviteDoc, InviteRepository } from './invite.repository'

const UNVERIFIED = '未认证用户'

export function inviteState(doc: InviteDoc, now: number): InviteState {
  if (doc.usedBy) return 'used'
  if (doc.state === 'revoked') return 'revoked'
  return doc.expiresAt <= now ? 'expired' : 'open'
}

export function createInviteAdmin({ clock, invites, roster }: { clock: Clock; invites: InviteRepository; roster: RosterLookup }) {
  /** People by masked name (one roster read for the page), never by openid. */
  async function rows(docs: InviteDoc[]): Promise<(d: InviteDoc) => InviteRowDTO> {
    const names = await roster.maskedNames(docs.flatMap((d) => [d.createdBy, d.usedBy ?? '']).filter(Boolean))
    const who = (openid: string) => names.get(openid) || UNVERIFIED
    const now = clock()
    return (d) => ({
      id: d.ref ?? '',
      scope: d.scope,
      state: inviteState(d, now),
      createdBy: who(d.createdBy),
      createdAt: d.createdAt,
      expiresAt: d.expiresAt,
      usedBy: d.usedBy ? who(d.usedBy) : null,
      usedAt: d.usedAt,
      revokedAt: d.revokedAt ?? null,
    })
  }

  return {
    async inviteTable(scope: OfficerScope, req: InviteTableRequest) {
      const p = await invites.page({ scope: ownedWhere(scope), state: req.state, kind: req.kind, now: clock() }, req)
      return mapPage(p, await rows(p.items))
    },
    /** Her subtree's unused invite: redeeming it now answers INVITE_REVOKED. Again: the same answer. */
    async revokeInvite(scope: OfficerScope, officer: string, ref: string): Promise<InviteRowDTO> {
      const doc = await invites.byRef(ref)
      // outside her subtree reads as absent: the router had no owner to check before the read
      if (!doc || !covers(scope, doc.unionPath)) fail('NOT_FOUND', 'id')
      if (doc.usedBy) fail('INVITE_USED', 'id', '邀请码已被使用，不能撤销；如需收回权限，请在对方的角色中处理')
      if (doc.state !== 'revoked' && !(await invites.revoke(doc._id, officer, clock()))) {
        const after = await invites.get(doc._id)
        if (after?.usedBy) fail('INVITE_USED', 'id', '邀请码刚刚已被使用，不能撤销')
      }
      const after = (await invites.get(doc._id))!
      return (await rows([after]))(after)
    },
  }
}
