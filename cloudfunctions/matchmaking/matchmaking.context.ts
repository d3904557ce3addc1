/** The composition root: repositories built once per instance and handed to services by named deps. */
import { createAttemptLog } from '../common/attempt-log'
import { createAuditLog } from '../common/audit'
import type { Clock } from '../common/clock'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { env } from '../common/env'
import { perInstance } from '../common/instance-cache'
import { createNotices, deliveryTask, noticeCatalogue } from '../common/notices'
import { createTokenService } from '../common/qr-token.service'
import { createRosterLookup } from '../common/roster-lookup'
import { expiredRequestsTask } from '../common/sweeper'
import { NOTICE_KINDS } from '~types/notice-templates'
import type { MatchNoticeKind, MatchNoticeTopic } from '~types/matchmaking'
import { getWechat } from '../common/wechat.cloud'
import { createCheckinService, type CheckinAttempt } from './checkin.service'
import { createMatchService } from './match.service'
import { createMemberDataRepository } from './member-data.repository'
import { createMixerRepository } from './mixer.repository'
import { createMyDataService } from './my-data.service'
import { createReviewService } from './officer-review.service'
import { createOfficerService } from './officer.service'
import { createOfficerTablesRepository } from './officer-tables.repository'
import { createPicksRepository } from './picks.repository'
import { createPicksService } from './picks.service'
import { createProfileReviewService } from './profile-review.service'
import { createProfileTextRepository } from './profile-text.repository'
import { createTextCheck } from './profile-text.service'
import { createProfileService } from './profile.service'
import { createReportRepository } from './report.repository'
import { createReportService } from './report.service'
import { createSignupRepository } from './signup.repository'
import { createSignupService } from './signup.service'
import { createSweepService } from './sweep.service'

/** One opt-in topic: the match notice (a one-time subscription message names nobody; template: types/notice-templates.ts). */
const MATCH_NOTICES = noticeCatalogue<MatchNoticeKind, MatchNoticeTopic>('matchmaking', NOTICE_KINDS.matchmaking)

const build = perInstance((db: Db, clock: Clock) => {
  const mixers = createMixerRepository(db)
  const signups = createSignupRepository(db, clock, mixers)
  const data = createMemberDataRepository(db)
  const picks = createPicksRepository(db)
  const notices = createNotices({ db, clock, wechat: getWechat() }, MATCH_NOTICES)
  const signup = createSignupService({ clock, mixers, signups })
  const pickService = createPicksService({ clock, mixers, signups, picks, notices })
  // Members' own text is checked by WeChat during their own call (profile-text.service.ts).
  const check = createTextCheck(getWechat())
  const audit = createAuditLog({ db, clock })
  const review = createReviewService({ clock, mixers, signups, signup, tables: createOfficerTablesRepository(db) })
  const log = createAttemptLog<CheckinAttempt>({ db, clock }, COLLECTIONS.mixerCheckinsLog, 'matchmaking.checkIn')
  return {
    mixers,
    notices,
    signup,
    pickService,
    profile: createProfileService({ clock, rosters: createRosterLookup({ db }), mixers, signups, data, signup, check }),
    checkin: createCheckinService({ clock, tokens: createTokenService(env().qrKeys, clock), mixers, signups, log }),
    matches: createMatchService({ clock, mixers, picks, pickService }),
    reports: createReportService({ clock, audit, reports: createReportRepository(db), signups, data, check }),
    profileTexts: createProfileReviewService({ clock, audit, texts: createProfileTextRepository(db) }),
    officer: createOfficerService({ clock, mixers, signups, signup, review }),
    review,
    sweeper: createSweepService({
      clock,
      mixers,
      signups,
      signup,
      picks,
      pickService,
      data,
      kitTasks: [expiredRequestsTask(db), deliveryTask(notices)],
    }),
    myData: createMyDataService({ clock, mixers, signups, signup, picks, data, notices }),
  }
})

/** Built once per instance (instance-cache.ts `perInstance`). */
export function servicesOf({ db, clock }: { db: Db; clock: Clock }) {
  return build(db, clock)
}
