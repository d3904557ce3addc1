/** Actions a member calls for herself: browse, book, cancel, reschedule, her code, her result, her notices. */
import { requireOfficer, requireVerifiedMember } from '../common/auth'
import { action } from '../common/function'
import { fail } from '../common/errors'
import type { BookingDoc } from './screening.docs'
import type { ActionContext } from '../common/function'
import { servicesOf } from './screening.context'
import * as S from './screening.schemas'

async function toDTO(ctx: ActionContext, b: BookingDoc) {
  const dto = await servicesOf(ctx).catalog.bookingOf(b)
  if (!dto) fail('NOT_FOUND')
  return dto
}

export const memberActions = {
  listProgrammes: action({ input: S.empty, run: (_i, ctx) => servicesOf(ctx).catalog.listProgrammes(ctx.openid) }),
  getProgramme: action({ input: S.programmeRef, run: (i, ctx) => servicesOf(ctx).catalog.getProgramme(ctx.openid, i.programmeId) }),
  listDays: action({ input: S.siteRef, run: (i, ctx) => servicesOf(ctx).catalog.listDays(i.programmeId, i.siteId) }),
  listSessions: action({ input: S.listSessions, run: (i, ctx) => servicesOf(ctx).catalog.listSessions(i.programmeId, i.siteId, i.date) }),
  myBookings: action({ input: S.empty, run: (_i, ctx) => servicesOf(ctx).catalog.myBookings(ctx.openid) }),
  book: action({
    input: S.book,
    mutation: 'ledger', // her booking ledger keeps the request id: a retry, even after a crash, gets its first outcome
    run: (i, ctx) => servicesOf(ctx).bookFlow.book(ctx.openid, i, ctx.requestId ?? null),
  }),
  joinWaitlist: action({
    input: S.joinWaitlist,
    mutation: true,
    async run(i, ctx) {
      const { roster } = await requireVerifiedMember(ctx.db, ctx.openid)
      return servicesOf(ctx).waitlist.join(ctx.openid, roster, i.programmeId, i.siteId ?? null)
    },
  }),
  leaveWaitlist: action({ input: S.programmeRef, mutation: true, run: (i, ctx) => servicesOf(ctx).waitlist.leave(ctx.openid, i.programmeId, 'left') }),
  declineOffer: action({ input: S.programmeRef, mutation: true, run: (i, ctx) => servicesOf(ctx).waitlist.leave(ctx.openid, i.programmeId, 'declined') }),
  acceptOffer: action({
    input: S.acceptOffer,
    mutation: 'ledger',
    async run(i, ctx) {
      const { roster } = await requireVerifiedMember(ctx.db, ctx.openid)
      return servicesOf(ctx).bookFlow.acceptOffer(ctx.openid, roster, i, ctx.requestId ?? null)
    },
  }),
  cancel: action({ input: S.programmeRef, mutation: true, run: async (i, ctx) => toDTO(ctx, await servicesOf(ctx).booking.cancel(ctx.openid, i.programmeId)) }),
  reschedule: action({
    input: S.reschedule,
    mutation: true,
    run: async (i, ctx) => toDTO(ctx, await servicesOf(ctx).booking.reschedule(ctx.openid, i.programmeId, i.sessionId)),
  }),
  checkinCode: action({ input: S.programmeRef, run: (i, ctx) => servicesOf(ctx).desk.checkinCode(ctx.openid, i.programmeId) }),
  codeStatus: action({ input: S.programmeRef, run: (i, ctx) => servicesOf(ctx).desk.codeStatus(ctx.openid, i.programmeId) }),
  myResult: action({ input: S.programmeRef, run: (i, ctx) => servicesOf(ctx).results.myResult(ctx.openid, i.programmeId) }),
  remindRelease: action({ input: S.programmeRef, mutation: true, run: (i, ctx) => servicesOf(ctx).catalog.remindRelease(ctx.openid, i.programmeId) }),
  subscribe: action({ input: S.subscribe, mutation: true, run: async (i, ctx) => ({ credits: await servicesOf(ctx).notices.subscribe(ctx.openid, i.topics) }) }),
  listOutbox: action({
    input: S.listOutbox,
    async run(i, ctx) {
      if (i.all) await requireOfficer(ctx.db, ctx.openid)
      return servicesOf(ctx).notices.list(i.all ? null : ctx.openid)
    },
  }),
}
