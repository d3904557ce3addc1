import { defineFunction, type FunctionDeps } from '../common/function'
import { servicesOf } from './matchmaking.context'
import { memberActions } from './member.actions'
import { officerActions } from './officer.actions'

/**
 * 会聚良缘: mixers, sign-up with places per gender and a waiting list, check-in with a badge,
 * picks as opaque tokens made on the phones, matching at the deadline, contacts with both consents.
 * `defineFunction` checks at compile time that these are exactly the actions of `MatchmakingActions`.
 * The timer trigger (cloudbaserc: every minute) expires offers, matches at deadlines, purges after retention.
 */
export function createMatchmakingFunction(deps: FunctionDeps = {}) {
  return defineFunction('matchmaking', { ...memberActions, ...officerActions }, deps, {
    onTimer: (t) => servicesOf(t).sweeper.sweep(),
  })
}

export const main = createMatchmakingFunction()
