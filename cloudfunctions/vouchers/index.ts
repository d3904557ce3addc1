/** 工会消费券: a thin router; rules, services and storage live beside it. */
import { defineFunction, type FunctionDeps } from '../common/function'
import { noticeActions } from '../common/notice-actions'
import { memberActions } from './member.actions'
import { officerActions } from './officer.actions'
import { staffActions } from './staff.actions'
import { vouchersServices as svc } from './vouchers.context'

export function createVouchersFunction(deps: FunctionDeps = {}) {
  const actions = { ...memberActions, ...staffActions, ...officerActions, ...noticeActions(['voucher'], (c) => svc(c.db, c.clock).notices) }
  // The timer trigger (no caller) expires, reminds, sweeps dead claims, reconciles pools and runs due draws.
  return defineFunction('vouchers', actions, deps, { onTimer: ({ db, clock }) => svc(db, clock).sweeper.sweep() })
}

export const main = createVouchersFunction()
