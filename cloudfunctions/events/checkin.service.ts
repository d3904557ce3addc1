/**
 * Check-in at an event's checkpoints (pretix-style check-in lists). The ledger
 * `${checkpointId}:${openid}` makes a repeat scan answer "已签到 HH:mm" and change nothing.
 */
import type {
  CheckInCodeDTO, CodeStatusDTO, CheckInCountsDTO, CheckInRequest, CheckInResultDTO, CheckpointCodeDTO, CheckpointCodeRequest, MyCheckInDTO, SelfCheckInRequest,
} from '../../types/events'
import { requireStaff, requireVerifiedMember } from '../common/auth'
import { COLLECTIONS } from '../common/collections'
import { fail } from '../common/errors'
import { maskName } from '../common/mask'
import { beijingClock } from '../common/time'
import { checkInId, checkInsOf, countOf, getCheckIn, insertOnce, useCode } from './activity.repository'
import { checkpointsOf, getCheckpoint, getEvent, type CheckpointRec, type EventRec } from './catalog.repository'
import type { EventsDeps } from './events.deps'
import { checkpointDTO } from './events.dto'
import { checkInWindowRefusal, joinSubject, phaseOf, splitSubject } from './events.rules'
import { memberName } from './member.lookup'
import { recordScan, type ScanNote } from './scan-log'
import { loadEvent, requireSignedUp } from './stamp.service'

export async function counts(deps: EventsDeps, event: EventRec): Promise<CheckInCountsDTO> {
  const cps = await checkpointsOf(deps.db, event.id)
  const [signedUp, ...ins] = await Promise.all([
    countOf(deps.db, COLLECTIONS.eventSignups, { eventId: event.id, state: 'confirmed' }),
    ...cps.map((c) => countOf(deps.db, COLLECTIONS.eventCheckins, { checkpointId: c.id })),
  ])
  return { eventId: event.id, signedUp, checkpoints: cps.map((c, i) => ({ checkpointId: c.id, name: c.name, checkedIn: ins[i] })) }
}

async function eventCheckpoint(deps: EventsDeps, eventId: string, checkpointId: string): Promise<CheckpointRec> {
  const cp = await getCheckpoint(deps.db, checkpointId)
  if (!cp || cp.eventId !== eventId) fail('NOT_FOUND', 'checkpointId')
  return cp
}

/** The shared tail of staff and self check-in: repeat → already; window; sign-up; one ledger insert. */
async function admit(
  deps: EventsDeps, event: EventRec, cp: CheckpointRec, openid: string, name: string, via: 'staff' | 'self', staff: string | null,
  beforeInsert: () => Promise<void> = async () => undefined,
): Promise<CheckInResultDTO> {
  const result = async (status: 'checked-in' | 'already', at: number): Promise<CheckInResultDTO> => ({
    status, checkedInAt: at, memberName: name, checkpoint: checkpointDTO(cp), counts: await counts(deps, event),
    message: `${status === 'already' ? '已签到' : '签到成功'} ${beijingClock(at)}`,
  })
  const before = await getCheckIn(deps.db, cp.id, openid)
  if (before) return result('already', before.checkedInAt)
  const now = deps.clock()
  const refusal = checkInWindowRefusal(cp, now)
  if (refusal) fail(refusal)
  await requireSignedUp(deps, event, openid)
  await beforeInsert()
  const rec = { eventId: event.id, checkpointId: cp.id, openid, checkedInAt: now, via, staff }
  if (await insertOnce(deps.db, COLLECTIONS.eventCheckins, checkInId(cp.id, openid), rec)) return result('checked-in', now)
  return result('already', (await getCheckIn(deps.db, cp.id, openid))?.checkedInAt ?? now)
}

const codeOf = (r: CheckInResultDTO) => (r.status === 'already' ? 'ALREADY' : null)

export async function myCheckInCode(deps: EventsDeps, openid: string, eventId: string): Promise<CheckInCodeDTO> {
  await requireVerifiedMember(deps.db, openid)
  const event = await loadEvent(deps, eventId)
  if (phaseOf(event, deps.clock()) === 'ended') fail('EVENT_NOT_OPEN')
  await requireSignedUp(deps, event, openid)
  const { token, expiresAt } = deps.tokens.issueRotating('checkin', joinSubject(eventId, openid))
  return { token, expiresAt, eventId }
}

