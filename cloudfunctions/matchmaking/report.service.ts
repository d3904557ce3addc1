/**
 * Reports of an attendee (the reporter is stored only as a sign-up ref and never
 * returned), officers' bars with an end date, and one appeal per bar.
 */
import type { AuditLog } from '../common/audit'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import type { BarDTO, BarRequest, ReportDTO, ReportRequest } from '~types/matchmaking'
import { barActive } from './eligibility.rules'
import type { BarDoc, MixerDoc, ReportDoc } from './matchmaking.docs'
import type { MemberDataRepository } from './member-data.repository'
import type { TextCheck } from './profile-text.service'
import type { ReportRepository } from './report.repository'
import { signupId, type SignupRepository } from './signup.repository'

export interface ReportDeps {
  clock: Clock
  audit: AuditLog
  reports: ReportRepository
  signups: SignupRepository
  data: MemberDataRepository
  check: TextCheck
}

const barDTO = (b: BarDoc | null): BarDTO | null => (b ? { reason: b.reason, until: b.until, appeal: b.appeal } : null)

export function createReportService({ clock, audit, reports, signups, data, check }: ReportDeps) {
  async function get(id: string): Promise<ReportDoc> {
    return (await reports.get(id)) ?? fail('NOT_FOUND', 'reportId')
  }
  async function dto(r: ReportDoc): Promise<ReportDTO> {
    const bar = await data.bar(r.subjectOpenid)
    const { _id, reporterRef: _r, subjectOpenid: _s, mixerId: _m, ...rest } = r
    return { id: _id, ...rest, bar: bar && bar.reportId === r._id ? barDTO(bar) : null }
  }
  return {
    async report(openid: string, m: MixerDoc, i: ReportRequest): Promise<{ received: true }> {
      const me = await signups.get(signupId(m._id, openid))
      if (!me || !['approved', 'review'].includes(me.state)) fail('NOT_SIGNED_UP')
      const subject = await signups.byBadge(m._id, i.badge)
      if (!subject || subject.openid === openid) fail('NOT_FOUND', 'badge')
      // Scene 2 (a comment): only officers read a note, so a `review` answer is stored as is; risky is refused.
      await check(openid, 2, [{ field: 'note', label: '举报说明', text: i.note }])
      await reports.insert({
        _id: `${m._id}:${me.ref}:${subject.ref}`,
        mixerId: m._id,
        mixerTitle: m.title,
        reporterRef: me.ref,
        subjectOpenid: subject.openid,
        subject: { badge: subject.badge, nickname: subject.profile.nickname, maskedName: subject.maskedName },
        reason: i.reason,
        note: i.note,
        at: clock(),
        status: 'open',
      })
      return { received: true }
    },
    /** `mixerIds`: her subtree's mixers (issue 20); null: the city's officer reads them all. */
    list: async (mixerIds: ReadonlySet<string> | null): Promise<ReportDTO[]> =>
      Promise.all((await reports.all()).filter((r) => !mixerIds || mixerIds.has(r.mixerId)).map(dto)),
    async bar(officer: string, i: BarRequest, requestId: string | null): Promise<ReportDTO> {
      const r = await get(i.reportId)
      if (i.until <= clock()) fail('INVALID_ARGUMENT', 'until')
      await data.saveBar({
        _id: r.subjectOpenid,
        reportId: r._id,
        reason: i.reason,
        until: i.until,
        liftedAt: null,
        appeal: null,
        requestId,
        at: clock(),
      })
      await reports.setStatus(r._id, 'barred')
      await audit.record({ actor: officer, action: 'matchmaking.bar', target: r._id, reason: i.reason, until: i.until })
      return dto({ ...r, status: 'barred' })
    },
    /** What a same-id `bar` wrote: the bar carries its request id. */
    async barredBy(reportId: string, requestId: string | undefined): Promise<ReportDTO | null> {
      const r = await reports.get(reportId)
      const b = r && requestId ? await data.bar(r.subjectOpenid) : null
      return r && b?.reportId === r._id && b.requestId === requestId ? dto({ ...r, status: 'barred' }) : null
    },
    async dismiss(reportId: string): Promise<ReportDTO> {
      const r = await get(reportId)
      await reports.setStatus(r._id, 'dismissed')
      return dto({ ...r, status: 'dismissed' })
    },
    async appeal(openid: string, text: string): Promise<BarDTO> {
      const b = await data.bar(openid)
      if (!b || !barActive(b, clock())) fail('NOT_FOUND')
      if (b.appeal) fail('APPEAL_USED')
      const appeal = { text, at: clock(), outcome: 'pending' as const }
      if (!(await data.appeal(openid, appeal))) fail('APPEAL_USED')
      return barDTO({ ...b, appeal })!
    },
    /** Her appeal as the first call wrote it (same text, still pending), for a same-id retry. */
    async appealed(openid: string, text: string): Promise<BarDTO | null> {
      const b = await data.bar(openid)
      return b?.appeal?.text === text && b.appeal.outcome === 'pending' ? barDTO(b) : null
    },
    async decideAppeal(reportId: string, lift: boolean): Promise<ReportDTO> {
      const r = await get(reportId)
      if (!(await data.decideAppeal(r.subjectOpenid, r._id, lift, clock()))) fail('NOT_FOUND', 'reportId')
      return dto(r)
    },
    /** The appeal decided as asked (a same-id retry of `decideAppeal`). */
    async appealDecided(reportId: string, lift: boolean): Promise<ReportDTO | null> {
      const r = await reports.get(reportId)
      const b = r ? await data.bar(r.subjectOpenid) : null
      return r && b?.reportId === r._id && b.appeal?.outcome === (lift ? 'lifted' : 'upheld') ? dto(r) : null
    },
  }
}
