import { randomBytes } from 'node:crypto'
import type { AuditLog } from '../common/audit'
import type { CallerAccount } from '../common/auth'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import type { OfficerScope } from '../common/unions'
import type { CreateInviteRequest, InviteDTO, InviteKind, InviteTargetDTO, InviteTargetsDTO, MeDTO } from '~types/member'
import type { AttemptCounter } from './attempts.repository'
import type { InviteDoc, InviteRepository } from './invite.repository'
import type { InviteTargets } from './invite-targets.repository'
import {
  formatInviteCode,
  INVITE_DEFAULT_TTL_HOURS,
  inviteId,
  newInviteCode,
  normalizeInviteCode,
  REDEEM_MAX_FAILURES,
  REDEEM_WINDOW_MS,
  requestInviteCode,
} from './invite.rules'
import type { MeService } from './me.service'
import type { UserRepository } from './user.repository'

interface Deps {
  clock: Clock
  /** Derives a request's code (invite.rules.ts `requestInviteCode`). */
  codeKey: Buffer
  targets: InviteTargets
  invites: InviteRepository
  users: UserRepository
  attempts: AttemptCounter
  audit: AuditLog
  me: MeService
}

const BUDGET = { max: REDEEM_MAX_FAILURES, windowMs: REDEEM_WINDOW_MS }

const TARGET_MISSING: Record<InviteKind, string> = {
  union: '没有找到这个工会，请从列表中选择',
  event: '没有找到这个活动，请从列表中选择',
  site: '没有找到这个筛查点，请从列表中选择',
  merchant: '没有找到这个商户（或已暂停合作），请从列表中选择',
}

const byName = (a: InviteTargetDTO, b: InviteTargetDTO) => a.name.localeCompare(b.name, 'zh')
const inviteOf = (code: string, doc: InviteDoc): InviteDTO => ({ code: formatInviteCode(code), scope: doc.scope, expiresAt: doc.expiresAt })

