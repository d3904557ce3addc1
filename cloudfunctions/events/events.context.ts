/** Builds the services one call needs from its context (db, clock, token keys). */
import type { Clock } from '../common/clock'
import type { Db } from '../common/db'
import type { ActionContext } from '../common/function'
import { perInstance } from '../common/instance-cache'
import { createAdminService } from './admin.service'
import { createCheckInService } from './checkin.service'
import { eventsDeps } from './events.deps'
import { createExportService } from './export.service'
import { createGiftService } from './gift.service'
import { createReportService } from './report.service'
import { createSignUpService } from './signup.service'
import { createStampService } from './stamp.service'
import { createSweepService } from './sweep.service'

const build = perInstance((db: Db, clock: Clock) => {
  const deps = eventsDeps(db, clock)
  return {
    admin: createAdminService(deps),
    checkin: createCheckInService(deps),
    exports: createExportService(deps),
    gift: createGiftService(deps),
    report: createReportService(deps),
    signup: createSignUpService(deps),
    stamps: createStampService(deps),
    sweep: createSweepService(deps),
  }
})

/** Built once per instance (instance-cache.ts `perInstance`). */
export function servicesOf(ctx: Pick<ActionContext, 'db' | 'clock'>) {
  return build(ctx.db, ctx.clock)
}
