/** Event staff (the mixer's check-in desk) and officers. No action here reads picks, tokens or contacts. */
import { action } from '../common/function'
import { servicesOf } from './matchmaking.context'
import { found, repeat } from './member.actions'
import * as S from './matchmaking.schemas'

const deskActions = {
  // Mixers are staffed through the 'event' scope kind: the desk lists the mixers it staffs.
  staffMixers: action({ input: S.empty, auth: { staff: 'event' }, run: (_i, ctx) => servicesOf(ctx).checkin.staffMixers(ctx.account) }),
  checkIn: action({
    input: S.staffCheckIn,
    auth: { staff: 'event', of: (i) => i.mixerId },
    mutation: true,
    recover: (i, ctx) => found(servicesOf(ctx).checkin.checkedInBy(i.mixerId, i.token, ctx.requestId)),
    run: (i, ctx) => servicesOf(ctx).checkin.checkIn(ctx.openid, i.mixerId, i.token, ctx.requestId ?? null),
  }),
}

const mixerActions = {
  saveMixer: action({
    input: S.saveMixer,
    auth: 'officer',
    mutation: true,
    recover: (i, ctx) => found(servicesOf(ctx).officer.savedBy(i, ctx.requestId)),
    run: (i, ctx) => servicesOf(ctx).officer.save(i, ctx.requestId ?? null),
  }),
  reviewList: action({ input: S.mixerRef, auth: 'officer', run: (i, ctx) => servicesOf(ctx).officer.review(i.mixerId) }),
  decide: action({
    input: S.decide,
    auth: 'officer',
    mutation: true,
    recover: (i, ctx) => found(servicesOf(ctx).officer.decidedBy(i, ctx.requestId)),
    run: (i, ctx) => servicesOf(ctx).officer.decide(i, ctx.requestId ?? null),
  }),
  figures: action({ input: S.mixerRef, auth: 'officer', run: (i, ctx) => servicesOf(ctx).officer.figures(i.mixerId) }),
  programme: action({ input: S.programme, auth: 'officer', run: (i, ctx) => servicesOf(ctx).officer.programme(i.programme) }),
  // Every step of a sweep is conditional: running it again is safe.
  sweep: action({ input: S.empty, auth: 'officer', mutation: true, recover: repeat, run: (_i, ctx) => servicesOf(ctx).sweeper.sweep() }),
}

const reportActions = {
  listReports: action({ input: S.empty, auth: 'officer', run: (_i, ctx) => servicesOf(ctx).reports.list() }),
  barMember: action({
    input: S.bar,
    auth: 'officer',
    mutation: true,
    recover: (i, ctx) => found(servicesOf(ctx).reports.barredBy(i.reportId, ctx.requestId)),
    run: (i, ctx) => servicesOf(ctx).reports.bar(ctx.openid, i, ctx.requestId ?? null),
  }),
  // Setting a status: running again answers the same.
  dismissReport: action({
    input: S.reportRef,
    auth: 'officer',
    mutation: true,
    recover: repeat,
    run: (i, ctx) => servicesOf(ctx).reports.dismiss(i.reportId),
  }),
  decideAppeal: action({
    input: S.decideAppeal,
    auth: 'officer',
    mutation: true,
    recover: (i, ctx) => found(servicesOf(ctx).reports.appealDecided(i.reportId, i.lift)),
    run: (i, ctx) => servicesOf(ctx).reports.decideAppeal(i.reportId, i.lift),
  }),
}

// 资料审核: profile texts WeChat's content check asked a person to review (profile-review.service.ts).
const profileTextActions = {
  profileTexts: action({ input: S.empty, auth: 'officer', run: (_i, ctx) => servicesOf(ctx).profileTexts.queue() }),
  decideProfileText: action({
    input: S.decideProfileText,
    auth: 'officer',
    mutation: true,
    recover: (i, ctx) => found(servicesOf(ctx).profileTexts.decided(i)),
    run: (i, ctx) => servicesOf(ctx).profileTexts.decide(ctx.openid, i),
  }),
}

export const officerActions = { ...deskActions, ...mixerActions, ...reportActions, ...profileTextActions }
