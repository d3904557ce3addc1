/**
 * Check-in at an event's checkpoints (pretix-style check-in lists). The ledger
 * `${checkpointId}:${openid}` makes a repeat scan answer "已签到 HH:mm" and change nothing.
 */
import type {
  CheckInCodeDTO,
  CodeStatusDTO,
  CheckInCountsDTO,
  CheckInRequest,
  CheckInResultDTO,
  CheckpointCodeDTO,
  CheckpointCodeRequest,
  MyCheckInDTO,
  SelfCheckInRequest,
} from '~types/events'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import { maskName } from '../common/mask'
import type { TokenService } from '../common/qr-token.service'
import type { RosterLookup } from '../common/roster-lookup'
import { beijingClock } from '../common/time'
import { type ActivityRepository, scanFacts, type ScanFacts, type ScanLog } from './activity.repository'
import type { CatalogRepository, CheckpointRec, EventRec } from './catalog.repository'
import { loadEvent, requireSignedUp } from './event-reads'
import { scannedCheckpointId } from './codes.service'
import { checkpointDTO } from './events.dto'
import { checkInWindowRefusal, joinSubject, phaseOf, splitSubject } from './events.rules'

interface CheckInDeps {
  clock: Clock
  tokens: TokenService
  catalog: CatalogRepository
  activity: ActivityRepository
  roster: RosterLookup
  scans: ScanLog
}

interface Admission {
  openid: string
  name: string
  via: 'staff' | 'self'
  staff: string | null
}

function countsOf(event: EventRec, cps: CheckpointRec[]): CheckInCountsDTO {
  return {
    eventId: event.id,
    signedUp: event.signedUp,
    checkpoints: cps.map((c) => ({ checkpointId: c.id, name: c.name, checkedIn: c.checkedIn ?? 0 })),
  }
}

const codeOf = (r: CheckInResultDTO) => (r.status === 'already' ? 'ALREADY' : null)

