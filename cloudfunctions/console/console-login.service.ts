/**
 * Sign in by scanning (issue 18). The browser starts a request and keeps its secret; the code it shows
 * carries only the request's id, so a photo of the code cannot collect anything. The officer's phone
 * confirms (her role is checked here, from the server's own records); the browser that holds the secret
 * collects a custom-login ticket ONCE. Each step is one conditional update on the request, so two phones
 * confirming, or two tabs collecting, cannot both win.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { CollectLoginResult, ConsoleLoginDTO, StartLoginResult } from '~types/console'
import { codePage } from '~types/routes'
import type { AuditLog } from '../common/audit'
import type { CallerAccount } from '../common/auth'
import { consoleUserId } from '../common/caller'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import type { Codes } from '../common/wechat-codes'
import { COLLECT_GRACE_MS, consoleAccess, deviceLabel, LOGIN_TTL_MS, pairNumber, SESSION_TTL_MS } from './console-login.rules'
import type { ConsoleLoginDoc, ConsoleRepository } from './console.repository'
import type { IssueTicket } from './console.tickets'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
/** Random letters and digits (a scene and a custom-login id accept both). */
export const randomId = (n: number) => [...randomBytes(n)].map((b) => ALNUM[b % ALNUM.length]).join('')
const hash = (s: string) => createHash('sha256').update(s).digest()

interface Deps {
  clock: Clock
  repo: ConsoleRepository
  codes: Codes
  audit: AuditLog
  issueTicket: () => IssueTicket
}

function dto(d: ConsoleLoginDoc, refusal: string | null): ConsoleLoginDTO {
  return {
    loginId: d._id,
    number: d.number,
    startedAt: d.startedAt,
    expiresAt: d.expiresAt,
    place: d.place,
    device: d.device,
    status: d.status,
    refusal,
  }
}

export function createConsoleLoginService({ clock, repo, codes, audit, issueTicket }: Deps) {
  /** The request as the phone may act on it: NOT_FOUND, LOGIN_EXPIRED, LOGIN_USED, LOGIN_CANCELLED otherwise. */
  async function pending(loginId: string): Promise<ConsoleLoginDoc> {
    const d = (await repo.login(loginId)) ?? fail('NOT_FOUND', 'loginId')
    if (d.status === 'cancelled') fail('LOGIN_CANCELLED')
    if (d.status !== 'pending') fail('LOGIN_USED')
    if (clock() >= d.expiresAt) fail('LOGIN_EXPIRED')
    return d
  }

  /** Another phone (or tab) moved the request between our read and our update: say what it became. */
  async function lostRace(loginId: string): Promise<never> {
    await pending(loginId)
    return fail('LOGIN_USED')
  }

  return {
    async start(device: string | undefined, place: string | null): Promise<StartLoginResult> {
      const now = clock()
      const secret = randomBytes(32).toString('base64url')
      const doc: ConsoleLoginDoc = {
        _id: randomId(20),
        secretHash: hash(secret).toString('hex'),
        number: pairNumber(Math.random),
        startedAt: now,
        expiresAt: now + LOGIN_TTL_MS,
        place,
        device: deviceLabel(device),
        status: 'pending',
        openid: null,
        kind: null,
        confirmedAt: null,
        sessionId: null,
      }
      await repo.addLogin(doc)
      // secret: a code per request, never kept (common/wechat-codes.ts)
      const code = await codes.image(codePage('consoleLogin'), doc._id, { secret: true })
      const { status: _s, refusal: _r, ...shown } = dto(doc, null)
      return { ...shown, secret, code }
    },

    async describe(loginId: string, account: CallerAccount): Promise<ConsoleLoginDTO> {
      const access = consoleAccess(account.roles)
      return dto(await pending(loginId), access.ok ? null : access.reason)
    },

    async confirm(loginId: string, account: CallerAccount): Promise<ConsoleLoginDTO> {
      const d = await pending(loginId)
      const access = consoleAccess(account.roles)
      if (!access.ok) fail('CONSOLE_NOT_ALLOWED', undefined, access.reason)
      const patch = { status: 'confirmed' as const, openid: account.openid, kind: access.kind, confirmedAt: clock() }
      if (!(await repo.moveLogin(loginId, 'pending', patch))) return lostRace(loginId)
      return dto({ ...d, ...patch }, null)
    },

    async cancel(loginId: string): Promise<ConsoleLoginDTO> {
      const d = await pending(loginId)
      if (!(await repo.moveLogin(loginId, 'pending', { status: 'cancelled' }))) return lostRace(loginId)
      return dto({ ...d, status: 'cancelled' }, null)
    },

    /** The browser polls; only the holder of the secret gets the ticket, and only once. */
    async collect(loginId: string, secret: string): Promise<CollectLoginResult> {
      const d = await repo.login(loginId)
      const given = hash(secret)
      if (!d || !timingSafeEqual(given, Buffer.from(d.secretHash, 'hex'))) fail('NOT_FOUND', 'loginId')
      const now = clock()
      if (d.status === 'cancelled') fail('LOGIN_CANCELLED')
      if (d.status === 'collected') fail('LOGIN_USED')
      if (d.status === 'pending') return now >= d.expiresAt ? fail('LOGIN_EXPIRED') : { status: 'waiting', expiresAt: d.expiresAt }
      if (now >= d.expiresAt + COLLECT_GRACE_MS) fail('LOGIN_EXPIRED')
      const sessionId = randomId(24)
      if (!(await repo.moveLogin(loginId, 'confirmed', { status: 'collected', sessionId }))) fail('LOGIN_USED')
      const expiresAt = now + SESSION_TTL_MS
      const session = { _id: sessionId, openid: d.openid!, kind: d.kind!, loginId, startedAt: now, expiresAt, endedAt: null, endedBy: null }
      await repo.addSession({ ...session, place: d.place, device: d.device })
      await audit.record({
        actor: d.openid!,
        action: 'console.signIn',
        target: `session=${sessionId}`,
        kind: d.kind,
        place: d.place,
        device: d.device,
      })
      const customUserId = consoleUserId(sessionId)
      return { status: 'signedIn', ticket: issueTicket()(customUserId, expiresAt), customUserId, sessionExpiresAt: expiresAt }
    },
  }
}
