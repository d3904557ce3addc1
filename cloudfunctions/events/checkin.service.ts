/**
 * Check-in at an event's checkpoints (pretix-style check-in lists). The ledger
 * `${checkpointId}:${openid}` makes a repeat scan answer "已签到 HH:mm" and change nothing.
 */
import type {
  CheckInCodeDTO, CodeStatusDTO, CheckInCountsDTO, CheckInRequest, CheckInResultDTO, CheckpointCodeDTO, CheckpointCodeRequest, MyCheckInDTO, SelfCheckInRequest,
} from '../../types/events'
import { hasStaffScope, isOfficer, loadAccount, requireStaff, requireVerifiedMember } from '../common/auth'
import { bumpCounter } from '../common/counter'
import { cached } from '../common/instance-cache'
import { createRosterLookup } from '../common/roster-lookup'
import { COLLECTIONS } from '../common/collections'
import { fail } from '../common/errors'
import { maskName } from '../common/mask'
import { beijingClock } from '../common/time'
import { checkInId, checkInsOf, getCheckIn, insertOnce, scanById } from './activity.repository'
import { checkpointsOf, getCheckpoint, getEvent, type CheckpointRec, type EventRec } from './catalog.repository'
import { type EventsDeps, withDeps } from './events.deps'
import { checkpointDTO } from './events.dto'
import { checkInWindowRefusal, joinSubject, phaseOf, splitSubject } from './events.rules'
import { memberName } from './member.lookup'
import { logScanOnce, recordScan, type ScanNote } from './scan-log'
import { loadEvent, requireSignedUp } from './stamp.service'

/** Station and dashboard counts: the counters kept beside the resource (checkpoint docs, the event), never a count over check-ins. */
export async function counts(deps: EventsDeps, event: EventRec): Promise<CheckInCountsDTO> {
  const [cps, fresh] = await Promise.all([checkpointsOf(deps.db, event.id), getEvent(deps.db, event.id, true)])
  return countsOf(fresh ?? event, cps)
}

function countsOf(event: EventRec, cps: CheckpointRec[]): CheckInCountsDTO {
  return { eventId: event.id, signedUp: event.signedUp, checkpoints: cps.map((c) => ({ checkpointId: c.id, name: c.name, checkedIn: c.checkedIn ?? 0 })) }
}

/**
 * One more at `cp`: the kit's counter (one update returning the new count, shared by the
 * check-ins of this instance's other desks arriving meanwhile), whose value patches this
 * instance's cached list of the event's checkpoints (others' counts may be seconds old there;
 * the station's own poll, `checkInCounts`, reads them afresh).
 */
async function bump(deps: EventsDeps, event: EventRec, cp: CheckpointRec): Promise<CheckInCountsDTO> {
  const now = await bumpCounter(deps.db, COLLECTIONS.eventCheckpoints, cp.id, 'checkedIn')
  const list = await cached(deps.db, `ecs:${event.id}`, () => checkpointsOf(deps.db, event.id))
  const mine = list.find((c) => c.id === cp.id)
  if (mine) mine.checkedIn = Math.max(mine.checkedIn ?? 0, now ?? 0)
  return countsOf(event, list)
}

async function eventCheckpoint(deps: EventsDeps, eventId: string, checkpointId: string): Promise<CheckpointRec> {
  const cp = await getCheckpoint(deps.db, checkpointId)
  if (!cp || cp.eventId !== eventId) fail('NOT_FOUND', 'checkpointId')
  return cp
}

/** Staff scope, kept in the instance a few seconds: a desk scans every few seconds, and a revoked role lapses within them. */
async function requireEventStaff(deps: EventsDeps, openid: string, eventId: string): Promise<void> {
  const account = await cached(deps.db, `acct:${openid}`, () => loadAccount(deps.db, openid))
  if (!isOfficer(account) && !hasStaffScope(account, 'event', eventId)) fail('FORBIDDEN')
}

/**
 * The shared tail of staff and self check-in: window; sign-up; `guard` (the staff scan's
 * replay guard); ONE ledger insert (`${checkpointId}:${openid}`: a repeat answers 已签到 and
 * changes nothing; the same request retried gets its first outcome); the counter.
 */
