/** Builds the services one call needs from its context (db, clock, token keys). */
import type { ActionContext } from '../common/function'
import { createAdminService } from './admin.service'
import { createCheckInService } from './checkin.service'
import { eventsDeps } from './events.deps'
import { createExportService } from './export.service'
import { createGiftService } from './gift.service'
import { createReportService } from './report.service'
import { createSignUpService } from './signup.service'
import { createStampService } from './stamp.service'
import { createSweepService } from './sweep.service'

export function servicesOf(ctx: Pick<ActionContext, 'db' | 'clock'>) {
  const deps = eventsDeps(ctx.db, ctx.clock)
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
}
