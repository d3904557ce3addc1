import { defineFunction, type FunctionDeps } from '../common/function'
import { servicesOf } from './screening.context'
import { memberActions } from './member.actions'
import { staffActions } from './staff.actions'

/**
 * 两癌筛查: programmes, eligibility, bounded bookings, the waiting list, the front desk, results.
 * `defineFunction` checks at compile time that these are exactly the actions of `ScreeningActions`.
 * The timer trigger (cloudbaserc: every minute) sweeps held offers and sends reminders.
 */
export function createScreeningFunction(deps: FunctionDeps = {}) {
  return defineFunction('screening', { ...memberActions, ...staffActions }, deps, {
    onTimer: (t) => servicesOf({ db: t.db, clock: t.clock }).sweeper.sweep(),
  })
}

export const main = createScreeningFunction()
