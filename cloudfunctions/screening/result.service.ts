/**
 * Screening results. Only she, the staff of her site and officers read one;
 * every read by staff or an officer is written to the audit log BEFORE the
 * result is returned. Her notice says only that a result is ready (or, after
 * a correction, that it was updated): never the result itself. A result once
 * marked is changed only by a correction, which names its reason (audited).
 */
import type { ScreeningDeps } from './screening.deps'
import { requireStaff } from '../common/auth'
import { COLLECTIONS } from '../common/collections'
import { isDuplicate } from '../common/db-errors'
import { fail } from '../common/errors'
import { maskName } from '../common/mask'
import type { CorrectResultRequest, DeskResultDTO, MarkResultRequest, ResultDTO } from '../../types/screening'
import { createBookingRepository, ledgerId } from './booking.repository'
import { createCatalogRepository, getById } from './catalog.repository'
import type { NoticeService } from './notice.service'
import type { BookingDoc, ResultDoc } from './screening.docs'
import { noticePage } from '../../types/routes'
import { createAuditLog } from '../common/audit'

const LABELS = { normal: '正常', recheck: '需复查' } as const

export interface ResultDeps extends ScreeningDeps {
  notices: NoticeService
}

export function createResultService({ db, clock, notices }: ResultDeps) {
  const catalog = createCatalogRepository(db)
  const ledger = createBookingRepository(db)

  async function toDTO(b: BookingDoc, r: ResultDoc): Promise<ResultDTO> {
    const [p, site] = await Promise.all([catalog.programme(b.programmeId), catalog.site(b.siteId)])
    return {
      bookingId: b.ref, programmeId: b.programmeId, programmeName: p?.name ?? '', siteName: site?.name ?? '',
      outcome: r.outcome, outcomeLabel: LABELS[r.outcome], note: r.note, readyAt: r.readyAt,
    }
  }

  async function byRef(bookingId: string): Promise<BookingDoc> {
    const b = await ledger.byRef(bookingId)
    if (!b) fail('NOT_FOUND', 'bookingId')
    return b
  }

  const resultOf = (b: BookingDoc) => getById<ResultDoc>(db, COLLECTIONS.screeningResults, b._id)

  /** Her notice: that there is something to look at, never what it is. */
  async function tell(b: BookingDoc, hint: string): Promise<void> {
    const p = await catalog.programme(b.programmeId)
    await notices.send({
      openid: b.openid, toName: maskName(b.member.name), kind: 'result_ready', page: noticePage('screeningBooking', { id: b.programmeId }),
      fields: [{ label: '项目名称', value: p?.name ?? '两癌筛查' }, { label: '温馨提示', value: hint }],
    })
  }

  return {
    async markResult(openid: string, req: MarkResultRequest): Promise<ResultDTO> {
      const b = await byRef(req.bookingId)
      await requireStaff(db, openid, 'site', b.siteId)
      if (b.status !== 'checked_in') fail('NOT_CHECKED_IN')
      const now = clock()
      const doc: Omit<ResultDoc, '_id'> = {
        programmeId: b.programmeId, openid: b.openid, siteId: b.siteId, outcome: req.outcome, note: req.note ?? '', readyAt: now, markedBy: openid,
      }
      try {
        await db.collection(COLLECTIONS.screeningResults).add({ _id: b._id, ...doc })
      } catch (e) {
        if (isDuplicate(e)) fail('RESULT_ALREADY_MARKED') // a second tap must not overwrite it silently: see correctResult
        throw e
      }
      if (await ledger.updateIf(b._id, { ref: b.ref, resultReady: false }, { resultReady: true, updatedAt: now })) await tell(b, '您的检查结果已出，请进入小程序查看')
      return toDTO(b, { _id: b._id, ...doc })
    },

    /** The desk looks a result up (to check it, or before correcting it): audited like every staff read. */
    async deskResult(openid: string, bookingId: string): Promise<DeskResultDTO> {
      const b = await byRef(bookingId)
      await requireStaff(db, openid, 'site', b.siteId)
      await createAuditLog({ db, clock }).record({ actor: openid, action: 'screening.readResult', target: b._id, bookingId: b.ref, siteId: b.siteId })
      const r = await resultOf(b)
      return { bookingId: b.ref, memberName: maskName(b.member.name), result: r ? await toDTO(b, r) : null, corrections: r?.corrections ?? 0 }
    },

    /** Corrects a marked result: conditional on the one the desk saw, reason audited, and she is told again generically. */
    async correctResult(openid: string, req: CorrectResultRequest): Promise<ResultDTO> {
      const b = await byRef(req.bookingId)
      await requireStaff(db, openid, 'site', b.siteId)
      const before = (await resultOf(b)) ?? fail('NOT_FOUND', 'bookingId')
      const now = clock()
      const patch = { outcome: req.outcome, note: req.note ?? before.note, correctedAt: now, correctedBy: openid, corrections: (before.corrections ?? 0) + 1 }
      const r = await db.collection(COLLECTIONS.screeningResults).where({ _id: b._id, outcome: before.outcome, readyAt: before.readyAt, corrections: before.corrections ?? db.command.exists(false) }).update(patch)
      if (r.updated !== 1) fail('CONFLICT')
      await createAuditLog({ db, clock }).record({
        actor: openid, action: 'screening.correctResult', target: b._id, bookingId: b.ref, siteId: b.siteId, reason: req.reason.trim(), from: before.outcome, to: req.outcome,
      })
      await tell(b, '您的检查结果已更新，请进入小程序查看')
      return toDTO(b, { ...before, ...patch })
    },

    async myResult(openid: string, programmeId: string): Promise<ResultDTO | null> {
      const b = await ledger.get(ledgerId(programmeId, openid))
      if (!b) fail('NOT_FOUND', 'programmeId')
      const r = await resultOf(b)
      return r ? toDTO(b, r) : null
    },

    async readResult(openid: string, bookingId: string): Promise<ResultDTO> {
      const b = await byRef(bookingId)
      if (b.openid !== openid) {
        await requireStaff(db, openid, 'site', b.siteId)
        await createAuditLog({ db, clock }).record({ actor: openid, action: 'screening.readResult', target: b._id, bookingId: b.ref, siteId: b.siteId })
      }
      const r = await resultOf(b)
      if (!r) fail('NOT_FOUND', 'bookingId')
      return toDTO(b, r)
    },
  }
}
