/** Actions of site staff (scoped to their site) and officers. */
import { requireOfficer } from '../common/auth'
import { action } from '../common/function'
import { createProgramme } from './programme.service'
import { createReportService } from './report.service'
import { servicesOf } from './screening.context'
import * as S from './screening.schemas'

export const staffActions = {
  staffSessions: action({ input: S.staffSessions, run: (i, ctx) => servicesOf(ctx).desk.staffSessions(ctx.openid, i.date) }),
  staffBookings: action({ input: S.sessionRef, run: (i, ctx) => servicesOf(ctx).desk.staffBookings(ctx.openid, i.sessionId) }),
  checkIn: action({ input: S.checkIn, mutation: true, run: (i, ctx) => servicesOf(ctx).desk.checkIn(ctx.openid, i.token) }),
  markNoShows: action({ input: S.sessionRef, mutation: true, run: (i, ctx) => servicesOf(ctx).desk.markNoShows(ctx.openid, i.sessionId) }),
  markResult: action({ input: S.markResult, mutation: true, run: (i, ctx) => servicesOf(ctx).results.markResult(ctx.openid, i) }),
  readResult: action({ input: S.bookingRef, run: (i, ctx) => servicesOf(ctx).results.readResult(ctx.openid, i.bookingId) }),
  deskResult: action({ input: S.bookingRef, run: (i, ctx) => servicesOf(ctx).results.deskResult(ctx.openid, i.bookingId) }),
  correctResult: action({ input: S.correctResult, mutation: true, run: (i, ctx) => servicesOf(ctx).results.correctResult(ctx.openid, i) }),
  createProgramme: action({ input: S.createProgramme, mutation: true, run: (i, ctx) => createProgramme(ctx.db, ctx.clock, ctx.openid, i) }),
  dashboard: action({ input: S.programmeRef, run: (i, ctx) => createReportService(ctx).dashboard(ctx.openid, i.programmeId) }),
  exportBookings: action({
    input: S.exportBookings,
    run: (i, ctx) => createReportService(ctx).exportBookings(ctx.openid, i.programmeId, i.full ?? false, i.reason),
  }),
  sweep: action({
    input: S.sweep,
    mutation: true,
    async run(i, ctx) {
      await requireOfficer(ctx.db, ctx.openid)
      return servicesOf(ctx).sweeper.sweep(i.programmeId)
    },
  }),
}
