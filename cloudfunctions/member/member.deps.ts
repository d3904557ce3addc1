/** What every member service is built with: tests pass the emulator db and a fixed clock. */
import type { Clock } from '../common/clock'
import type { Db } from '../common/db'

export interface MemberDeps {
  db: Db
  clock: Clock
}

/** One call's view of the deps: every step of a call reasons with the same `now`. */
export interface MemberCall {
  db: Db
  now: number
}

export const callOf = (deps: MemberDeps): MemberCall => ({ db: deps.db, now: deps.clock() })
