import { requireOfficer } from '../common/auth'
import type { Db } from '../common/db'
import { fail } from '../common/errors'
import type { CreateInviteRequest, InviteDTO, InviteTargetDTO, InviteTargetsDTO, MeDTO, ScopeKind } from '../../types/member'
import { findTarget, listTargets } from './invite-targets.repository'
import { isLimited, takeAttempt } from './attempts.repository'
import { me } from './account.service'
import { createAuditLog } from '../common/audit'
import { getInvite, insertInvite, useInvite } from './invite.repository'
import { formatInviteCode, INVITE_DEFAULT_TTL_HOURS, inviteId, newInviteCode, normalizeInviteCode, REDEEM_MAX_FAILURES, REDEEM_WINDOW_MS } from './invite.rules'
import { addRole, ensureUser } from './user.repository'
import { callOf, type MemberCall, type MemberDeps } from './member.deps'

type Deps = MemberCall

const TARGET_MISSING: Record<ScopeKind, string> = {
  event: '没有找到这个活动，请从列表中选择',
  site: '没有找到这个筛查点，请从列表中选择',
  merchant: '没有找到这个商户（或已暂停合作），请从列表中选择',
}

/** What an officer can pick from when inviting staff. */
export async function inviteTargets({ db }: Deps, openid: string): Promise<InviteTargetsDTO> {
  await requireOfficer(db, openid)
  const [events, sites, merchants] = await Promise.all([listTargets(db, 'event'), listTargets(db, 'site'), listTargets(db, 'merchant')])
  const byName = (a: InviteTargetDTO, b: InviteTargetDTO) => a.name.localeCompare(b.name, 'zh')
  return { events: events.sort(byName), sites: sites.sort(byName), merchants: merchants.sort(byName) }
}

/** Only the hash is stored: the code is shown once, to the officer who made it. */
export async function createInvite({ db, now }: Deps, openid: string, req: CreateInviteRequest): Promise<InviteDTO> {
  await requireOfficer(db, openid)
  const target = await findTarget(db, req.scope.kind, req.scope.id)
  if (!target) fail('NOT_FOUND', 'scope.id', TARGET_MISSING[req.scope.kind])
  const code = newInviteCode()
  const expiresAt = now + (req.ttlHours ?? INVITE_DEFAULT_TTL_HOURS) * 3600_000
  const scope = { kind: target.kind, id: target.id, name: target.name }
  await insertInvite(db, { _id: inviteId(code), scope, createdBy: openid, createdAt: now, expiresAt, usedBy: null, usedAt: null })
  await createAuditLog({ db, clock: () => now }).record({ actor: openid, action: 'member.createInvite', target: `${scope.kind}:${scope.id}`, expiresAt })
  return { code: formatInviteCode(code), scope, expiresAt }
}

async function refuse(db: Db, key: string, now: number, code: 'INVITE_INVALID' | 'INVITE_EXPIRED' | 'INVITE_USED'): Promise<never> {
  await takeAttempt(db, key, now, REDEEM_MAX_FAILURES, REDEEM_WINDOW_MS)
  fail(code)
}

/**
 * Single use: the conditional update on the invite decides between concurrent
 * redeemers. The role is added after, so a crash in between is repaired by
 * redeeming the same code again (it is already ours).
 */
export async function redeemInvite({ db, now }: Deps, openid: string, raw: string): Promise<MeDTO> {
  const key = `invite:${openid}`
  if (await isLimited(db, key, now, REDEEM_MAX_FAILURES, REDEEM_WINDOW_MS)) fail('RATE_LIMITED')
  const code = normalizeInviteCode(raw)
  const invite = code ? await getInvite(db, inviteId(code)) : null
  if (!invite) return refuse(db, key, now, 'INVITE_INVALID')
  if (invite.usedBy !== openid && !(await useInvite(db, invite._id, openid, now))) {
    const after = await getInvite(db, invite._id)
    if (after?.usedBy !== openid) return refuse(db, key, now, after?.usedBy ? 'INVITE_USED' : 'INVITE_EXPIRED')
  }
  await ensureUser(db, openid, now)
  await addRole(db, openid, { role: 'staff', scope: invite.scope }, now)
  await createAuditLog({ db, clock: () => now }).record({ actor: openid, action: 'member.redeemInvite', target: `${invite.scope.kind}:${invite.scope.id}`, invite: invite._id.slice(0, 12) })
  return me({ db, now }, openid)
}

/** Staff invites: the targets an officer may pick, one-time codes, redeeming them. */
export function createInviteService(deps: MemberDeps) {
  return {
    inviteTargets: (openid: string) => inviteTargets(callOf(deps), openid),
    createInvite: (openid: string, req: CreateInviteRequest) => createInvite(callOf(deps), openid, req),
    redeemInvite: (openid: string, code: string) => redeemInvite(callOf(deps), openid, code),
  }
}
