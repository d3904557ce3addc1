/** Event staff (the mixer's check-in desk) and officers. No action here reads picks, tokens or contacts. */
import { requireOfficer } from '../common/auth'
import { action } from '../common/function'
import { servicesOf } from './matchmaking.context'
import * as S from './matchmaking.schemas'

export const officerActions = {
  staffMixers: action({ input: S.empty, run: (_i, ctx) => servicesOf(ctx).checkin.staffMixers(ctx.openid) }),
  checkIn: action({ input: S.staffCheckIn, mutation: true, run: (i, ctx) => servicesOf(ctx).checkin.checkIn(ctx.openid, i.mixerId, i.token) }),
  saveMixer: action({ input: S.saveMixer, mutation: true, run: async (i, ctx) => (await requireOfficer(ctx.db, ctx.openid), servicesOf(ctx).officer.save(i)) }),
  reviewList: action({ input: S.mixerRef, run: async (i, ctx) => (await requireOfficer(ctx.db, ctx.openid), servicesOf(ctx).officer.review(i.mixerId)) }),
  decide: action({ input: S.decide, mutation: true, run: async (i, ctx) => (await requireOfficer(ctx.db, ctx.openid), servicesOf(ctx).officer.decide(i)) }),
  figures: action({ input: S.mixerRef, run: async (i, ctx) => (await requireOfficer(ctx.db, ctx.openid), servicesOf(ctx).officer.figures(i.mixerId)) }),
  programme: action({ input: S.programme, run: async (i, ctx) => (await requireOfficer(ctx.db, ctx.openid), servicesOf(ctx).officer.programme(i.programme)) }),
  listReports: action({ input: S.empty, run: async (_i, ctx) => (await requireOfficer(ctx.db, ctx.openid), servicesOf(ctx).reports.list()) }),
  barMember: action({ input: S.bar, mutation: true, run: async (i, ctx) => (await requireOfficer(ctx.db, ctx.openid), servicesOf(ctx).reports.bar(ctx.openid, i)) }),
  dismissReport: action({ input: S.reportRef, mutation: true, run: async (i, ctx) => (await requireOfficer(ctx.db, ctx.openid), servicesOf(ctx).reports.dismiss(i.reportId)) }),
  decideAppeal: action({ input: S.decideAppeal, mutation: true, run: async (i, ctx) => (await requireOfficer(ctx.db, ctx.openid), servicesOf(ctx).reports.decideAppeal(i.reportId, i.lift)) }),
  sweep: action({ input: S.empty, mutation: true, run: async (_i, ctx) => (await requireOfficer(ctx.db, ctx.openid), servicesOf(ctx).sweeper.sweep()) }),
}
