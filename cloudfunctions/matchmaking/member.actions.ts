/** Actions a member calls for herself or himself. */
import { requireVerifiedMember } from '../common/auth'
import { fail } from '../common/errors'
import { action, type ActionContext } from '../common/function'
import type { MixerDoc } from './matchmaking.docs'
import { servicesOf } from './matchmaking.context'
import * as S from './matchmaking.schemas'

export async function mixerOf(ctx: ActionContext, mixerId: string): Promise<MixerDoc> {
  const m = await servicesOf(ctx).mixers.get(mixerId)
  if (!m || m.phase === 'purged') fail('NOT_FOUND', 'mixerId')
  return m
}

export const memberActions = {
  listMixers: action({ input: S.empty, run: (_i, ctx) => servicesOf(ctx).profile.list(ctx.openid) }),
  getMixer: action({ input: S.mixerRef, run: async (i, ctx) => servicesOf(ctx).profile.card(await mixerOf(ctx, i.mixerId), ctx.openid) }),
  myProfile: action({ input: S.empty, run: (_i, ctx) => servicesOf(ctx).profile.mine(ctx.openid) }),
  // Idempotent by nature (a set), and not request-deduplicated on purpose: the dedup store keeps each
  // outcome, and a profile or a contact must not outlive the mixer's retention there.
  saveProfile: action({ input: S.saveProfile, run: (i, ctx) => servicesOf(ctx).profile.save(ctx.openid, i) }),
  signStatement: action({ input: S.signStatement, mutation: true, run: (i, ctx) => servicesOf(ctx).profile.sign(ctx.openid, i.version) }),
  withdrawStatement: action({ input: S.empty, mutation: true, run: (_i, ctx) => servicesOf(ctx).profile.withdraw(ctx.openid) }),
  signUp: action({
    input: S.mixerRef,
    mutation: true,
    run: async (i, ctx) => servicesOf(ctx).profile.signUp(ctx.openid, await mixerOf(ctx, i.mixerId), ctx.requestId),
  }),
  cancelSignup: action({ input: S.mixerRef, mutation: true, run: async (i, ctx) => servicesOf(ctx).signup.cancel(ctx.openid, await mixerOf(ctx, i.mixerId)) }),
  acceptOffer: action({ input: S.mixerRef, mutation: true, run: async (i, ctx) => servicesOf(ctx).signup.acceptOffer(ctx.openid, await mixerOf(ctx, i.mixerId)) }),
  declineOffer: action({ input: S.mixerRef, mutation: true, run: async (i, ctx) => servicesOf(ctx).signup.declineOffer(ctx.openid, await mixerOf(ctx, i.mixerId)) }),
  mySignups: action({
    input: S.empty,
    async run(_i, ctx) {
      const svc = servicesOf(ctx)
      const cards = await svc.profile.list(ctx.openid)
      return cards.flatMap((c) => (c.signup ? [c.signup] : []))
    },
  }),
  checkinCode: action({ input: S.mixerRef, run: (i, ctx) => servicesOf(ctx).checkin.code(ctx.openid, i.mixerId) }),
  registerKey: action({ input: S.registerKey, mutation: true, run: (i, ctx) => servicesOf(ctx).checkin.registerKey(ctx.openid, i.mixerId, i.publicKey) }),
  directory: action({ input: S.mixerRef, run: async (i, ctx) => servicesOf(ctx).pickService.directory(ctx.openid, await mixerOf(ctx, i.mixerId)) }),
  submitPicks: action({
    input: S.submitPicks,
    mutation: true,
    run: async (i, ctx) => servicesOf(ctx).pickService.submit(ctx.openid, await mixerOf(ctx, i.mixerId), i.tokens),
  }),
  myMatches: action({ input: S.mixerRef, run: async (i, ctx) => servicesOf(ctx).matches.list(ctx.openid, await mixerOf(ctx, i.mixerId)) }),
  offerContact: action({ input: S.offerContact, run: (i, ctx) => servicesOf(ctx).matches.offer(ctx.openid, i) }),
  endMatch: action({ input: S.endMatch, run: (i, ctx) => servicesOf(ctx).matches.end(ctx.openid, i.matchId, i.block) }),
  report: action({
    input: S.report,
    mutation: true,
    async run(i, ctx) {
      await requireVerifiedMember(ctx.db, ctx.openid)
      return servicesOf(ctx).reports.report(ctx.openid, await mixerOf(ctx, i.mixerId), i)
    },
  }),
  appealBar: action({ input: S.appeal, mutation: true, run: (i, ctx) => servicesOf(ctx).reports.appeal(ctx.openid, i.text) }),
  subscribe: action({ input: S.subscribe, mutation: true, run: async (i, ctx) => ({ credits: await servicesOf(ctx).notices.subscribe(ctx.openid, i.topics) }) }),
  myNotices: action({
    input: S.empty,
    run: async (_i, ctx) => (await servicesOf(ctx).notices.list(ctx.openid)).map(({ id, title, page, fields, createdAt, delivered }) => ({ id, title, page, fields, createdAt, delivered })),
  }),
}
