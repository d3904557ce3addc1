/**
 * Matchmaking's part of the member's own data (PIPL): export what is stored
 * about her, and erase it on her deletion request. Picks are opaque tokens
 * keyed by sign-up references; they go with the sign-ups.
 */
import type { Db } from '../common/db'
import type { DataProvider, ErasureReport } from '../common/my-data'
import type { MyServicesExport } from '../../types/member'
import { barActive } from './eligibility.rules'
import { servicesOf } from './matchmaking.context'
import type { MatchDoc } from './matchmaking.docs'
import { matchDTO } from './matchmaking.dto'
import { createMemberDataRepository } from './member-data.repository'
import { ACTIVE } from './signup.repository'

async function gather(db: Db, openid: string, now: number) {
  const svc = servicesOf({ db, clock: () => now })
  const data = createMemberDataRepository(db)
  const signups = await svc.signupRepo.ofMember(openid)
  const mixers = new Map((await Promise.all(signups.map((s) => svc.mixers.fresh(s.mixerId)))).flatMap((m) => (m ? [[m._id, m] as const] : [])))
  const matches = (await Promise.all(signups.map((s) => svc.picks.matchesOf(s.mixerId, openid)))).flat()
  const [profile, statement, bar] = await Promise.all([data.profile(openid), data.statement(openid), data.bar(openid)])
  return { svc, data, signups, mixers, matches, profile, statement, bar }
}

async function exportFor(db: Db, openid: string): Promise<NonNullable<MyServicesExport['matchmaking']>> {
  const g = await gather(db, openid, Date.now())
  const title = (id: string) => g.mixers.get(id)?.title ?? ''
  const refOf = (m: MatchDoc) => (m.a.openid === openid ? m.a.ref : m.b.ref)
  return {
    profile: g.profile ? { nickname: g.profile.nickname, sector: g.profile.sector, intro: g.profile.intro } : null,
    statement: g.statement ? { version: g.statement.version, signedAt: g.statement.signedAt, withdrawnAt: g.statement.withdrawnAt } : null,
    signUps: g.signups.filter((s) => s.state !== 'pending' && s.state !== 'failed').map((s) => ({
      mixerTitle: title(s.mixerId), status: s.state, signedUpAt: s.signedUpAt, checkedInAt: s.checkedInAt, badge: s.badge,
    })),
    matches: g.matches.map((m) => {
      const d = matchDTO(m, refOf(m))
      return { mixerTitle: title(m.mixerId), theirBadge: d.badge, theirNickname: d.nickname, myContact: d.myContact?.value ?? null, state: d.state }
    }),
    bar: g.bar ? { reason: g.bar.reason, until: g.bar.until, appeal: g.bar.appeal?.text ?? null } : null,
  }
}

async function eraseFor(db: Db, openid: string, now: number): Promise<ErasureReport> {
  const g = await gather(db, openid, now)
  const report: ErasureReport = { erased: [], kept: [] }
  let gone = 0
  for (const s of g.signups) {
    const m = g.mixers.get(s.mixerId)
    if (m && m.phase === 'open' && s.checkedInAt) {
      report.kept.push({ what: `联谊会「${m.title}」的签到`, why: '活动进行中，匹配完成后删除', later: true })
      continue
    }
    if (m && ACTIVE.includes(s.state)) await g.svc.signup.cancel(openid, m).catch(() => undefined) // the place passes down
    await g.svc.picks.removeOf(s.mixerId, s.ref)
    await g.svc.signupRepo.remove(s._id)
    gone++
  }
  if (gone) report.erased.push(`联谊会报名 ${gone} 条（含心动选择）`)
  for (const m of g.matches) {
    const side = m.a.openid === openid ? 'a' : 'b'
    await g.svc.picks.updateMatch(m._id, { [`${side}.openid`]: '', [`${side}.contact`]: null, [`${side}.ended`]: true })
  }
  if (g.matches.length) report.erased.push(`匹配记录 ${g.matches.length} 条中的本人信息与联系方式（对方只看到“联系已结束”）`)
  if (g.profile) (await g.data.removeProfile(openid), report.erased.push('交友资料'))
  if (g.statement) (await g.data.removeStatement(openid), report.erased.push('单身承诺记录'))
  if (g.bar && barActive(g.bar, now)) report.kept.push({ what: '暂停参加联谊活动的记录', why: `工会处理举报的决定，保留至 ${new Date(g.bar.until).toISOString().slice(0, 10)}`, later: true })
  else if (g.bar) (await g.data.removeBar(openid), report.erased.push('已期满的暂停记录'))
  return report
}

export const matchmakingData: DataProvider<'matchmaking'> = { service: 'matchmaking', exportFor, eraseFor }
