/** Builds the console's services from the function's db and clock: repositories once, handed to services by name. */
import { createAuditLog } from '../common/audit'
import type { Clock } from '../common/clock'
import type { Db } from '../common/db'
import type { ActionContext } from '../common/function'
import { perInstance } from '../common/instance-cache'
import { getWechat } from '../common/wechat.cloud'
import { createCodes } from '../common/wechat-codes'
import { createConsoleLoginService } from './console-login.service'
import { createConsoleRepository } from './console.repository'
import { createConsoleSessionService } from './console-sessions.service'
import { ticketIssuer } from './console.tickets'

const build = perInstance((db: Db, clock: Clock) => {
  const repo = createConsoleRepository(db)
  const audit = createAuditLog({ db, clock })
  return {
    login: createConsoleLoginService({
      clock,
      repo,
      audit,
      codes: createCodes({ db, wechat: getWechat(), clock }),
      issueTicket: ticketIssuer,
    }),
    sessions: createConsoleSessionService({ clock, repo, audit }),
    /** CloudBase's timer: login requests older than an hour go (anyone may start one; none is of use after 2½ minutes). */
    sweep: () => repo.sweepLogins(clock() - 3600_000),
  }
})

export const servicesOf = (c: Pick<ActionContext, 'db' | 'clock'>) => build(c.db, c.clock)
