/** 集章打卡 · 活动签到: a thin router; who may call is declared on each action, rules and storage live in the services. */
import type { EventIdRequest } from '~types/events'
import { COLLECTIONS } from '../common/collections'
import { action, defineFunction, type ActionContext, type FunctionDeps } from '../common/function'
import { empty } from '../common/schema'
import { ownedDoc, ownerFor, unionNamed } from '../common/unions'
import { eventsServices } from './events.context'
import * as s from './events.schema'

const d = (ctx: Pick<ActionContext, 'db' | 'clock'>) => eventsServices(ctx.db, ctx.clock)
/** Staff of the event the request names (officers pass everywhere). */
const eventStaff = { staff: 'event', of: (i: EventIdRequest) => i.eventId } as const
/** An officer whose subtree owns the event the request names (issue 20); booths, tiers and checkpoints are the event's. */
const eventOwner = { officer: ownedDoc(COLLECTIONS.events, (i: EventIdRequest) => i.eventId) }
/** saveEvent: the event it edits, and the union it names as owner of a new one, must both be hers. */
const eventSaver = {
  officer: [ownedDoc(COLLECTIONS.events, (i: { id?: string }) => i.id), unionNamed((i: { unionId?: string }) => i.unionId)],
}
const rid = (c: ActionContext) => c.requestId ?? null
/** The kit's `rerun` (safe to run again), typed so an action's answer type comes from `run` alone (the kit's answers `unknown`). */
const rerun = async (): Promise<undefined> => undefined
const by = (c: ActionContext) => ({ openid: c.openid, requestId: rid(c) })

