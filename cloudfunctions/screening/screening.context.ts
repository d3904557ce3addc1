/** Builds the services one call needs from its context (db, clock, token keys). */
import type { Clock } from '../common/clock'
import type { Db } from '../common/db'
import type { ActionContext } from '../common/function'
import { perInstance } from '../common/instance-cache'
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
import type { ScreeningDeps } from './screening.deps'

const build = perInstance((db: Db, clock: Clock) => {
  const deps: ScreeningDeps = { db, clock }
  const notices = createNoticeService(deps)
  const waitlist = createWaitlistService({ ...deps, notices })
  const catalog = createCatalogService({ ...deps, waitlist })
  const booking = createBookingService({ ...deps, handoff: waitlist.handoff })
  return {
    notices,
    waitlist,
    catalog,
    booking,
    bookFlow: createBookFlow({ db, booking, waitlist, catalog: createCatalogRepository(db), bookingOf: (b, _p, s) => catalog.bookingOf(b, undefined, s) }),
    desk: createDeskService({ ...deps, tokens: createTokenService(env().qrKeys, clock) }),
    results: createResultService({ ...deps, notices }),
    sweeper: createSweepService({ ...deps, waitlist, reminders: createReminderService({ ...deps, notices }), notices }),
  }
})

/** Built once per instance (instance-cache.ts `perInstance`). */
export function servicesOf(ctx: Pick<ActionContext, 'db' | 'clock'>) {
  return build(ctx.db, ctx.clock)
}
