/**
 * 报名审核 (issue 18): one decision and many in one call by the same rules. Approving moves a sign-up
 * that holds its place (taken at sign-up) to approved; rejecting gives its place back, which passes to
 * the first of that gender in line as a timed offer (signup.service passDown) and frees its sector place.
 * `decideMany` applies these one row after another in the order given, exactly as the same `decide`s one
 * by one would, so places and the waiting list end the same; each row answers ok or its own refusal.
 */
import type { Clock } from '../common/clock'
import { AppError, fail } from '../common/errors'
import { mapPage } from '../common/table-query'
import { ownedWhere, type OfficerScope } from '../common/unions'
import type {
  DecideManyRequest,
  DecideManyResultDTO,
  DecideOutcomeDTO,
  DecideRequest,
  MixerDTO,
  MixerTableRequest,
  ReviewGenderSummary,
  ReviewRowDTO,
  ReviewTableDTO,
  ReviewTableRequest,
} from '~types/matchmaking'
import { SIGNUP_STATUS_LABELS } from '~types/matchmaking.labels'
import type { TablePage } from '~types/table'
import type { MixerDoc, SignupDoc } from './matchmaking.docs'
import { mixerDTO } from './matchmaking.dto'
import { genderPlaceId, type MixerRepository } from './mixer.repository'
import type { OfficerTablesRepository } from './officer-tables.repository'
import type { SignupRepository } from './signup.repository'
import type { SignupService } from './signup.service'

export interface ReviewDeps {
  clock: Clock
  mixers: MixerRepository
  signups: SignupRepository
  signup: SignupService
  tables: OfficerTablesRepository
}

const HOLDING: SignupDoc['state'][] = ['review', 'approved']
type Verdict = Pick<DecideRequest, 'approve' | 'reason'>

/** A sign-up as the officer's table shows it: masked name, profile, where she stands (her place in line). */
export function reviewRowOf(signups: SignupRepository) {
  return async (d: SignupDoc): Promise<ReviewRowDTO> => ({
    ref: d.ref,
    nickname: d.profile.nickname,
    maskedName: d.maskedName,
    gender: d.gender,
    sector: d.profile.sector,
    birthYear: d.profile.birthYear,
    status: d.state as ReviewRowDTO['status'],
    position: d.state === 'waiting' ? await signups.position(d) : null,
    signedUpAt: d.signedUpAt,
  })
}

/** Why a row of a bulk decision was refused, in the officer's terms (a single `decide` answers the bare code). */
function refusalOf(e: AppError, d: SignupDoc | null, v: Verdict): string {
  if (e.code === 'NOT_FOUND' || !d) return '没有找到这条报名（可能已被删除）'
  if (e.code !== 'CONFLICT') return e.message
  const verb = v.approve ? '通过' : '不通过'
  if (!v.approve && d.checkedInAt) return '已在现场签到，不能不通过'
  if (v.approve ? d.state !== 'review' : !HOLDING.includes(d.state))
    return `当前状态为“${SIGNUP_STATUS_LABELS[d.state as ReviewRowDTO['status']] ?? d.state}”，不能${verb}`
  return '状态刚刚发生变化，请刷新后重试'
}

