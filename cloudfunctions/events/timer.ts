/**
 * CloudBase's timer trigger calls the function with `{Type: 'Timer', TriggerName, Time}` and no caller.
 * A client call always carries an openid, so it cannot pose as the timer (it is routed as an ordinary
 * call and refused for having no action). cloudbaserc.json, in the `events` function:
 * `"triggers": [{"name": "sweep", "type": "timer", "config": "0 * * * * * *"}]` (every minute).
 */
import { systemClock } from '../common/clock'
import { getDb } from '../common/db'
import { callerOpenid, type FunctionDeps } from '../common/function'
import type { Envelope, FunctionEvent } from '../../types/envelope'
import { ERROR_MESSAGES } from '../../types/errors'

type Main = (event: FunctionEvent, context?: unknown) => Promise<Envelope<unknown>>

export function isTimer(event: FunctionEvent, context: unknown): boolean {
  return (event as { Type?: unknown } | undefined)?.Type === 'Timer' && !callerOpenid(event, context)
}

/** Routes timer ticks to `onTick` and everything else to the ordinary action router. */
export function withTimer(routed: Main, deps: FunctionDeps, onTick: (deps: Required<FunctionDeps>) => Promise<unknown>): Main {
  return async (event, context) => {
    if (!isTimer(event, context)) return routed(event, context)
    try {
      return { ok: true, data: await onTick({ db: deps.db ?? getDb, clock: deps.clock ?? systemClock }) }
    } catch (e) {
      console.error('[events] timer sweep:', e)
      return { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL }
    }
  }
}
