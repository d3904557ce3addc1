/** Actions a member calls for herself or himself: her own data needs a signed-in caller; taking part needs a verified member. */
import { fail } from '../common/errors'
import { action, rerun, type ActionContext } from '../common/function'
import { noticeActions } from '../common/notice-actions'
import type { MixerDoc } from './matchmaking.docs'
import { servicesOf } from './matchmaking.context'
import * as S from './matchmaking.schemas'

async function mixerOf(ctx: ActionContext, mixerId: string): Promise<MixerDoc> {
  const m = await servicesOf(ctx).mixers.get(mixerId)
  if (!m || m.phase === 'purged') fail('NOT_FOUND', 'mixerId')
  return m
}

/** For `recover`: what the first call left, or undefined (run the work again). */
export async function found<T>(first: Promise<T | null>): Promise<{ data: T } | undefined> {
  const data = await first
  return data === null ? undefined : { data }
}

/** The kit's `rerun` (the work is safe to repeat), typed so that the answer's type comes from `run` alone. */
export const repeat = async (): Promise<undefined> => void (await rerun())

/** For `recover` of a sign-up step: the mixer read without refusing (a purged one: nothing to recover). */
async function onMixer<T>(ctx: ActionContext, mixerId: string, read: (m: MixerDoc) => Promise<T | null>): Promise<{ data: T } | undefined> {
  const m = await servicesOf(ctx).mixers.get(mixerId)
  return m ? found(read(m)) : undefined
}

const signupActions = {
  signUp: action({
    input: S.mixerRef,
    auth: 'member',
    mutation: true,
    recover: (i, ctx) => onMixer(ctx, i.mixerId, (m) => servicesOf(ctx).signup.signedUpBy(ctx.openid, m, ctx.requestId)),
    run: async (i, ctx) => servicesOf(ctx).profile.signUp(ctx.openid, ctx.roster, await mixerOf(ctx, i.mixerId), ctx.requestId),
  }),
  cancelSignup: action({
    input: S.mixerRef,
    auth: 'caller',
    mutation: true,
    recover: (i, ctx) => onMixer(ctx, i.mixerId, (m) => servicesOf(ctx).signup.movedBy(ctx.openid, m, ['cancelled'], ctx.requestId)),
    run: async (i, ctx) => servicesOf(ctx).signup.cancel(ctx.openid, await mixerOf(ctx, i.mixerId), 'cancelled', ctx.requestId ?? null),
  }),
  acceptOffer: action({
    input: S.mixerRef,
    auth: 'member',
    mutation: true,
    recover: (i, ctx) =>
      onMixer(ctx, i.mixerId, (m) => servicesOf(ctx).signup.movedBy(ctx.openid, m, ['approved', 'review'], ctx.requestId)),
    run: async (i, ctx) => servicesOf(ctx).signup.acceptOffer(ctx.openid, await mixerOf(ctx, i.mixerId), ctx.requestId ?? null),
  }),
  declineOffer: action({
    input: S.mixerRef,
    auth: 'caller',
    mutation: true,
    recover: (i, ctx) => onMixer(ctx, i.mixerId, (m) => servicesOf(ctx).signup.movedBy(ctx.openid, m, ['cancelled'], ctx.requestId)),
    run: async (i, ctx) => servicesOf(ctx).signup.declineOffer(ctx.openid, await mixerOf(ctx, i.mixerId), ctx.requestId ?? null),
  }),
  mySignups: action({
    input: S.empty,
    auth: 'caller',
    run: async (_i, ctx) => (await servicesOf(ctx).profile.list(ctx.account)).flatMap((c) => (c.signup ? [c.signup] : [])),
  }),
}

