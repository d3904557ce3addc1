/** Builds the services one call needs from its context (db, clock, token keys). */
import type { ActionContext } from '../common/function'
import { env } from '../common/env'
import { createTokenService } from '../common/qr-token.service'
import { createBookFlow } from './book-flow.service'
import { createBookingService } from './booking.service'
import { createCatalogRepository } from './catalog.repository'
import { createCatalogService } from './catalog.service'
import { createDeskService } from './desk.service'
import { createNoticeService } from './notice.service'
import { createReminderService } from './reminder.service'
import { createResultService } from './result.service'
import { createSweepService } from './sweep.service'
import { createWaitlistService } from './waitlist.service'

export function servicesOf(ctx: ActionContext) {
  const notices = createNoticeService(ctx.db, ctx.clock)
  const waitlist = createWaitlistService(ctx.db, ctx.clock, notices)
  const catalog = createCatalogService(ctx.db, ctx.clock, waitlist)
  const booking = createBookingService(ctx.db, ctx.clock, waitlist.handoff)
  return {
    notices,
    waitlist,
    catalog,
    booking,
    bookFlow: createBookFlow({ db: ctx.db, booking, waitlist, catalog: createCatalogRepository(ctx.db), bookingOf: (b, _p, s) => catalog.bookingOf(b, undefined, s) }),
    desk: createDeskService(ctx.db, ctx.clock, createTokenService(env().qrKeys, ctx.clock)),
    results: createResultService(ctx.db, ctx.clock, notices),
    sweeper: createSweepService(ctx.db, ctx.clock, waitlist, createReminderService(ctx.db, ctx.clock, notices), notices),
  }
}