export function createEventsFunction(deps: FunctionDeps = {}) {
  // The timer trigger (no caller) sweeps every event's held gift units and seats (see common/timer.ts).
  return defineFunction(
    'events',
    {
      // members
      listEvents: action({ input: s.listEvents, auth: 'caller', run: (i, c) => d(c).signup.listEvents(c.openid, i) }),
      eventDetail: action({ input: s.eventIdReq, auth: 'caller', run: (i, c) => d(c).signup.eventDetail(c.openid, i.eventId) }),
      signUp: action({
        input: s.eventIdReq,
        auth: 'member',
        mutation: true,
        recover: rerun,
        run: (i, c) => d(c).signup.signUp(c.openid, i.eventId, rid(c), c.roster),
      }),
      stampCard: action({ input: s.stampCardReq, auth: 'member', run: (i, c) => d(c).stamps.stampCard(c.openid, i) }),
      stamp: action({
        input: s.stamp,
        auth: 'member',
        mutation: 'ledger',
        run: (i, c) => d(c).stamps.stamp({ openid: c.openid, name: c.roster.name }, i, rid(c)),
      }),
      giftCode: action({ input: s.giftCode, auth: 'member', run: (i, c) => d(c).gift.giftCode(c.openid, i) }),
      myCheckInCode: action({ input: s.eventIdReq, auth: 'member', run: (i, c) => d(c).checkin.myCheckInCode(c.openid, i.eventId) }),
      codeStatus: action({
        input: s.codeStatus,
        auth: 'caller',
        run: (i, c) => (i.tierId ? d(c).gift.giftStatus(c.openid, i.eventId, i.tierId) : d(c).checkin.checkInStatus(c.openid, i.eventId)),
      }),
      selfCheckIn: action({
        input: s.selfCheckIn,
        auth: 'member',
        mutation: 'ledger',
        run: (i, c) => d(c).checkin.selfCheckIn({ openid: c.openid, name: c.roster.name }, i, rid(c)),
      }),
      myCheckIns: action({ input: empty, auth: 'member', run: (_i, c) => d(c).checkin.myCheckIns(c.openid) }),
      // staff of the event (officers too)
      staffEvents: action({ input: empty, auth: { staff: 'event' }, run: (_i, c) => d(c).signup.staffEvents(c.account, c.officer) }),
      previewGift: action({ input: s.giftScan, auth: eventStaff, run: (i, c) => d(c).gift.previewGift(c.openid, i) }),
      redeemGift: action({
        input: s.redeemGift,
        auth: eventStaff,
        mutation: true,
        recover: async (_i, c) => {
          const data = c.requestId ? await d(c).gift.redeemedBy(c.openid, c.requestId) : undefined
          return data && { data }
        },
        run: (i, c) => d(c).gift.redeemGift(c.openid, i, rid(c)),
      }),
      checkIn: action({ input: s.checkIn, auth: eventStaff, mutation: 'ledger', run: (i, c) => d(c).checkin.checkIn(c.openid, i, rid(c)) }),
      checkpointCode: action({ input: s.checkpointCode, auth: eventStaff, run: (i, c) => d(c).checkin.checkpointCode(i) }),
      checkpointPoster: action({ input: s.checkpointCode, auth: eventStaff, run: (i, c) => d(c).codes.checkpointPoster(i) }),
      checkInCounts: action({ input: s.eventIdReq, auth: eventStaff, run: (i, c) => d(c).checkin.checkInCounts(i.eventId) }),
      dashboard: action({ input: s.eventIdReq, auth: eventStaff, run: (i, c) => d(c).report.dashboard(i.eventId) }),
      scanLog: action({ input: s.scanLog, auth: eventStaff, run: (i, c) => d(c).report.scanLog(i) }),
      // officers: of the union that owns the event (issue 20)
      manageEvent: action({ input: s.eventIdReq, auth: eventOwner, run: (i, c) => d(c).admin.manageEvent(i.eventId) }),
      saveEvent: action({
        input: s.saveEvent,
        auth: eventSaver,
        mutation: true,
        recover: rerun,
        run: async (i, c) => d(c).admin.saveEvent(by(c), i, i.id ? null : await ownerFor(c.db, c.officer!, i.unionId, i.organiser)),
      }),
      saveBooth: action({
        input: s.saveBooth,
        auth: eventOwner,
        mutation: true,
        recover: rerun,
        run: (i, c) => d(c).admin.saveBooth(by(c), i),
      }),
      saveTier: action({
        input: s.saveTier,
        auth: eventOwner,
        mutation: true,
        recover: rerun,
        run: (i, c) => d(c).admin.saveTier(by(c), i),
      }),
      saveCheckpoint: action({
        input: s.saveCheckpoint,
        auth: eventOwner,
        mutation: true,
        recover: rerun,
        run: (i, c) => d(c).admin.saveCheckpoint(by(c), i),
      }),
      boothCodes: action({ input: s.eventIdReq, auth: eventOwner, run: (i, c) => d(c).admin.boothCodes(i.eventId) }),
      boothCodeImage: action({ input: s.boothReq, auth: eventOwner, run: (i, c) => d(c).codes.boothCodeImage(i) }),
      reissueBoothCode: action({
        input: s.boothReq,
        auth: eventOwner,
        mutation: true,
        recover: async (i, c) => {
          const data = c.requestId ? await d(c).admin.reissuedBy(i, c.requestId) : undefined
          return data && { data }
        },
        run: (i, c) => d(c).admin.reissueBoothCode(i, rid(c)),
      }),
      exportCheckIns: action({ input: s.exportReq, auth: eventOwner, run: (i, c) => d(c).exports.exportCheckIns(c.openid, i) }),
      exportRedemptions: action({ input: s.exportReq, auth: eventOwner, run: (i, c) => d(c).exports.exportRedemptions(c.openid, i) }),
      sweepPending: action({
        input: s.eventIdReq,
        auth: eventOwner,
        mutation: true,
        recover: rerun,
        run: (i, c) => d(c).sweep.sweepPending(i.eventId),
      }),
    },
    deps,
    { onTimer: (t) => d(t).sweep.sweepAll() },
  )
}

export const main = createEventsFunction()
