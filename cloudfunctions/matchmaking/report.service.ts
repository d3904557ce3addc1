/**
 * Reports of an attendee (the reporter is stored only as a sign-up ref and never
 * returned), officers' bars with an end date, and one appeal per bar.
 */
import { randomBytes } from 'node:crypto'
import type { Clock } from '../common/clock'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { createAuditLog } from '../common/audit'
import { isDuplicate } from '../common/db-errors'
import { fail } from '../common/errors'
import { readAll, rowsOf } from '../common/paginate'
import type { BarDTO, BarRequest, ReportDTO, ReportRequest } from '../../types/matchmaking'
import { barActive } from './eligibility.rules'
import type { BarDoc, MixerDoc, ReportDoc } from './matchmaking.docs'
import type { MemberDataRepository } from './member-data.repository'
import { signupId, type SignupRepository } from './signup.repository'

export interface ReportDeps {
  db: Db
  clock: Clock
  signups: SignupRepository
  data: MemberDataRepository
}

const barDTO = (b: BarDoc | null): BarDTO | null => (b ? { reason: b.reason, until: b.until, appeal: b.appeal } : null)

export function createReportService({ db, clock, signups, data }: ReportDeps) {
  const coll = () => db.collection(COLLECTIONS.mixerReports)
  async function get(id: string): Promise<ReportDoc> {
    const r = rowsOf<ReportDoc>(await coll().doc(id).get())[0]
    if (!r) fail('NOT_FOUND', 'reportId')
    return r
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
      const doc: ReportDoc = {
        _id: `${m._id}:${me.ref}:${subject.ref}`, mixerId: m._id, mixerTitle: m.title, reporterRef: me.ref, subjectOpenid: subject.openid,
        subject: { badge: subject.badge, nickname: subject.profile.nickname, maskedName: subject.maskedName },
        reason: i.reason, note: i.note, at: clock(), status: 'open',
      }
      try {
        await coll().add(doc)
      } catch (e) {
        if (!isDuplicate(e)) throw e // a second report of the same person by the same reporter is the first one
      }
      return { received: true }
    },
    async list(): Promise<ReportDTO[]> {
      const rows = await readAll<ReportDoc>(coll().where({ at: db.command.gt(0) }).orderBy('at', 'desc'))
      return Promise.all(rows.map(dto))
    },
    async bar(officer: string, i: BarRequest): Promise<ReportDTO> {
      const r = await get(i.reportId)
      if (i.until <= clock()) fail('INVALID_ARGUMENT', 'until')
      await data.saveBar({ _id: r.subjectOpenid, reportId: r._id, reason: i.reason, until: i.until, liftedAt: null, appeal: null, at: clock() })
      await coll().doc(r._id).update({ status: 'barred' })
      await createAuditLog({ db, clock }).record({ actor: officer, action: 'matchmaking.bar', target: r._id, reason: i.reason, until: i.until })
      return dto({ ...r, status: 'barred' })
    },
    async dismiss(reportId: string): Promise<ReportDTO> {
      const r = await get(reportId)
      await coll().doc(r._id).update({ status: 'dismissed' })
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
    async decideAppeal(reportId: string, lift: boolean): Promise<ReportDTO> {
      const r = await get(reportId)
      const b = await data.bar(r.subjectOpenid)
      if (!b || b.reportId !== r._id || b.appeal?.outcome !== 'pending') fail('NOT_FOUND', 'reportId')
      await data.updateBar(r.subjectOpenid, { 'appeal.outcome': lift ? 'lifted' : 'upheld', ...(lift ? { liftedAt: clock() } : {}) } as Partial<BarDoc>)
      return dto(r)
    },
    newId: () => randomBytes(8).toString('hex'),
  }
}
