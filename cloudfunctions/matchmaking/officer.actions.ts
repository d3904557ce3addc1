/**
 * Event staff (the mixer's check-in desk) and officers. No action here reads picks, tokens or contacts.
 * Each officer action on a mixer (or its reports) is declared for the officers whose subtree owns it
 * (issue 20); her lists are narrowed to her subtree here.
 */
import { covers, cityOnly, ownedWhere, ownerFor, unionNamed } from '../common/unions'
import { action, type ActionContext } from '../common/function'
import { servicesOf } from './matchmaking.context'
import { memberPath, mixerNamed, profileTextOwner, reportOwner } from './matchmaking.owners'
import { found, repeat } from './member.actions'
import * as S from './matchmaking.schemas'
import * as T from './officer-tables.schemas'

const hers = (ctx: ActionContext) => ownedWhere(ctx.officer!)
const theMixer = mixerNamed((i: { mixerId: string }) => i.mixerId)
/** Her subtree's mixer ids, for lists keyed by mixer (null: the city reads every one). */
async function herMixers(ctx: ActionContext): Promise<Set<string> | null> {
  return ctx.officer!.all ? null : new Set((await servicesOf(ctx).officer.mine(hers(ctx))).map((m) => m.id))
}

const deskActions = {
  // Mixers are staffed through the 'event' scope kind: the desk lists the mixers it staffs.
  staffMixers: action({
    input: S.empty,
    auth: { staff: 'event' },
    run: (_i, ctx) => servicesOf(ctx).checkin.staffMixers(ctx.account, ctx.officer),
  }),
  checkIn: action({
    input: S.staffCheckIn,
    auth: { staff: 'event', of: (i) => i.mixerId },
    mutation: true,
    recover: (i, ctx) => found(servicesOf(ctx).checkin.checkedInBy(i.mixerId, i.token, ctx.requestId)),
    run: (i, ctx) => servicesOf(ctx).checkin.checkIn(ctx.openid, i.mixerId, i.token, ctx.requestId ?? null),
  }),
}

const mixerActions = {
  officerMixers: action({ input: S.empty, auth: 'officer', run: (_i, ctx) => servicesOf(ctx).officer.mine(hers(ctx)) }),
  saveMixer: action({
    input: S.saveMixer,
    // an edit: the mixer is hers; a new one: the union that runs it is hers
    auth: { officer: [mixerNamed((i) => i.id), unionNamed((i) => i.unionId)] },
    mutation: true,
    recover: (i, ctx) => found(servicesOf(ctx).officer.savedBy(i, ctx.requestId)),
    run: (i, ctx) => servicesOf(ctx).officer.save(i, ctx.requestId ?? null, () => ownerFor(ctx.db, ctx.officer!, i.unionId)),
  }),
  reviewList: action({ input: S.mixerRef, auth: { officer: theMixer }, run: (i, ctx) => servicesOf(ctx).officer.review(i.mixerId) }),
  decide: action({
    input: S.decide,
    auth: { officer: theMixer },
    mutation: true,
    recover: (i, ctx) => found(servicesOf(ctx).officer.decidedBy(i, ctx.requestId)),
    run: (i, ctx) => servicesOf(ctx).officer.decide(i, ctx.requestId ?? null),
  }),
  // The console's queue (issue 18): a page, the balance per gender beside it.
  reviewTable: action({ input: T.reviewTable, auth: { officer: theMixer }, run: (i, ctx) => servicesOf(ctx).review.reviewTable(i) }),
  // Many rows, one verdict: a rerun after a crash skips the rows this request decided (each carries its id).
  decideMany: action({
    input: T.decideMany,
    auth: { officer: theMixer },
    mutation: true,
    recover: repeat,
    run: (i, ctx) => servicesOf(ctx).review.decideMany(i, ctx.requestId ?? null),
  }),
  mixerTable: action({ input: T.mixerTable, auth: 'officer', run: (i, ctx) => servicesOf(ctx).review.mixerTable(ctx.officer!, i) }),
  figures: action({ input: S.mixerRef, auth: { officer: theMixer }, run: (i, ctx) => servicesOf(ctx).officer.figures(i.mixerId) }),
  // A programme's figures over her subtree's mixers only.
  programme: action({ input: S.programme, auth: 'officer', run: (i, ctx) => servicesOf(ctx).officer.programme(i.programme, hers(ctx)) }),
  // Every step of a sweep is conditional: running it again is safe. It runs over every mixer: the city's.
  sweep: action({
    input: S.empty,
    auth: { officer: cityOnly },
    mutation: true,
    recover: repeat,
    run: (_i, ctx) => servicesOf(ctx).sweeper.sweep(),
  }),
}

const reportActions = {
  listReports: action({ input: S.empty, auth: 'officer', run: async (_i, ctx) => servicesOf(ctx).reports.list(await herMixers(ctx)) }),
  barMember: action({
    input: S.bar,
    auth: { officer: reportOwner },
    mutation: true,
    recover: (i, ctx) => found(servicesOf(ctx).reports.barredBy(i.reportId, ctx.requestId)),
    run: (i, ctx) => servicesOf(ctx).reports.bar(ctx.openid, i, ctx.requestId ?? null),
  }),
  // Setting a status: running again answers the same.
  dismissReport: action({
    input: S.reportRef,
    auth: { officer: reportOwner },
    mutation: true,
    recover: repeat,
    run: (i, ctx) => servicesOf(ctx).reports.dismiss(i.reportId),
  }),
  decideAppeal: action({
    input: S.decideAppeal,
    auth: { officer: reportOwner },
    mutation: true,
    recover: (i, ctx) => found(servicesOf(ctx).reports.appealDecided(i.reportId, i.lift)),
    run: (i, ctx) => servicesOf(ctx).reports.decideAppeal(i.reportId, i.lift),
  }),
}

// 资料审核: profile texts WeChat's content check asked a person to review (profile-review.service.ts).
const profileTextActions = {
  // Her subtree's members' texts (her union reviews what its members wrote).
  profileTexts: action({
    input: S.empty,
    auth: 'officer',
    run: (_i, ctx) =>
      servicesOf(ctx).profileTexts.queue(async (openid) => ctx.officer!.all || covers(ctx.officer!, await memberPath(ctx.db, openid))),
  }),
  decideProfileText: action({
    input: S.decideProfileText,
    auth: { officer: profileTextOwner },
    mutation: true,
    recover: (i, ctx) => found(servicesOf(ctx).profileTexts.decided(i)),
    run: (i, ctx) => servicesOf(ctx).profileTexts.decide(ctx.openid, i),
  }),
}

export const officerActions = { ...deskActions, ...mixerActions, ...reportActions, ...profileTextActions }