export function checkIn(deps: EventsDeps, staff: string, req: CheckInRequest): Promise<CheckInResultDTO> {
  return recordScan(deps, 'checkin', { eventId: req.eventId, staff, checkpointId: req.checkpointId }, async (note: ScanNote) => {
    await requireStaff(deps.db, staff, 'event', req.eventId)
    const v = deps.tokens.verifyRotating(req.token, 'checkin')
    if (!v.ok) fail(v.code, 'token')
    const subject = splitSubject(v.claims.subject) ?? fail('TOKEN_INVALID', 'token')
    note.openid = subject.openid
    if (subject.scopeId !== req.eventId) fail('TOKEN_OTHER_EVENT', 'token')
    const [event, cp, known] = await Promise.all([
      loadEvent(deps, req.eventId), eventCheckpoint(deps, req.eventId, req.checkpointId), memberName(deps.db, subject.openid),
    ])
    const name = known ?? fail('NOT_VERIFIED')
    note.member = name
    // One rotating code admits one check-in: a screenshot passed on cannot be used at the next checkpoint.
    const replayGuard = async () => {
      const first = await useCode(deps.db, 'checkin', v.claims.nonce, v.claims.subject, cp.id, deps.clock())
      if (first !== cp.id) fail('TOKEN_REPLAYED', 'token')
    }
    return admit(deps, event, cp, subject.openid, name, 'staff', staff, replayGuard)
  }, codeOf)
}

/** Her check-in code page polls this (one read): 已签到 as soon as a checkpoint admits her. */
export async function checkInStatus(deps: EventsDeps, openid: string, eventId: string): Promise<CodeStatusDTO> {
  await loadEvent(deps, eventId)
  const mine = (await checkInsOf(deps.db, { openid, eventId })).sort((a, b) => b.checkedInAt - a.checkedInAt)[0]
  if (!mine) return { done: false, title: null, detail: null, at: null }
  const cp = await getCheckpoint(deps.db, mine.checkpointId)
  return { done: true, title: '已签到', detail: [beijingClock(mine.checkedInAt), cp?.name].filter(Boolean).join(' · '), at: mine.checkedInAt }
}

export async function checkpointCode(deps: EventsDeps, staff: string, req: CheckpointCodeRequest): Promise<CheckpointCodeDTO> {
  await requireStaff(deps.db, staff, 'event', req.eventId)
  const cp = await eventCheckpoint(deps, req.eventId, req.checkpointId)
  const { token, expiresAt } = deps.tokens.issueRotating('checkpoint', cp.id)
  return { token, expiresAt, checkpoint: checkpointDTO(cp) }
}

export function selfCheckIn(deps: EventsDeps, openid: string, req: SelfCheckInRequest): Promise<CheckInResultDTO> {
  return recordScan(deps, 'self-checkin', { eventId: req.eventId ?? null, openid }, async (note) => {
    const { roster } = await requireVerifiedMember(deps.db, openid)
    note.member = maskName(roster.name) // the scan log keeps masked names only
    const v = deps.tokens.verifyRotating(req.token, 'checkpoint')
    if (!v.ok) fail(v.code, 'token')
    const cp = (await getCheckpoint(deps.db, v.claims.subject)) ?? fail('TOKEN_INVALID', 'token')
    note.checkpointId = cp.id
    if (req.eventId && cp.eventId !== req.eventId) fail('TOKEN_OTHER_EVENT', 'token')
    note.eventId = cp.eventId
    return admit(deps, await loadEvent(deps, cp.eventId), cp, openid, roster.name, 'self', null)
  }, codeOf)
}

export async function checkInCounts(deps: EventsDeps, staff: string, eventId: string): Promise<CheckInCountsDTO> {
  await requireStaff(deps.db, staff, 'event', eventId)
  return counts(deps, await loadEvent(deps, eventId))
}

export async function myCheckIns(deps: EventsDeps, openid: string): Promise<{ checkIns: MyCheckInDTO[] }> {
  await requireVerifiedMember(deps.db, openid)
  const mine = await checkInsOf(deps.db, { openid })
  const out: MyCheckInDTO[] = []
  for (const c of mine.sort((a, b) => b.checkedInAt - a.checkedInAt)) {
    const [e, cp] = await Promise.all([getEvent(deps.db, c.eventId), getCheckpoint(deps.db, c.checkpointId)])
    out.push({ eventId: c.eventId, eventTitle: e?.title ?? '', checkpointId: c.checkpointId, checkpointName: cp?.name ?? '', checkedInAt: c.checkedInAt, via: c.via })
  }
  return { checkIns: out }
}
