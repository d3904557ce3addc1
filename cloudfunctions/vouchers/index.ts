/** 工会消费券: a thin router; rules, services and storage live beside it. */
import { defineFunction, type FunctionDeps } from '../common/function'
import { memberActions } from './member.actions'
import { officerActions } from './officer.actions'
import { staffActions } from './staff.actions'
import { vouchersServices } from './vouchers.context'

export function createVouchersFunction(deps: FunctionDeps = {}) {
  // The timer trigger (no caller) expires, reminds, sweeps dead claims, reconciles pools and runs due draws.
  return defineFunction('vouchers', { ...memberActions, ...staffActions, ...officerActions }, deps, {
    onTimer: ({ db, clock }) => vouchersServices(db, clock).sweeper.sweep(),
  })
}

export const main = createVouchersFunction()
