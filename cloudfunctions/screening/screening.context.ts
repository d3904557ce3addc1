/**
 * The composition root: every repository is built once here and handed to the services by named
 * deps (services never build their own), once per instance (instance-cache.ts `perInstance`).
 */
import { createAttemptLog } from '../common/attempt-log'
import { createAuditLog } from '../common/audit'
import type { Clock } from '../common/clock'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { env } from '../common/env'
import type { ActionContext } from '../common/function'
import { perInstance } from '../common/instance-cache'
import { createTokenService } from '../common/qr-token.service'
import { createRosterLookup } from '../common/roster-lookup'
import { getWechat } from '../common/wechat.cloud'
import { createBookFlow } from './book-flow.service'
import { createBookingRepository } from './booking.repository'
import { createBookingTableRepository } from './booking-table.repository'
import { createBookingTableService } from './booking-table.service'
import { createBookingLedger, createBookingService } from './booking.service'
import { createCatalogRepository } from './catalog.repository'
import { createCatalogService } from './catalog.service'
import { createDeskService, type DeskAttempt } from './desk.service'
import { createMyDataService } from './my-data.service'
import { createNoticeService } from './notice.service'
import { createProgrammeService } from './programme.service'
import { createReminderService } from './reminder.service'
import { createReportService } from './report.service'
import { createResultRepository } from './result.repository'
import { createResultService } from './result.service'
import { createSweepService } from './sweep.service'
import { createWaitlistRepository } from './waitlist.repository'
import { createWaitlistService } from './waitlist.service'

const build = perInstance((db: Db, clock: Clock) => {
  const repos = {
    catalog: createCatalogRepository(db),
    bookings: createBookingRepository(db),
    entries: createWaitlistRepository(db),
    results: createResultRepository(db),
    roster: createRosterLookup({ db }),
  }
  const places = createBookingLedger(db, clock)
  const audit = createAuditLog({ db, clock })
  const log = createAttemptLog<DeskAttempt>({ db, clock }, COLLECTIONS.screeningDeskLog, 'screening desk')
  const notices = createNoticeService({ db, clock, wechat: getWechat(), ...repos })
  const waitlist = createWaitlistService({ clock, ...repos, sessions: places.sessions, notices })
  const catalog = createCatalogService({ clock, ...repos, waitlist })
  const booking = createBookingService({ clock, ...repos, places, handoff: waitlist.handoff })
  const reminders = createReminderService({ clock, ...repos, notices })
  return {
    repos,
    notices,
    waitlist,
    catalog,
    booking,
    bookFlow: createBookFlow({ ...repos, booking, waitlist, bookingOf: (b, s) => catalog.bookingOf(b, undefined, s) }),
    desk: createDeskService({ clock, ...repos, tokens: createTokenService(env().qrKeys, clock), log }),
    results: createResultService({ clock, ...repos, notices, audit, log }),
    reports: createReportService({ db, clock, ...repos, audit }),
    bookingTable: createBookingTableService({ catalog: repos.catalog, table: createBookingTableRepository(db) }),
    programmes: createProgrammeService({ clock, ...repos }),
    myData: createMyDataService({ db, ...repos, notices }),
    sweeper: createSweepService({ db, clock, ...repos, places, waitlist, reminders, notices }),
  }
})

/** Built once per instance (instance-cache.ts `perInstance`). */
export function servicesOf(ctx: Pick<ActionContext, 'db' | 'clock'>) {
  return build(ctx.db, ctx.clock)
}