async function admit(
  deps: EventsDeps, event: EventRec, cp: CheckpointRec, who: { openid: string; name: string; via: 'staff' | 'self'; staff: string | null },
  requestId: string | null, guard: () => Promise<void> = async () => undefined,
): Promise<CheckInResultDTO> {
  const result = (status: 'checked-in' | 'already', at: number, c: CheckInCountsDTO): CheckInResultDTO => ({
    status, checkedInAt: at, memberName: who.name, checkpoint: checkpointDTO(cp), counts: c,
    message: `${status === 'already' ? '已签到' : '签到成功'} ${beijingClock(at)}`,
  })
  const earlier = async () => {
    const before = await getCheckIn(deps.db, cp.id, who.openid)
    if (!before) return null
    const c = await counts(deps, event)
    return result(before.requestId && before.requestId === requestId ? 'checked-in' : 'already', before.checkedInAt, c)
  }
  const now = deps.clock()
  const refusal = checkInWindowRefusal(cp, now)
  if (refusal) return (await earlier()) ?? fail(refusal) // a repeat after the window still says 已签到
  await requireSignedUp(deps, event, who.openid)
  await guard()
  const rec = { eventId: event.id, checkpointId: cp.id, openid: who.openid, checkedInAt: now, via: who.via, staff: who.staff, requestId }
  if (await insertOnce(deps.db, COLLECTIONS.eventCheckins, checkInId(cp.id, who.openid), rec)) return result('checked-in', now, await bump(deps, event, cp))
  return (await earlier()) ?? fail('CONFLICT')
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

export function checkIn(deps: EventsDeps, staff: string, req: CheckInRequest, requestId: string | null = null): Promise<CheckInResultDTO> {
  return recordScan(deps, 'checkin', { eventId: req.eventId, staff, checkpointId: req.checkpointId }, async (note: ScanNote) => {
    await requireEventStaff(deps, staff, req.eventId)
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
    // One rotating code admits one check-in (a screenshot passed on cannot be used at the next
    // checkpoint): this scan's log entry, keyed by the code, is written first and is the guard.
    const guard = async () => {
      const first = await logScanOnce(deps, `checkin:${v.claims.subject}:${v.claims.nonce}`, 'checkin', note)
      if (first) return void (note.logged = true)
      if ((await scanById(deps.db, `checkin:${v.claims.subject}:${v.claims.nonce}`))?.checkpointId !== cp.id) fail('TOKEN_REPLAYED', 'token')
    }
    const r = await admit(deps, event, cp, { openid: subject.openid, name, via: 'staff', staff }, requestId, guard)
    if (note.logged && r.status === 'already') note.logged = false // the entry written as the guard is then superseded by an ALREADY one
    return r
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

export function selfCheckIn(deps: EventsDeps, openid: string, req: SelfCheckInRequest, requestId: string | null = null): Promise<CheckInResultDTO> {
  return recordScan(deps, 'self-checkin', { eventId: req.eventId ?? null, openid }, async (note) => {
    const roster = (await createRosterLookup({ db: deps.db }).one(openid)) ?? fail('NOT_VERIFIED')
    note.member = maskName(roster.name) // the scan log keeps masked names only
    const v = deps.tokens.verifyRotating(req.token, 'checkpoint')
    if (!v.ok) fail(v.code, 'token')
    const cp = (await getCheckpoint(deps.db, v.claims.subject)) ?? fail('TOKEN_INVALID', 'token')
    note.checkpointId = cp.id
    if (req.eventId && cp.eventId !== req.eventId) fail('TOKEN_OTHER_EVENT', 'token')
    note.eventId = cp.eventId
    return admit(deps, await loadEvent(deps, cp.eventId), cp, { openid, name: roster.name, via: 'self', staff: null }, requestId)
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

/** Check-ins at checkpoints, by staff scan or her own. */
export function createCheckInService(deps: EventsDeps) {
  return withDeps(deps, { myCheckInCode, checkIn, checkInStatus, checkpointCode, selfCheckIn, checkInCounts, myCheckIns })
}
