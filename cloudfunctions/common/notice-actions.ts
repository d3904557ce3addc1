/**
 * The actions every function with notices spreads into its map, so no service writes its own opt-in:
 * `subscribe` (after wx.requestSubscribeMessage: one more send per accepted topic), her notices and
 * credits, and every notice for officers. The client asks through one helper (src/services/subscribe.ts).
 */
import { z } from 'zod'
import type { ActionContext } from './function'
import { action, rerun } from './function'
import type { Notices } from './notices'
import { empty } from './schema'
import { cityOnly } from './unions'

export function noticeActions<K extends string, T extends string>(
  topics: readonly [T, ...T[]],
  notices: (ctx: ActionContext) => Notices<K, T>,
) {
  return {
    subscribe: action({
      input: z.strictObject({ topics: z.array(z.enum(topics)).max(topics.length) }),
      auth: 'caller',
      mutation: true,
      // Safe to repeat: the grant is conditional on the request id (notices.repository.ts `grant`).
      recover: rerun,
      run: async (i, ctx) => ({ credits: await notices(ctx).subscribe(ctx.openid, i.topics as T[], ctx.requestId ?? null) }),
    }),
    myNotices: action({ input: empty, auth: 'caller', run: (_i, ctx) => notices(ctx).list(ctx.openid) }),
    noticeCredits: action({
      input: empty,
      auth: 'caller',
      run: async (_i, ctx) => ({
        credits: (await notices(ctx).credits(ctx.openid)) ?? (Object.fromEntries(topics.map((t) => [t, 0])) as Record<T, number>),
      }),
    }),
    // every member's notices: the city's outbox, not a district's (issue 20)
    allNotices: action({ input: empty, auth: { officer: cityOnly }, run: (_i, ctx) => notices(ctx).list(null) }),
  }
}
