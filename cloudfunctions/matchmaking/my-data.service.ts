/**
 * Matchmaking's part of the member's own data (PIPL): export what is stored
 * about her (her match notices and opt-ins too), and erase it on her deletion
 * request. Picks are opaque tokens keyed by sign-up references; they go with the sign-ups.
 */
import type { Clock } from '../common/clock'
import { noticesExport, type ErasureReport } from '../common/my-data'
import type { Notices } from '../common/notices'
import { beijingDate } from '../common/time'
import type { MatchNoticeKind, MatchNoticeTopic } from '~types/matchmaking'
import type { MyServicesExport } from '~types/member'
import { barActive } from './eligibility.rules'
import type { MatchDoc } from './matchmaking.docs'
import { matchDTO } from './matchmaking.dto'
import type { MemberDataRepository } from './member-data.repository'
import type { MixerRepository } from './mixer.repository'
import type { PicksRepository } from './picks.repository'
import { ACTIVE, type SignupRepository } from './signup.repository'
import type { SignupService } from './signup.service'

export interface MyDataDeps {
  clock: Clock
  mixers: MixerRepository
  signups: SignupRepository
  signup: SignupService
  picks: PicksRepository
  data: MemberDataRepository
  notices: Pick<Notices<MatchNoticeKind, MatchNoticeTopic>, 'list' | 'credits' | 'erase'>
}

type MatchmakingExport = NonNullable<MyServicesExport['matchmaking']>

export function createMyDataService({ clock, mixers, signups, signup, picks, data, notices }: MyDataDeps) {
  async function gather(openid: string) {
    const rows = await signups.ofMember(openid)
    const byId = new Map((await Promise.all(rows.map((s) => mixers.fresh(s.mixerId)))).flatMap((m) => (m ? [[m._id, m] as const] : [])))
    const matches = (await Promise.all(rows.map((s) => picks.matchesOf(s.mixerId, openid)))).flat()
    const [profile, statement, bar] = await Promise.all([data.profile(openid), data.statement(openid), data.bar(openid)])
    return { rows, mixers: byId, matches, profile, statement, bar }
  }

  /** Her sign-ups go (a live one is cancelled first, so its place passes down), except a check-in at a mixer under way. */
  async function eraseSignups(openid: string, g: Awaited<ReturnType<typeof gather>>, report: ErasureReport): Promise<void> {
    let gone = 0
    for (const s of g.rows) {
      const m = g.mixers.get(s.mixerId)
      if (m && m.phase === 'open' && s.checkedInAt) {
        report.kept.push({ what: `联谊会「${m.title}」的签到`, why: '活动进行中，匹配完成后删除', later: true })
        continue
      }
      // A live place passes down first; a checked-in one belongs to an evening that is over (or frozen) and simply goes.
      if (m && ACTIVE.includes(s.state) && !s.checkedInAt) await signup.cancel(openid, m, 'cancelled', null)
      await picks.removeOf(s.mixerId, s.ref)
      await signups.remove(s._id)
      gone++
    }
    if (gone) report.erased.push(`联谊会报名 ${gone} 条（含心动选择）`)
  }

  return {
    async exportFor(openid: string): Promise<MatchmakingExport> {
      const g = await gather(openid)
      const title = (id: string) => g.mixers.get(id)?.title ?? ''
      const refOf = (m: MatchDoc) => (m.a.openid === openid ? m.a.ref : m.b.ref)
      return {
        profile: g.profile ? { nickname: g.profile.nickname, sector: g.profile.sector, intro: g.profile.intro } : null,
        statement: g.statement
          ? { version: g.statement.version, signedAt: g.statement.signedAt, withdrawnAt: g.statement.withdrawnAt }
          : null,
        signUps: g.rows
          .filter((s) => s.state !== 'pending' && s.state !== 'failed')
          .map((s) => ({
            mixerTitle: title(s.mixerId),
            status: s.state,
            signedUpAt: s.signedUpAt,
            checkedInAt: s.checkedInAt,
            badge: s.badge,
          })),
        matches: g.matches.map((m) => {
          const d = matchDTO(m, refOf(m))
          return {
            mixerTitle: title(m.mixerId),
            theirBadge: d.badge,
            theirNickname: d.nickname,
            myContact: d.myContact?.value ?? null,
            state: d.state,
          }
        }),
        bar: g.bar ? { reason: g.bar.reason, until: g.bar.until, appeal: g.bar.appeal?.text ?? null } : null,
        ...(await noticesExport(notices, openid)),
      }
    },
    async eraseFor(openid: string): Promise<ErasureReport> {
      const now = clock()
      const g = await gather(openid)
      const report: ErasureReport = { erased: [], kept: [] }
      await eraseSignups(openid, g, report)
      for (const m of g.matches) {
        const side = m.a.openid === openid ? 'a' : 'b'
        await picks.updateMatch(m._id, { [`${side}.openid`]: '', [`${side}.contact`]: null, [`${side}.ended`]: true })
      }
      if (g.matches.length) report.erased.push(`匹配记录 ${g.matches.length} 条中的本人信息与联系方式（对方只看到“联系已结束”）`)
      report.erased.push(`会聚良缘通知 ${await notices.erase(openid)} 条`)
      if (g.profile) {
        await data.removeProfile(openid)
        report.erased.push('交友资料')
      }
      if (g.statement) {
        await data.removeStatement(openid)
        report.erased.push('单身承诺记录')
      }
      if (g.bar && barActive(g.bar, now)) {
        report.kept.push({ what: '暂停参加联谊活动的记录', why: `工会处理举报的决定，保留至 ${beijingDate(g.bar.until)}`, later: true })
      } else if (g.bar) {
        await data.removeBar(openid)
        report.erased.push('已期满的暂停记录')
      }
      return report
    },
  }
}
