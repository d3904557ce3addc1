import { systemClock } from '../common/clock'
import { getDb } from '../common/db'
import { callerOpenid, defineFunction, type FunctionDeps } from '../common/function'
import type { Envelope, FunctionEvent } from '../../types/envelope'
import { ERROR_MESSAGES } from '../../types/errors'
import { servicesOf } from './screening.context'
import type { ScreeningActions } from '../../types/screening'
import { memberActions } from './member.actions'
import { staffActions } from './staff.actions'

const actions = { ...memberActions, ...staffActions }

// Every action the client is typed for exists here, and nothing else (checked at compile time).
type Missing = Exclude<keyof ScreeningActions, keyof typeof actions> | Exclude<keyof typeof actions, keyof ScreeningActions>
export const ALL_ACTIONS_PRESENT: [Missing] extends [never] ? true : Missing = true
type Both = keyof ScreeningActions & keyof typeof actions
type Out<K extends Both> = Awaited<ReturnType<(typeof actions)[K]['run']>>
type WrongResponse = { [K in Both]: Out<K> extends ScreeningActions[K][1] ? never : K }[Both]
export const RESPONSES_MATCH_TYPES: [WrongResponse] extends [never] ? true : WrongResponse = true

/** 两癌筛查: programmes, eligibility, bounded bookings, the waiting list, the front desk, results. */
export function createScreeningFunction(deps: FunctionDeps = {}) {
  const routed = defineFunction('screening', actions, deps)
  return async (event: FunctionEvent, context?: unknown): Promise<Envelope<unknown>> => {
    if (!isTimer(event, context)) return routed(event, context)
    try {
      const ctx = { openid: 'timer', db: (deps.db ?? getDb)(), clock: deps.clock ?? systemClock, requestId: undefined }
      return { ok: true, data: await servicesOf(ctx).sweeper.sweep() }
    } catch (e) {
      console.error('[screening] timer sweep:', e)
      return { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL }
    }
  }
}

/**
 * CloudBase's timer trigger (cloudbaserc: `{"name": "sweep", "type": "timer", "config": "0 * * * * * *"}`)
 * calls with `{Type: 'Timer'}` and no caller; a client call always carries an openid, so it cannot pose as one.
 */
function isTimer(event: FunctionEvent, context: unknown): boolean {
  return (event as { Type?: unknown } | undefined)?.Type === 'Timer' && !callerOpenid(event, context)
}

export const main = createScreeningFunction()
