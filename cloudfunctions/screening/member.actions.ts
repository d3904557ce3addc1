/** Actions a member calls for herself: browse, book, cancel, reschedule, her code, her result, her notices. */
import { fail } from '../common/errors'
import { action, type ActionContext, type MemberContext, rerun } from '../common/function'
import { noticeActions } from '../common/notice-actions'
import type { BookingDTO } from '~types/screening'
import { NOTICE_TOPICS } from './notice.service'
import type { BookingDoc } from './screening.docs'
import { servicesOf } from './screening.context'
import * as S from './screening.schemas'

const rid = (ctx: ActionContext) => ctx.requestId ?? null
const desk = (ctx: ActionContext) => servicesOf(ctx).desk
const booker = (ctx: MemberContext) => ({ openid: ctx.openid, roster: ctx.roster, requestId: rid(ctx), firstAttempt: ctx.firstAttempt })

async function toDTO(ctx: ActionContext, b: BookingDoc): Promise<BookingDTO> {
  return (await servicesOf(ctx).catalog.bookingOf(b)) ?? fail('NOT_FOUND')
}

/** Her booking as the same-id request changed it (cancel, reschedule), for its retry after a crash. */
async function changed(ctx: ActionContext, programmeId: string): Promise<{ data: BookingDTO } | undefined> {
  const b = await servicesOf(ctx).booking.changedBy(ctx.openid, programmeId, rid(ctx))
  return b ? { data: await toDTO(ctx, b) } : undefined
}

/** Her waiting-list entry as the same-id request left it (leave, decline), for its retry. */
async function left(ctx: ActionContext, programmeId: string) {
  const w = await servicesOf(ctx).waitlist.leftBy(ctx.openid, programmeId, rid(ctx))
  return w ? { data: w } : undefined
}

export const memberActions = {
  listProgrammes: action({ input: S.empty, auth: 'caller', run: (_i, ctx) => servicesOf(ctx).catalog.listProgrammes(ctx.openid) }),
  getProgramme: action({
    input: S.programmeRef,
    auth: 'caller',
    run: (i, ctx) => servicesOf(ctx).catalog.getProgramme(ctx.openid, i.programmeId),
  }),
  listDays: action({ input: S.siteRef, auth: 'caller', run: (i, ctx) => servicesOf(ctx).catalog.listDays(i.programmeId, i.siteId) }),
  listSessions: action({
    input: S.listSessions,
    auth: 'caller',
    run: (i, ctx) => servicesOf(ctx).catalog.listSessions(i.programmeId, i.siteId, i.date),
  }),
  myBookings: action({ input: S.empty, auth: 'caller', run: (_i, ctx) => servicesOf(ctx).catalog.myBookings(ctx.openid) }),
  book: action({
    input: S.book,
    auth: 'member',
    mutation: 'ledger', // her booking ledger keeps the request id: a retry, even after a crash, gets its first outcome
    run: (i, ctx) => servicesOf(ctx).bookFlow.book(booker(ctx), i),
  }),
  joinWaitlist: action({
    input: S.joinWaitlist,
    auth: 'member',
    mutation: true,
    recover: rerun, // joining again answers her current entry
    run: (i, ctx) => servicesOf(ctx).waitlist.join(ctx.openid, ctx.roster, i.programmeId, i.siteId ?? null),
  }),
  leaveWaitlist: action({
    input: S.programmeRef,
    auth: 'caller',
    mutation: true,
    recover: (i, ctx) => left(ctx, i.programmeId),
    run: (i, ctx) => servicesOf(ctx).waitlist.leave(ctx.openid, i.programmeId, 'left', rid(ctx)),
  }),
  declineOffer: action({
    input: S.programmeRef,
    auth: 'caller',
    mutation: true,
    recover: (i, ctx) => left(ctx, i.programmeId),
    run: (i, ctx) => servicesOf(ctx).waitlist.leave(ctx.openid, i.programmeId, 'declined', rid(ctx)),
  }),
  acceptOffer: action({
    input: S.acceptOffer,
    auth: 'member',
    mutation: 'ledger',
    run: (i, ctx) => servicesOf(ctx).bookFlow.acceptOffer(booker(ctx), i),
  }),
  cancel: action({
    input: S.programmeRef,
    auth: 'caller',
    mutation: true,
    recover: (i, ctx) => changed(ctx, i.programmeId),
    run: async (i, ctx) => toDTO(ctx, await servicesOf(ctx).booking.cancel(ctx.openid, i.programmeId, rid(ctx))),
  }),
  reschedule: action({
    input: S.reschedule,
    auth: 'caller',
    mutation: true,
    recover: (i, ctx) => changed(ctx, i.programmeId),
    run: async (i, ctx) => toDTO(ctx, await servicesOf(ctx).booking.reschedule(ctx.openid, i.programmeId, i.sessionId, rid(ctx))),
  }),
  checkinCode: action({ input: S.programmeRef, auth: 'caller', run: (i, ctx) => desk(ctx).checkinCode(ctx.openid, i.programmeId) }),
  codeStatus: action({ input: S.programmeRef, auth: 'caller', run: (i, ctx) => desk(ctx).codeStatus(ctx.openid, i.programmeId) }),
  myResult: action({ input: S.programmeRef, auth: 'caller', run: (i, ctx) => servicesOf(ctx).results.myResult(ctx.openid, i.programmeId) }),
  remindRelease: action({
    input: S.programmeRef,
    auth: 'caller',
    mutation: true,
    recover: rerun, // her wish is one document per programme, written whole
    run: (i, ctx) => servicesOf(ctx).catalog.remindRelease(ctx.openid, i.programmeId),
  }),
  // subscribe, myNotices, noticeCredits (hers) and allNotices (officers'): the kit's notice actions
  ...noticeActions(NOTICE_TOPICS, (ctx) => servicesOf(ctx).notices),
}
