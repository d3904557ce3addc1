/**
 * Screening results. Only she (`myResult`), the staff of her site and officers
 * read one (who may is declared on the actions); every read by staff or an
 * officer is written to the audit log BEFORE the result is returned. Her notice
 * says only that a result is ready (or, after a correction, that it was
 * updated): never the result itself. A result once marked is changed only by a
 * correction, which names its reason (audited). Marks and corrections are desk
 * attempts (desk.service.ts `DeskLog`).
 */
import type { AuditLog } from '../common/audit'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import { maskName } from '../common/mask'
import { noticePage } from '~types/routes'
import { type CorrectResultRequest, type DeskResultDTO, type MarkResultRequest, type ResultDTO, siteLabel } from '~types/screening'
import { ledgerId, type BookingRepository } from './booking.repository'
import type { CatalogRepository } from './catalog.repository'
import type { DeskCaller, DeskLog } from './desk.service'
import type { NoticeService } from './notice.service'
import type { ResultRepository } from './result.repository'
import type { BookingDoc, ResultDoc } from './screening.docs'

const LABELS = { normal: '正常', recheck: '需复查' } as const

export interface ResultDeps {
  clock: Clock
  catalog: CatalogRepository
  bookings: BookingRepository
  results: ResultRepository
  notices: NoticeService
  audit: AuditLog
  log: DeskLog
}

export function createResultService({ clock, catalog, bookings: ledger, results, notices, audit, log }: ResultDeps) {
  async function toDTO(b: BookingDoc, r: ResultDoc): Promise<ResultDTO> {
    const [p, site] = await Promise.all([catalog.programme(b.programmeId), catalog.site(b.siteId)])
    return {
      bookingId: b.ref,
      programmeId: b.programmeId,
      programmeName: p?.name ?? '',
      siteName: site ? siteLabel(site) : '',
      outcome: r.outcome,
      outcomeLabel: LABELS[r.outcome],
      note: r.note,
      readyAt: r.readyAt,
    }
  }

  const byRef = async (bookingId: string): Promise<BookingDoc> => (await ledger.byRef(bookingId)) ?? fail('NOT_FOUND', 'bookingId')

  /** Her notice: that there is something to look at, never what it is. */
  async function tell(b: BookingDoc, hint: string): Promise<void> {
    const p = await catalog.programme(b.programmeId)
    await notices.send({
      openid: b.openid,
      toName: maskName(b.member.name),
      kind: 'result_ready',
      page: noticePage('screeningBooking', { id: b.programmeId }),
      fields: [
        { label: '项目名称', value: p?.name ?? '两癌筛查' },
        { label: '温馨提示', value: hint },
      ],
    })
  }

  /** Marked: the booking shows it ready and she is told, once (the conditional update decides who tells). */
  async function ready(b: BookingDoc, r: ResultDoc): Promise<ResultDTO> {
    if (await ledger.updateIf(b._id, { ref: b.ref, resultReady: false }, { resultReady: true, updatedAt: clock() })) {
      await tell(b, '您的检查结果已出，请进入小程序查看')
    }
    return toDTO(b, r)
  }

  async function mark(who: DeskCaller, b: BookingDoc, req: MarkResultRequest): Promise<ResultDTO> {
    if (b.status !== 'checked_in') fail('NOT_CHECKED_IN')
    const doc: ResultDoc = {
      _id: b._id,
      programmeId: b.programmeId,
      openid: b.openid,
      siteId: b.siteId,
      outcome: req.outcome,
      note: req.note ?? '',
      readyAt: clock(),
      markedBy: who.openid,
      requestId: who.requestId,
    }
    // A second tap must not overwrite it silently: see correctResult.
    if (!(await results.insert(doc))) fail('RESULT_ALREADY_MARKED')
    return ready(b, doc)
  }

  async function correct(who: DeskCaller, b: BookingDoc, req: CorrectResultRequest): Promise<ResultDTO> {
    const before = (await results.get(b._id)) ?? fail('NOT_FOUND', 'bookingId')
    const now = clock()
    const patch = {
      outcome: req.outcome,
      note: req.note ?? before.note,
      correctedAt: now,
      correctedBy: who.openid,
      corrections: (before.corrections ?? 0) + 1,
      requestId: who.requestId,
    }
    if (!(await results.correct(before, patch))) fail('CONFLICT')
    await audit.record({
      actor: who.openid,
      action: 'screening.correctResult',
      target: b._id,
      bookingId: b.ref,
      siteId: b.siteId,
      reason: req.reason.trim(),
      from: before.outcome,
      to: req.outcome,
    })
    await tell(b, '您的检查结果已更新，请进入小程序查看')
    return toDTO(b, { ...before, ...patch })
  }

  /** Staff and officers' reads are audited before the answer. */
  async function audited(openid: string, bookingId: string): Promise<{ b: BookingDoc; r: ResultDoc | null }> {
    const b = await byRef(bookingId)
    await audit.record({ actor: openid, action: 'screening.readResult', target: b._id, bookingId: b.ref, siteId: b.siteId })
    return { b, r: await results.get(b._id) }
  }

  /** One desk attempt on one booking's result, logged accepted or refused. */
  const attempt = <T>(who: DeskCaller, action: 'markResult' | 'correctResult', bookingId: string, run: (b: BookingDoc) => Promise<T>) =>
    log.record({ staff: who.openid, action, requestId: who.requestId, bookingId }, async (note) => {
      const b = await byRef(bookingId)
      note.siteId = b.siteId
      return run(b)
    })

  return {
    markResult: (who: DeskCaller, req: MarkResultRequest) => attempt(who, 'markResult', req.bookingId, (b) => mark(who, b, req)),
    correctResult: (who: DeskCaller, req: CorrectResultRequest) =>
      attempt(who, 'correctResult', req.bookingId, (b) => correct(who, b, req)),

    /**
     * The result this request marked or corrected, for its same-id retry (`recover`). A mark whose call
     * died before the booking showed it ready finishes that step here (she is told once).
     */
    async writtenBy(bookingId: string, requestId: string | null, corrected: boolean): Promise<ResultDTO | null> {
      const b = requestId ? await ledger.byRef(bookingId) : null
      const r = b && (await results.get(b._id))
      if (!b || !r || r.requestId !== requestId) return null
      return corrected ? toDTO(b, r) : ready(b, r)
    },

    /** The desk looks a result up (to check it, or before correcting it): audited like every staff read. */
    async deskResult(openid: string, bookingId: string): Promise<DeskResultDTO> {
      const { b, r } = await audited(openid, bookingId)
      const result = r ? await toDTO(b, r) : null
      return { bookingId: b.ref, memberName: maskName(b.member.name), result, corrections: r?.corrections ?? 0 }
    },

    async readResult(openid: string, bookingId: string): Promise<ResultDTO> {
      const { b, r } = await audited(openid, bookingId)
      return toDTO(b, r ?? fail('NOT_FOUND', 'bookingId'))
    },

    async myResult(openid: string, programmeId: string): Promise<ResultDTO | null> {
      const b = (await ledger.get(ledgerId(programmeId, openid))) ?? fail('NOT_FOUND', 'programmeId')
      const r = await results.get(b._id)
      return r ? toDTO(b, r) : null
    },
  }
}