export function createReviewService({ clock, mixers, signups, signup, tables }: ReviewDeps) {
  const row = reviewRowOf(signups)

  async function mixer(id: string): Promise<MixerDoc> {
    return (await mixers.fresh(id)) ?? fail('NOT_FOUND', 'mixerId')
  }

  /** The one rule of a decision (both actions): conditional moves, so two officers never both decide a row. */
  async function apply(m: MixerDoc, d: SignupDoc | null, v: Verdict, requestId: string | null): Promise<ReviewRowDTO> {
    if (!d || d.mixerId !== m._id) fail('NOT_FOUND', 'ref')
    if (!HOLDING.includes(d.state)) fail('CONFLICT')
    if (v.approve) {
      if (!(await signups.move(d, 'review', { state: 'approved', lastRequestId: requestId }))) fail('CONFLICT')
      return row({ ...d, state: 'approved' })
    }
    if (d.checkedInAt) fail('CONFLICT')
    const rejectReason = v.reason ?? '未通过审核'
    if (!(await signups.move(d, HOLDING, { state: 'rejected', rejectReason, lastRequestId: requestId }))) fail('CONFLICT')
    await signup.passDown(m, d)
    return row({ ...d, state: 'rejected', rejectReason })
  }

  /** Places (capacity and left) from the place documents, the rest from one aggregate: exact, for the officer. */
  async function summary(mixerId: string): Promise<ReviewGenderSummary[]> {
    const [places, tally] = await Promise.all([mixers.placeDocs(mixerId), tables.tally(mixerId)])
    return (['F', 'M'] as const).map((gender) => {
      const p = places.find((x) => x._id === genderPlaceId(mixerId, gender))
      return { gender, places: p?.capacity ?? 0, left: Math.max(0, p?.left ?? 0), ...tally[gender] }
    })
  }

  /** One row of a bulk decision; a row this same request decided already (a rerun after a crash) answers ok again. */
  async function one(
    m: MixerDoc,
    ref: string,
    d: SignupDoc | null,
    i: DecideManyRequest,
    requestId: string | null,
  ): Promise<DecideOutcomeDTO> {
    if (d && requestId && d.lastRequestId === requestId && d.state === (i.approve ? 'approved' : 'rejected'))
      return { ref, ok: true, row: await row(d) }
    try {
      return { ref, ok: true, row: await apply(m, d, i, requestId) }
    } catch (e) {
      if (!(e instanceof AppError)) throw e
      return { ref, ok: false, code: e.code, message: refusalOf(e, d, i), row: d ? await row(d) : null }
    }
  }

  return {
    row,
    summary,
    async decide(i: DecideRequest, requestId: string | null): Promise<ReviewRowDTO> {
      const m = await mixer(i.mixerId)
      return apply(m, await signups.byRef(i.ref), i, requestId)
    },
    /** The decision a same-id `decide` made. */
    async decidedBy(i: DecideRequest, requestId: string | undefined): Promise<ReviewRowDTO | null> {
      const d = requestId ? await signups.byRef(i.ref) : null
      return d?.mixerId === i.mixerId && d.lastRequestId === requestId && d.state === (i.approve ? 'approved' : 'rejected') ? row(d) : null
    },
    /** Reads every named row in one query, then decides them in the order given (a repeated ref counts once). */
    async decideMany(i: DecideManyRequest, requestId: string | null): Promise<DecideManyResultDTO> {
      const m = await mixer(i.mixerId)
      const refs = [...new Set(i.refs)]
      const docs = new Map((await signups.byRefs(m._id, refs)).map((d) => [d.ref, d]))
      const outcomes: DecideOutcomeDTO[] = []
      for (const ref of refs) outcomes.push(await one(m, ref, docs.get(ref) ?? null, i, requestId))
      const decided = outcomes.filter((o) => o.ok).length
      return { approve: i.approve, outcomes, decided, refused: outcomes.length - decided, summary: await summary(m._id) }
    },
    async reviewTable(i: ReviewTableRequest): Promise<ReviewTableDTO> {
      const m = await mixer(i.mixerId)
      const [page, balance] = await Promise.all([tables.signupPage(i), summary(m._id)])
      return { ...page, items: await Promise.all(page.items.map(row)), mixer: mixerDTO(m), summary: balance }
    },
    /** Her subtree's mixers, a page at a time. */
    async mixerTable(scope: OfficerScope, i: MixerTableRequest): Promise<TablePage<MixerDTO>> {
      return mapPage(await tables.mixerPage(ownedWhere(scope), i, clock()), mixerDTO)
    },
  }
}

export type ReviewService = ReturnType<typeof createReviewService>
