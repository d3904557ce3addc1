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

type Bound<F> = { [K in keyof F]: F[K] extends (deps: EventsDeps, ...args: infer A) => infer R ? (...args: A) => R : never }

/**
 * Turns a service file's functions of `(deps, ...args)` into its `createXService(deps)` factory
 * (DESIGN.md style 5), so the router and tests get services built once with their deps.
 */
export function withDeps<F extends Record<string, (deps: EventsDeps, ...args: never[]) => unknown>>(deps: EventsDeps, fns: F): Bound<F> {
  return Object.fromEntries(Object.entries(fns).map(([k, f]) => [k, (...args: never[]) => f(deps, ...args)])) as Bound<F>
}
