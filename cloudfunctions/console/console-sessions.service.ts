/**
 * 我的 → 已登录的电脑: her console sessions, ended from the phone (one, or 退出所有电脑) or by the console's own
 * 退出登录. Ending is one conditional update; the console finds out at its next call (caller.ts checks the
 * session on every call). Every sign-out is in the audit log, as every sign-in is.
 */
import type { ConsoleSessionDTO } from '~types/console'
import type { AuditLog } from '../common/audit'
import type { ConsoleSessionDoc } from '../common/caller'
import type { Clock } from '../common/clock'
import type { ConsoleRepository } from './console.repository'

interface Deps {
  clock: Clock
  repo: ConsoleRepository
  audit: AuditLog
}

export function createConsoleSessionService({ clock, repo, audit }: Deps) {
  async function end(openid: string, sessionId: string, by: 'phone' | 'console'): Promise<boolean> {
    const ended = await repo.end(sessionId, openid, by, clock())
    if (ended) await audit.record({ actor: openid, action: 'console.signOut', target: `session=${sessionId}`, by })
    return ended
  }
  const live = async (openid: string): Promise<ConsoleSessionDoc[]> =>
    (await repo.open(openid)).filter((s) => s.expiresAt > clock()).sort((a, b) => b.startedAt - a.startedAt)

  return {
    async list(openid: string, currentSession: string | null): Promise<ConsoleSessionDTO[]> {
      return (await live(openid)).map((s) => ({
        id: s._id,
        kind: s.kind,
        startedAt: s.startedAt,
        expiresAt: s.expiresAt,
        place: s.place,
        device: s.device,
        current: s._id === currentSession,
      }))
    },
    end: async (openid: string, sessionId: string, by: 'phone' | 'console') => ({ ended: await end(openid, sessionId, by) }),
    async endAll(openid: string): Promise<{ ended: number }> {
      const done = await Promise.all((await live(openid)).map((s) => end(openid, s._id, 'phone')))
      return { ended: done.filter(Boolean).length }
    },
  }
}
