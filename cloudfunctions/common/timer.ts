/**
 * CloudBase's timer trigger calls a function with `{Type: 'Timer', TriggerName, Time}` and no caller.
 * A client call always carries an openid, so it cannot pose as the timer (it is routed as an ordinary
 * call and refused for having no action). In cloudbaserc.json, per function:
 * `"triggers": [{"name": "sweep", "type": "timer", "config": "0 * * * * * *"}]` (every minute).
 */
import type { Envelope, FunctionEvent } from '~types/envelope'
import { ERROR_MESSAGES } from '~types/errors'
import { callerOpenid } from './caller'
import type { Clock } from './clock'
import type { Db } from './db'

export type FunctionMain = (event: FunctionEvent, context?: unknown) => Promise<Envelope<unknown>>

/** What a tick gets: the same db and clock the function's actions get. */
export interface TimerDeps {
  db: Db
  clock: Clock
}

export function isTimer(event: FunctionEvent, context: unknown): boolean {
  return (event as { Type?: unknown } | undefined)?.Type === 'Timer' && !callerOpenid(event, context)
}

/** Routes timer ticks to `onTick` and everything else to the action router. */
export function withTimer(
  name: string,
  routed: FunctionMain,
  deps: () => TimerDeps,
  onTick: (deps: TimerDeps) => Promise<unknown>,
): FunctionMain {
  return async (event, context) => {
    if (!isTimer(event, context)) return routed(event, context)
    try {
      return { ok: true, data: await onTick(deps()) }
    } catch (e) {
      console.error(`[${name}] timer tick:`, e)
      return { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL }
    }
  }
}