export function createCheckInService({ clock, tokens, catalog, activity, roster, scans }: CheckInDeps) {
  /** Station and dashboard counts: the counters kept beside the resource (checkpoint docs, the event), never a count over check-ins. */
  async function counts(event: EventRec): Promise<CheckInCountsDTO> {
    const [cps, fresh] = await Promise.all([catalog.checkpoints(event.id), catalog.event(event.id, true)])
    return countsOf(fresh ?? event, cps)
  }

  /**
   * One more at `cp`: the kit's counter (one update returning the new count, shared by the
   * check-ins of this instance's other desks arriving meanwhile), whose value patches this
   * instance's cached list of the event's checkpoints (others' counts may be seconds old there;
   * the station's own poll, `checkInCounts`, reads them afresh).
   */
  async function bump(event: EventRec, cp: CheckpointRec): Promise<CheckInCountsDTO> {
    const now = await catalog.bumpCheckedIn(cp.id)
    const list = await catalog.cachedCheckpoints(event.id)
    const mine = list.find((c) => c.id === cp.id)
    if (mine) mine.checkedIn = Math.max(mine.checkedIn ?? 0, now ?? 0)
    return countsOf(event, list)
  }

  async function eventCheckpoint(eventId: string, checkpointId: string): Promise<CheckpointRec> {
    const cp = await catalog.checkpoint(checkpointId)
    if (!cp || cp.eventId !== eventId) fail('NOT_FOUND', 'checkpointId')
    return cp
  }

  /** Her earlier check-in at `cp`, answered again (签到成功 to the request that made it, 已签到 to any other), or null. */
  async function earlier(event: EventRec, cp: CheckpointRec, who: Admission, requestId: string | null): Promise<CheckInResultDTO | null> {
    const before = await activity.checkIn(cp.id, who.openid)
    if (!before) return null
    return result(
      cp,
      who,
      before.requestId && before.requestId === requestId ? 'checked-in' : 'already',
      before.checkedInAt,
      await counts(event),
    )
  }

  function result(cp: CheckpointRec, who: Admission, status: 'checked-in' | 'already', at: number, c: CheckInCountsDTO): CheckInResultDTO {
    const message = `${status === 'already' ? '已签到' : '签到成功'} ${beijingClock(at)}`
    return { status, checkedInAt: at, memberName: who.name, checkpoint: checkpointDTO(cp), counts: c, message }
  }

  /**
   * The shared tail of staff and self check-in: window; sign-up; `guard` (the staff scan's
   * replay guard); ONE ledger insert (`${checkpointId}:${openid}`: a repeat answers 已签到 and
   * changes nothing; the same request retried gets its first outcome); the counter.
   */
  async function admit(
    event: EventRec,
    cp: CheckpointRec,
    who: Admission,
    requestId: string | null,
    guard: () => Promise<void> = async () => undefined,
  ): Promise<CheckInResultDTO> {
    const now = clock()
    const refusal = checkInWindowRefusal(cp, now)
    if (refusal) return (await earlier(event, cp, who, requestId)) ?? fail(refusal) // a repeat after the window still says 已签到
    await requireSignedUp(activity, event, who.openid)
    await guard()
    const rec = { eventId: event.id, checkpointId: cp.id, openid: who.openid, checkedInAt: now, via: who.via, staff: who.staff, requestId }
    if (await activity.insertCheckIn(rec)) return result(cp, who, 'checked-in', now, await bump(event, cp))
    return (await earlier(event, cp, who, requestId)) ?? fail('CONFLICT')
  }

  /** A staff scan of her rotating code: the code names her and the event. */
  async function staffScan(staff: string, req: CheckInRequest, requestId: string | null, note: Partial<ScanFacts> & { logged?: boolean }) {
    const v = tokens.verifyRotating(req.token, 'checkin')
    if (!v.ok) fail(v.code, 'token')
    const subject = splitSubject(v.claims.subject) ?? fail('TOKEN_INVALID', 'token')
    note.openid = subject.openid
    if (subject.scopeId !== req.eventId) fail('TOKEN_OTHER_EVENT', 'token')
    const [event, cp, known] = await Promise.all([
      loadEvent(catalog, req.eventId),
      eventCheckpoint(req.eventId, req.checkpointId),
      roster.one(subject.openid),
    ])
    const name = known ? maskName(known.name) : fail('NOT_VERIFIED')
    note.member = name
    // One rotating code admits one check-in (a screenshot passed on cannot be used at the next
    // checkpoint): this scan's log entry, keyed by the code, is written first and is the guard.
    const codeId = `checkin:${v.claims.subject}:${v.claims.nonce}`
    const guard = async () => {
      if (await scans.recordOnce(codeId, scanFacts('checkin', { eventId: req.eventId, staff, checkpointId: req.checkpointId }), note))
        return void (note.logged = true)
      if ((await activity.scan(codeId))?.checkpointId !== cp.id) fail('TOKEN_REPLAYED', 'token')
    }
    const r = await admit(event, cp, { openid: subject.openid, name, via: 'staff', staff }, requestId, guard)
    if (note.logged && r.status === 'already') note.logged = false // the entry written as the guard is then superseded by an ALREADY one
    return r
  }

  return {
    counts,

    async myCheckInCode(openid: string, eventId: string): Promise<CheckInCodeDTO> {
      const event = await loadEvent(catalog, eventId)
      if (phaseOf(event, clock()) === 'ended') fail('EVENT_NOT_OPEN')
      await requireSignedUp(activity, event, openid)
      const { token, expiresAt } = tokens.issueRotating('checkin', joinSubject(eventId, openid))
      return { token, expiresAt, eventId }
    },

    checkIn(staff: string, req: CheckInRequest, requestId: string | null): Promise<CheckInResultDTO> {
      const base = scanFacts('checkin', { eventId: req.eventId, staff, checkpointId: req.checkpointId })
      return scans.record(base, (note) => staffScan(staff, req, requestId, note), codeOf)
    },

    /** Her check-in code page polls this (one read): 已签到 as soon as a checkpoint admits her. */
    async checkInStatus(openid: string, eventId: string): Promise<CodeStatusDTO> {
      await loadEvent(catalog, eventId)
      const mine = (await activity.checkInsOf({ openid, eventId })).sort((a, b) => b.checkedInAt - a.checkedInAt)[0]
      if (!mine) return { done: false, title: null, detail: null, at: null }
      const cp = await catalog.checkpoint(mine.checkpointId)
      return {
        done: true,
        title: '已签到',
        detail: [beijingClock(mine.checkedInAt), cp?.name].filter(Boolean).join(' · '),
        at: mine.checkedInAt,
      }
    },

    async checkpointCode(req: CheckpointCodeRequest): Promise<CheckpointCodeDTO> {
      const cp = await eventCheckpoint(req.eventId, req.checkpointId)
      const { token, expiresAt } = tokens.issueRotating('checkpoint', cp.id)
      return { token, expiresAt, checkpoint: checkpointDTO(cp) }
    },

    /** She scans the station's screen; `who.name` is her roster name (the scan log keeps it masked). */
    selfCheckIn(who: { openid: string; name: string }, req: SelfCheckInRequest, requestId: string | null): Promise<CheckInResultDTO> {
      const base = scanFacts('self-checkin', { eventId: req.eventId ?? null, openid: who.openid, member: maskName(who.name) })
      return scans.record(
        base,
        async (note) => {
          const cp = (await catalog.checkpoint(scannedCheckpointId(tokens, req.token))) ?? fail('TOKEN_INVALID', 'token')
          note.checkpointId = cp.id
          if (req.eventId && cp.eventId !== req.eventId) fail('TOKEN_OTHER_EVENT', 'token')
          note.eventId = cp.eventId
          return admit(await loadEvent(catalog, cp.eventId), cp, { ...who, via: 'self', staff: null }, requestId)
        },
        codeOf,
      )
    },

    checkInCounts: async (eventId: string): Promise<CheckInCountsDTO> => counts(await loadEvent(catalog, eventId)),

    async myCheckIns(openid: string): Promise<{ checkIns: MyCheckInDTO[] }> {
      const mine = (await activity.checkInsOf({ openid })).sort((a, b) => b.checkedInAt - a.checkedInAt)
      return {
        checkIns: await Promise.all(
          mine.map(async (c) => {
            const [e, cp] = await Promise.all([catalog.event(c.eventId), catalog.checkpoint(c.checkpointId)])
            return {
              eventId: c.eventId,
              eventTitle: e?.title ?? '',
              checkpointId: c.checkpointId,
              checkpointName: cp?.name ?? '',
              checkedInAt: c.checkedInAt,
              via: c.via,
            }
          }),
        ),
      }
    },
  }
}

export type CheckInService = ReturnType<typeof createCheckInService>
