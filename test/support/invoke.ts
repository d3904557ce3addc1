import { randomUUID } from 'node:crypto'
import type { Envelope } from '~types/envelope'
import { buildInvocation } from '../../tools/host/identity'

type Main = (event: never, context?: unknown) => Promise<Envelope<unknown>>

/**
 * Calls a function's `main` as a crash test does while it kills the database or host: an `INTERNAL`
 * answer is what a request that died gets, so it is returned, not failed on.
 */
export async function invokeDuringCrash<T = any>(
  main: Main,
  openid: string | undefined,
  action: string,
  data?: unknown,
  requestId: string | null = randomUUID(),
): Promise<Envelope<T>> {
  const { event, context } = buildInvocation('test', { action, data, requestId: requestId ?? undefined }, openid)
  return (await main(event as never, context)) as Envelope<T>
}

/**
 * Calls a function's `main` exactly as CloudBase (and the local host) would:
 * the caller's openid travels in the per-call context, never in `data`.
 * Pass `requestId: null` to send none. An `INTERNAL` answer fails the test at once: it is a
 * crash of ours, never an outcome a test may expect (crash tests use `invokeDuringCrash`).
 */
export async function invoke<T = any>(
  main: Main,
  openid: string | undefined,
  action: string,
  data?: unknown,
  requestId: string | null = randomUUID(),
): Promise<Envelope<T>> {
  const env = await invokeDuringCrash<T>(main, openid, action, data, requestId)
  if (!env.ok && env.code === 'INTERNAL') throw new Error(`${action} answered INTERNAL (see the function's console.error above)`)
  return env
}

/**
 * As `invoke`, sent as the app sends a request the first time (src/services/invoke.ts: `attempt: 1`):
 * the function knows nothing of it can have happened before (function.ts `firstAttempt`).
 */
export async function invokeFirstTry<T = any>(
  main: Main,
  openid: string,
  action: string,
  data: unknown,
  requestId: string = randomUUID(),
): Promise<Envelope<T>> {
  const { event, context } = buildInvocation('test', { action, data, requestId, attempt: 1 }, openid)
  const env = (await main(event as never, context)) as Envelope<T>
  if (!env.ok && env.code === 'INTERNAL') throw new Error(`${action} answered INTERNAL (see the function's console.error above)`)
  return env
}

/** Unwraps an ok envelope, failing the test with the code otherwise. */
export function okData<T>(env: Envelope<T>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.code}${env.field ? ` (${env.field})` : ''}: ${env.message}`)
  return env.data
}
