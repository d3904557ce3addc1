/** The composition root: repositories built once per instance, handed to the services by named deps. */
import { createAttemptLog } from '../common/attempt-log'
import { createAuditLog } from '../common/audit'
import type { Clock } from '../common/clock'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { env } from '../common/env'
import { perInstance } from '../common/instance-cache'
import { createTokenService } from '../common/qr-token.service'
import { createRosterLookup } from '../common/roster-lookup'
import { expiredRequestsTask } from '../common/sweeper'
import { getWechat } from '../common/wechat.cloud'
import { createCodes } from '../common/wechat-codes'
import { createActivityRepository, type ScanFacts } from './activity.repository'
import { createAdminService } from './admin.service'
import { createCatalogRepository } from './catalog.repository'
import { createCheckInService } from './checkin.service'
import { createGiftLedger, createSeatLedger } from './claims.repository'
import { createExportService } from './export.service'
import { createGiftService } from './gift.service'
import { createReportService } from './report.service'
import { createSignUpService } from './signup.service'
import { createStampService } from './stamp.service'
import { createStampStats } from './stamp-stats'
import { createSweepService } from './sweep.service'
import { createCodesService } from './codes.service'

/** Built once per instance (instance-cache.ts `perInstance`). */
export const eventsServices = perInstance((db: Db, clock: Clock) => {
  const catalog = createCatalogRepository(db)
  const activity = createActivityRepository(db)
  const roster = createRosterLookup({ db })
  const tokens = createTokenService(env().qrKeys, clock)
  // Booth stamps, the gift desk and check-in scans: one log of every attempt (the dashboard's refusals, the scan log).
  const scans = createAttemptLog<ScanFacts>({ db, clock }, COLLECTIONS.eventScans, 'events')
  const gifts = createGiftLedger(db, clock)
  const seats = createSeatLedger(db, clock)
  const stats = createStampStats(db)
  const checkin = createCheckInService({ clock, tokens, catalog, activity, roster, scans })
  return {
    checkin,
    codes: createCodesService({ tokens, catalog, codes: createCodes({ db, wechat: getWechat(), clock }) }),
    admin: createAdminService({ clock, tokens, catalog }),
    exports: createExportService({ clock, catalog, activity, roster, audit: createAuditLog({ db, clock }) }),
    gift: createGiftService({ clock, tokens, catalog, activity, roster, scans, gifts }),
    report: createReportService({ clock, catalog, activity, stats, checkin }),
    signup: createSignUpService({ clock, catalog, activity, seats, roster }),
    stamps: createStampService({ clock, tokens, catalog, activity, scans }),
    sweep: createSweepService({ clock, catalog, gifts, seats, stats, kitTasks: [expiredRequestsTask(db)] }),
  }
})
