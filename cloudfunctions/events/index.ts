/** 集章打卡 · 活动签到: a thin router; rules and storage live in the services beside it. */
import { action, defineFunction, type ActionContext, type FunctionDeps } from '../common/function'
import { servicesOf } from './events.context'
import * as s from './events.schema'

const d = (ctx: ActionContext) => servicesOf(ctx)

export function createEventsFunction(deps: FunctionDeps = {}) {
  // The timer trigger (no caller) sweeps every event's held gift units and seats (see common/timer.ts).
  return defineFunction('events', {
    // members
    listEvents: action({ input: s.listEvents, run: (i, c) => d(c).signup.listEvents(c.openid, i) }),
    eventDetail: action({ input: s.eventIdReq, run: (i, c) => d(c).signup.eventDetail(c.openid, i.eventId) }),
    signUp: action({ input: s.eventIdReq, mutation: true, run: (i, c) => d(c).signup.signUp(c.openid, i.eventId) }),
    stampCard: action({ input: s.stampCardReq, run: (i, c) => d(c).stamps.stampCard(c.openid, i) }),
    stamp: action({ input: s.stamp, mutation: 'ledger', run: (i, c) => d(c).stamps.stamp(c.openid, i, c.requestId ?? null) }),
    giftCode: action({ input: s.giftCode, run: (i, c) => d(c).gift.giftCode(c.openid, i) }),
    myCheckInCode: action({ input: s.eventIdReq, run: (i, c) => d(c).checkin.myCheckInCode(c.openid, i.eventId) }),
    codeStatus: action({
      input: s.codeStatus,
      run: (i, c) => (i.tierId ? d(c).gift.giftStatus(c.openid, i.eventId, i.tierId) : d(c).checkin.checkInStatus(c.openid, i.eventId)),
    }),
    selfCheckIn: action({ input: s.selfCheckIn, mutation: 'ledger', run: (i, c) => d(c).checkin.selfCheckIn(c.openid, i, c.requestId ?? null) }),
    myCheckIns: action({ input: s.empty, run: (_i, c) => d(c).checkin.myCheckIns(c.openid) }),
    // staff of the event (officers too)
    staffEvents: action({ input: s.empty, run: (_i, c) => d(c).signup.staffEvents(c.openid) }),
    previewGift: action({ input: s.giftScan, run: (i, c) => d(c).gift.previewGift(c.openid, i) }),
    redeemGift: action({ input: s.redeemGift, mutation: true, run: (i, c) => d(c).gift.redeemGift(c.openid, i) }),
    checkIn: action({ input: s.checkIn, mutation: 'ledger', run: (i, c) => d(c).checkin.checkIn(c.openid, i, c.requestId ?? null) }),
    checkpointCode: action({ input: s.checkpointCode, run: (i, c) => d(c).checkin.checkpointCode(c.openid, i) }),
    checkInCounts: action({ input: s.eventIdReq, run: (i, c) => d(c).checkin.checkInCounts(c.openid, i.eventId) }),
    dashboard: action({ input: s.eventIdReq, run: (i, c) => d(c).report.dashboard(c.openid, i.eventId) }),
    scanLog: action({ input: s.scanLog, run: (i, c) => d(c).report.scanLog(c.openid, i) }),
    // officers
    manageEvent: action({ input: s.eventIdReq, run: (i, c) => d(c).admin.manageEvent(c.openid, i.eventId) }),
    saveEvent: action({ input: s.saveEvent, mutation: true, run: (i, c) => d(c).admin.saveEvent(c.openid, i) }),
    saveBooth: action({ input: s.saveBooth, mutation: true, run: (i, c) => d(c).admin.saveBooth(c.openid, i) }),
    saveTier: action({ input: s.saveTier, mutation: true, run: (i, c) => d(c).admin.saveTier(c.openid, i) }),
    saveCheckpoint: action({ input: s.saveCheckpoint, mutation: true, run: (i, c) => d(c).admin.saveCheckpoint(c.openid, i) }),
    boothCodes: action({ input: s.eventIdReq, run: (i, c) => d(c).admin.boothCodes(c.openid, i.eventId) }),
    reissueBoothCode: action({ input: s.boothReq, mutation: true, run: (i, c) => d(c).admin.reissueBoothCode(c.openid, i) }),
    exportCheckIns: action({ input: s.exportReq, run: (i, c) => d(c).exports.exportCheckIns(c.openid, i) }),
    exportRedemptions: action({ input: s.exportReq, run: (i, c) => d(c).exports.exportRedemptions(c.openid, i) }),
    sweepPending: action({ input: s.eventIdReq, mutation: true, run: (i, c) => d(c).sweep.sweepPending(c.openid, i.eventId) }),
  }, deps, { onTimer: (t) => servicesOf(t).sweep.sweepAll() })
}

export const main = createEventsFunction()
