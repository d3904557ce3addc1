/**
 * The local stand-in for CloudBase's timer triggers (cloudbaserc.json `triggers`, `type: timer`): every function
 * that declares one is called with `{Type: 'Timer', TriggerName, Time}` and no caller, as CloudBase calls it, so the
 * local demo sweeps and delivers its notice queue as production does. Ticks of one function never overlap.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FunctionMain } from './functions'

interface RcFunction {
  name: string
  triggers?: { name: string; type: string }[]
}

/** The functions with a timer trigger, and the trigger's name (from cloudbaserc.json). */
export function timerTriggers(root: string): Map<string, string> {
  const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as { functions: RcFunction[] }
  return new Map(rc.functions.flatMap((f) => (f.triggers ?? []).filter((t) => t.type === 'timer').map((t) => [f.name, t.name] as const)))
}

/** One tick of every timer, one function after another; answers each function's envelope. */
export async function tickAll(functions: Map<string, FunctionMain>, triggers: Map<string, string>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {}
  for (const [name, trigger] of triggers) {
    const fn = functions.get(name)
    if (fn) out[name] = await fn({ Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString() }, {}).catch((e: unknown) => e)
  }
  return out
}

/** Ticks every `everyMs` (CloudBase: each minute; the demo may tick faster); returns the stop function. */
export function startTimers(functions: Map<string, FunctionMain>, root: string, everyMs: number): () => void {
  const triggers = timerTriggers(root)
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    void tickAll(functions, triggers).finally(() => (running = false))
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
