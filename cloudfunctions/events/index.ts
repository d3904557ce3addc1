/** 集章打卡 · 活动签到: a thin router; rules and storage live in the services beside it. */
import { action, defineFunction, type ActionContext, type FunctionDeps } from '../common/function'
import * as admin from './admin.service'
import * as checkin from './checkin.service'
import { eventsDeps, type EventsDeps } from './events.deps'
import * as gift from './gift.service'
import * as exports from './export.service'
import * as report from './report.service'
import * as s from './events.schema'
import * as signup from './signup.service'
import * as sweep from './sweep.service'
import * as stamps from './stamp.service'

const d = (ctx: ActionContext): EventsDeps => eventsDeps(ctx.db, ctx.clock)

export function createEventsFunction(deps: FunctionDeps = {}) {
  // The timer trigger (no caller) sweeps every event's held gift units and seats (see common/timer.ts).
  return defineFunction('events', {
    // members
    listEvents: action({ input: s.listEvents, run: (i, c) => signup.listEvents(d(c), c.openid, i) }),
    eventDetail: action({ input: s.eventIdReq, run: (i, c) => signup.eventDetail(d(c), c.openid, i.eventId) }),
    signUp: action({ input: s.eventIdReq, mutation: true, run: (i, c) => signup.signUp(d(c), c.openid, i.eventId) }),
    stampCard: action({ input: s.stampCardReq, run: (i, c) => stamps.stampCard(d(c), c.openid, i) }),
    stamp: action({ input: s.stamp, mutation: 'ledger', run: (i, c) => stamps.stamp(d(c), c.openid, i, c.requestId ?? null) }),
    giftCode: action({ input: s.giftCode, run: (i, c) => gift.giftCode(d(c), c.openid, i) }),
    myCheckInCode: action({ input: s.eventIdReq, run: (i, c) => checkin.myCheckInCode(d(c), c.openid, i.eventId) }),
    codeStatus: action({
      input: s.codeStatus,
      run: (i, c) => (i.tierId ? gift.giftStatus(d(c), c.openid, i.eventId, i.tierId) : checkin.checkInStatus(d(c), c.openid, i.eventId)),
    }),
    selfCheckIn: action({ input: s.selfCheckIn, mutation: 'ledger', run: (i, c) => checkin.selfCheckIn(d(c), c.openid, i, c.requestId ?? null) }),
    myCheckIns: action({ input: s.empty, run: (_i, c) => checkin.myCheckIns(d(c), c.openid) }),
    // staff of the event (officers too)
    staffEvents: action({ input: s.empty, run: (_i, c) => signup.staffEvents(d(c), c.openid) }),
    previewGift: action({ input: s.giftScan, run: (i, c) => gift.previewGift(d(c), c.openid, i) }),
    redeemGift: action({ input: s.redeemGift, mutation: true, run: (i, c) => gift.redeemGift(d(c), c.openid, i) }),
    checkIn: action({ input: s.checkIn, mutation: 'ledger', run: (i, c) => checkin.checkIn(d(c), c.openid, i, c.requestId ?? null) }),
    checkpointCode: action({ input: s.checkpointCode, run: (i, c) => checkin.checkpointCode(d(c), c.openid, i) }),
    checkInCounts: action({ input: s.eventIdReq, run: (i, c) => checkin.checkInCounts(d(c), c.openid, i.eventId) }),
    dashboard: action({ input: s.eventIdReq, run: (i, c) => report.dashboard(d(c), c.openid, i.eventId) }),
    scanLog: action({ input: s.scanLog, run: (i, c) => report.scanLog(d(c), c.openid, i) }),
    // officers
    manageEvent: action({ input: s.eventIdReq, run: (i, c) => admin.manageEvent(d(c), c.openid, i.eventId) }),
    saveEvent: action({ input: s.saveEvent, mutation: true, run: (i, c) => admin.saveEvent(d(c), c.openid, i) }),
    saveBooth: action({ input: s.saveBooth, mutation: true, run: (i, c) => admin.saveBooth(d(c), c.openid, i) }),
    saveTier: action({ input: s.saveTier, mutation: true, run: (i, c) => admin.saveTier(d(c), c.openid, i) }),
    saveCheckpoint: action({ input: s.saveCheckpoint, mutation: true, run: (i, c) => admin.saveCheckpoint(d(c), c.openid, i) }),
    boothCodes: action({ input: s.eventIdReq, run: (i, c) => admin.boothCodes(d(c), c.openid, i.eventId) }),
    reissueBoothCode: action({ input: s.boothReq, mutation: true, run: (i, c) => admin.reissueBoothCode(d(c), c.openid, i) }),
    exportCheckIns: action({ input: s.exportReq, run: (i, c) => exports.exportCheckIns(d(c), c.openid, i) }),
    exportRedemptions: action({ input: s.exportReq, run: (i, c) => exports.exportRedemptions(d(c), c.openid, i) }),
    sweepPending: action({ input: s.eventIdReq, mutation: true, run: (i, c) => sweep.sweepPending(d(c), c.openid, i.eventId) }),
  }, deps, { onTimer: (t) => sweep.sweepAll(eventsDeps(t.db, t.clock)) })
}

export const main = createEventsFunction()