const profileActions = {
  listMixers: action({ input: S.empty, auth: 'caller', run: (_i, ctx) => servicesOf(ctx).profile.list(ctx.account) }),
  getMixer: action({
    input: S.mixerRef,
    auth: 'caller',
    run: async (i, ctx) => servicesOf(ctx).profile.card(await mixerOf(ctx, i.mixerId), ctx.account),
  }),
  myProfile: action({ input: S.empty, auth: 'caller', run: (_i, ctx) => servicesOf(ctx).profile.mine(ctx.account) }),
  // Idempotent by nature (a set), and not request-deduplicated on purpose: the dedup store keeps each
  // outcome, and a profile or a contact must not outlive the mixer's retention there.
  saveProfile: action({ input: S.saveProfile, auth: 'member', run: (i, ctx) => servicesOf(ctx).profile.save(ctx.openid, ctx.roster, i) }),
  signStatement: action({
    input: S.signStatement,
    auth: 'member',
    mutation: true,
    recover: (i, ctx) => found(servicesOf(ctx).profile.signed(ctx.openid, i.version)),
    run: (i, ctx) => servicesOf(ctx).profile.sign(ctx.openid, i.version),
  }),
  withdrawStatement: action({
    input: S.empty,
    auth: 'caller',
    mutation: true,
    recover: (_i, ctx) => found(servicesOf(ctx).profile.withdrawn(ctx.openid)),
    run: (_i, ctx) => servicesOf(ctx).profile.withdraw(ctx.openid),
  }),
}

const venueActions = {
  checkinCode: action({ input: S.mixerRef, auth: 'member', run: (i, ctx) => servicesOf(ctx).checkin.code(ctx.openid, i.mixerId) }),
  registerKey: action({
    input: S.registerKey,
    auth: 'member',
    mutation: true,
    recover: (i, ctx) => found(servicesOf(ctx).checkin.keyRegistered(ctx.openid, i.mixerId, i.publicKey)),
    run: (i, ctx) => servicesOf(ctx).checkin.registerKey(ctx.openid, i.mixerId, i.publicKey),
  }),
  directory: action({
    input: S.mixerRef,
    auth: 'member',
    run: async (i, ctx) => servicesOf(ctx).pickService.directory(ctx.openid, await mixerOf(ctx, i.mixerId)),
  }),
  submitPicks: action({
    input: S.submitPicks,
    auth: 'member',
    mutation: true,
    recover: (i, ctx) => onMixer(ctx, i.mixerId, (m) => servicesOf(ctx).pickService.submitted(ctx.openid, m, i.tokens)),
    run: async (i, ctx) => servicesOf(ctx).pickService.submit(ctx.openid, await mixerOf(ctx, i.mixerId), i.tokens),
  }),
}

const afterActions = {
  myMatches: action({
    input: S.mixerRef,
    auth: 'caller',
    run: async (i, ctx) => servicesOf(ctx).matches.list(ctx.openid, await mixerOf(ctx, i.mixerId)),
  }),
  // Sets (her side of her own match), not deduplicated for the same reason as saveProfile.
  offerContact: action({ input: S.offerContact, auth: 'caller', run: (i, ctx) => servicesOf(ctx).matches.offer(ctx.openid, i) }),
  endMatch: action({ input: S.endMatch, auth: 'caller', run: (i, ctx) => servicesOf(ctx).matches.end(ctx.openid, i.matchId, i.block) }),
  // A report's id is deterministic (reporter and subject): running again finds the first one.
  report: action({
    input: S.report,
    auth: 'member',
    mutation: true,
    recover: repeat,
    run: async (i, ctx) => servicesOf(ctx).reports.report(ctx.openid, await mixerOf(ctx, i.mixerId), i),
  }),
  appealBar: action({
    input: S.appeal,
    auth: 'caller',
    mutation: true,
    recover: (i, ctx) => found(servicesOf(ctx).reports.appealed(ctx.openid, i.text)),
    run: (i, ctx) => servicesOf(ctx).reports.appeal(ctx.openid, i.text),
  }),
}

export const memberActions = {
  ...profileActions,
  ...signupActions,
  ...venueActions,
  ...afterActions,
  ...noticeActions(['match'], (ctx) => servicesOf(ctx).notices),
}
