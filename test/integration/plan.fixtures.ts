import { randomUUID } from 'node:crypto'
import type { Envelope } from '~types/envelope'
import { ApiError } from '~src/services/api-error'
import { invoke as clientInvoke, PlatformBusy, TransportError, type Transport } from '~src/services/invoke'
import type { PlanLimits } from '../../tools/emulator/plans'
import type { FunctionMain } from '../../tools/host/functions'
import { buildInvocation } from '../../tools/host/identity'
import { type FunctionPool, PlatformRefusal } from '../../tools/host/instances'
import type { TestEmulator } from '../support/emulator'

/**
 * The pieces of a rush under a plan's limits, as production runs it: the function behind
 * CloudBase's instance rules (tools/host/instances.ts), called by the app's own call layer
 * (src/services/invoke.ts: BUSY and refused calls retried with the same request id).
 */

/** Sets the emulator's limits and today's usage through its side door. */
export async function setLimits(emu: TestEmulator, limits: PlanLimits, usage: object = { reads: 0, writes: 0, resetRefused: true }) {
  const res = await fetch(emu.url.replace(/\/admin$/, '/_limits'), { method: 'POST', body: JSON.stringify({ limits, usage }) })
  return (await res.json()) as { usage: { reads: number; writes: number; refused: Record<string, number> } }
}

/** A fresh module instance per call of `load` (jest's registry, as a new CloudBase instance loads the code). */
export function isolatedLoader(load: () => FunctionMain): () => FunctionMain {
  return () => {
    let main: FunctionMain | undefined
    jest.isolateModules(() => {
      main = load()
    })
    return main!
  }
}

/** The member's phone: one call through the client's retries; the final envelope, never a throw. */
export function memberClient(pool: FunctionPool, fnName: string, sleep?: (ms: number) => Promise<void>) {
  return async <T = unknown>(openid: string, action: string, data: unknown, requestId = randomUUID()): Promise<Envelope<T>> => {
    const transport: Transport = async (name, body) => {
      const { event, context } = buildInvocation(name, body, openid)
      try {
        return await pool.call(event, context)
      } catch (e) {
        if (e instanceof PlatformRefusal && e.status === 429) throw new PlatformBusy(e.message)
        if (e instanceof PlatformRefusal) throw new TransportError('DEADLINE_EXCEEDED', e.message)
        throw e
      }
    }
    try {
      return { ok: true, data: await clientInvoke<T>(fnName, { action, data, requestId }, { transport, sleep }) }
    } catch (e) {
      if (e instanceof ApiError) return { ok: false, code: e.code, message: e.message } as Envelope<T>
      throw e
    }
  }
}