/** Staff invites: the targets an officer may pick, one-time codes, redeeming them. */
export function createInviteService({ clock, codeKey, targets, invites, users, attempts, audit, me }: Deps) {
  const codeOf = (openid: string, requestId: string | undefined) =>
    requestId ? requestInviteCode(codeKey, openid, requestId) : newInviteCode()

  /** A retry of her request: the invite it made, by the same code. */
  async function created(officer: string, requestId: string | undefined): Promise<{ data: InviteDTO } | undefined> {
    if (!requestId) return undefined
    const code = codeOf(officer, requestId)
    const doc = await invites.get(inviteId(code))
    return doc?.createdBy === officer ? { data: inviteOf(code, doc) } : undefined
  }

  async function refuse(
    key: string,
    now: number,
    code: 'INVITE_INVALID' | 'INVITE_EXPIRED' | 'INVITE_USED' | 'INVITE_REVOKED',
  ): Promise<never> {
    await attempts.take(key, now, BUDGET)
    fail(code)
  }

  const recordUse = (openid: string, invite: InviteDoc) =>
    audit.record({
      actor: openid,
      action: 'member.redeemInvite',
      target: `${invite.scope.kind}:${invite.scope.id}`,
      invite: invite._id.slice(0, 12),
    })

  /** The role an invite gives, added once (addToSet): safe to repeat. An officer invite replaces her earlier officer role. */
  async function grant(openid: string, invite: InviteDoc, now: number): Promise<void> {
    await users.ensure(openid, now)
    const { scope } = invite
    if (scope.kind === 'union') await users.setOfficer(openid, scope.id, now)
    else await users.addRole(openid, { role: 'staff', scope: { kind: scope.kind, id: scope.id, name: scope.name } }, now)
  }

  const holds = async (openid: string, { scope }: InviteDoc) =>
    !!(await users.get(openid))?.roles.some((r) =>
      r.role === 'officer' ? scope.kind === 'union' && r.unionId === scope.id : r.scope.kind === scope.kind && r.scope.id === scope.id,
    )

  return {
    /** What an officer can pick from when inviting staff or officers: only what her subtree owns (issue 20). */
    async inviteTargets(scope: OfficerScope): Promise<InviteTargetsDTO> {
      const [events, sites, merchants, unions] = await Promise.all([
        targets.list('event', scope),
        targets.list('site', scope),
        targets.list('merchant', scope),
        targets.unions(scope),
      ])
      // Events and mixers come in the order they happen (invite-targets.repository.ts); unions as the tree; the rest by name.
      return { events, sites: sites.sort(byName), merchants: merchants.sort(byName), unions }
    },

    /** Only the hash is stored: the code is shown once, to the officer who made it (and again to a retry of her request). */
    /** `unionPath`: the target's owner path (member.owners.ts `inviteTargetOwner`), for the officers' table. */
    async createInvite(
      officer: string,
      req: CreateInviteRequest,
      requestId: string | undefined,
      unionPath: readonly string[] = [],
    ): Promise<InviteDTO> {
      const now = clock()
      const target = await targets.find(req.scope.kind, req.scope.id)
      if (!target) fail('NOT_FOUND', 'scope.id', TARGET_MISSING[req.scope.kind])
      const code = codeOf(officer, requestId)
      const scope = { kind: target.kind, id: target.id, name: target.name }
      const doc: InviteDoc = {
        _id: inviteId(code),
        scope,
        createdBy: officer,
        createdAt: now,
        expiresAt: now + (req.ttlHours ?? INVITE_DEFAULT_TTL_HOURS) * 3600_000,
        usedBy: null,
        usedAt: null,
        state: 'open',
        unionPath: [...unionPath],
        unionId: unionPath.at(-1) ?? null, // a move of that union rewrites the path (union-moves.ts)
        ref: randomBytes(8).toString('hex'),
      }
      if (!(await invites.insert(doc))) return (await created(officer, requestId))?.data ?? fail('CONFLICT')
      await audit.record({ actor: officer, action: 'member.createInvite', target: `${scope.kind}:${scope.id}`, expiresAt: doc.expiresAt })
      return inviteOf(code, doc)
    },
    created,

    /** Single use: the conditional update on the invite decides between concurrent redeemers. */
    async redeemInvite(account: CallerAccount, raw: string, requestId: string | null): Promise<MeDTO> {
      const { openid } = account
      const now = clock()
      const key = `invite:${openid}`
      if (await attempts.isLimited(key, now, BUDGET)) fail('RATE_LIMITED')
      const code = normalizeInviteCode(raw)
      const invite = code ? await invites.get(inviteId(code)) : null
      if (!invite) return refuse(key, now, 'INVITE_INVALID')
      // Already hers (another request of hers used it): the role is made sure of, as the first time.
      const usedNow = invite.usedBy !== openid && (await invites.use(invite._id, openid, now, requestId))
      if (invite.usedBy !== openid && !usedNow) {
        const after = await invites.get(invite._id)
        if (after?.usedBy !== openid)
          return refuse(key, now, after?.usedBy ? 'INVITE_USED' : after?.state === 'revoked' ? 'INVITE_REVOKED' : 'INVITE_EXPIRED')
      }
      if (usedNow) await recordUse(openid, invite) // the audit line before the role: a crash between repeats it, never loses it
      await grant(openid, invite, now)
      return me.fresh(account)
    },
    /**
     * A retry of a redemption that used the invite: its role (added now if the call died before), at once.
     * Never "already used": the invite was used by this very request.
     */
    async redeemed(account: CallerAccount, raw: string, requestId: string | undefined): Promise<{ data: MeDTO } | undefined> {
      const code = normalizeInviteCode(raw)
      const invite = code && requestId ? await invites.get(inviteId(code)) : null
      if (!invite || invite.usedBy !== account.openid || invite.usedRequest !== requestId) return undefined
      // No role yet: the first call died before it, perhaps before its audit line too.
      if (!(await holds(account.openid, invite))) {
        await recordUse(account.openid, invite)
        await grant(account.openid, invite, clock())
      }
      return { data: await me.fresh(account) }
    },
  }
}
