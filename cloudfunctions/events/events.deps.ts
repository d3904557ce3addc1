/** What every events service is built with: tests pass the emulator db and a fixed clock. */
import type { Clock } from '../common/clock'
import type { Db } from '../common/db'
import { env } from '../common/env'
import { createTokenService, type TokenService } from '../common/qr-token.service'

export interface EventsDeps {
  db: Db
  clock: Clock
  tokens: TokenService
}

export function eventsDeps(db: Db, clock: Clock): EventsDeps {
  return { db, clock, tokens: createTokenService(env().qrKeys, clock) }
}
