import { z } from 'zod'
import type { Envelope } from '../../types/envelope'
import { ERROR_MESSAGES } from '../../types/errors'
import type { FunctionActions } from '../../types/functions'
import { callerOpenid } from './caller'
import { type Clock, systemClock } from './clock'
import { type Db, getDb } from './db'
import { AppError } from './errors'
import { runOnce } from './idempotency'
import { type FunctionMain, type TimerDeps, withTimer } from './timer'

export { callerOpenid } from './caller'

export interface ActionContext {
  /** The caller's openid from the trusted CloudBase context. */
  openid: string
  db: Db
  clock: Clock
  /** The client's request id (already deduplicated for `mutation` actions). */
  requestId: string | undefined
}

export interface ActionSpec<S extends z.ZodType = z.ZodType, R = unknown> {
  input: S
  /**
   * State-changing: a retry with the same request id returns the first outcome and changes nothing.
   * 'ledger': the action's own claim ledger keeps the request id (claim-ledger.ts), which answers a
   * retry even after a crash, so no request marker is written (two fewer calls on the hot path).
   */
  mutation?: boolean | 'ledger'
  run(input: z.output<S>, ctx: ActionContext): Promise<R>
}

/** Keeps the schema's output type flowing into `run`. */
export function action<S extends z.ZodType, R>(spec: ActionSpec<S, R>): ActionSpec<S, R> {
  return spec
}

export interface FunctionDeps {
  db?: () => Db
  clock?: Clock
}

export interface FunctionOptions {
  /** What CloudBase's timer trigger runs (see timer.ts). */
  onTimer?: (deps: TimerDeps) => Promise<unknown>
}

/**
 * The contract: a function named in `types/functions.ts` has exactly the actions of its map, each
 * answering the response type the client is typed for, and accepting every request the client may
 * send. Names outside the map (a bench's no-op) are unchecked.
 */
type ActionMapOf<N extends string> = N extends keyof FunctionActions ? FunctionActions[N] : Record<string, [unknown, unknown]>
type Pair = readonly [unknown, unknown]
type Contract<M> = { [K in keyof M]: ActionSpec<z.ZodType, M[K] extends Pair ? M[K][1] : never> }
type NoExtra<A, M> = { [K in Exclude<keyof A, keyof M>]: 'not in the action map of types/' }
type AcceptsRequest<N extends string, A, M> = N extends keyof FunctionActions ? {
  [K in keyof A & keyof M]: A[K] extends ActionSpec<infer S> ? (M[K] extends Pair ? (M[K][0] extends z.input<S> ? unknown : 'schema refuses the typed request') : unknown) : unknown
} : unknown

const requestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional()

export function errorEnvelope(e: AppError): Envelope<never> {
  return { ok: false, code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}), ...(e.details ? { details: e.details } : {}) }
}

/** The field an issue is about; for an unknown key, the key itself. */
function invalid(issue: z.core.$ZodIssue | undefined): AppError {
  const path = (issue?.path ?? []).map(String)
  if (issue?.code === 'unrecognized_keys' && issue.keys.length) path.push(issue.keys[0])
  return new AppError('INVALID_ARGUMENT', path.join('.') || undefined)
}

function route(name: string, actions: Record<string, ActionSpec>, db: () => Db, clock: Clock): FunctionMain {
  return async (event, context) => {
    try {
      if (!event || typeof event !== 'object' || typeof event.action !== 'string') throw new AppError('INVALID_ARGUMENT', 'action')
      const spec = Object.hasOwn(actions, event.action) ? actions[event.action] : undefined
      if (!spec) throw new AppError('UNKNOWN_ACTION', 'action')
      const openid = callerOpenid(event, context)
      if (!openid) throw new AppError('UNAUTHENTICATED')
      const rid = requestIdSchema.safeParse(event.requestId)
      if (!rid.success) throw new AppError('INVALID_ARGUMENT', 'requestId')
      const parsed = spec.input.safeParse(event.data ?? {})
      if (!parsed.success) throw invalid(parsed.error.issues[0])
      const ctx: ActionContext = { openid, db: db(), clock, requestId: rid.data }
      const run = () => spec.run(parsed.data, ctx)
      const data = spec.mutation === true && rid.data ? await runOnce(ctx.db, clock, `${name}:${openid}:${rid.data}`, run, openid) : await run()
      return { ok: true, data }
    } catch (e) {
      if (e instanceof AppError) return errorEnvelope(e)
      console.error(`[${name}] ${event?.action}:`, e)
      return { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL }
    }
  }
}

/**
 * A cloud function's `main`: validate `{action, data}`, take the caller from the
 * trusted context, run the action (deduplicated by request id when it changes
 * state), map the outcome to the envelope; unknown errors become INTERNAL
 * without leaking. A timer tick (no caller) goes to `options.onTimer`.
 */
export function defineFunction<N extends string, A extends Contract<ActionMapOf<N>>>(
  name: N,
  actions: A & NoExtra<A, ActionMapOf<N>> & AcceptsRequest<N, A, ActionMapOf<N>>,
  deps: FunctionDeps = {},
  options: FunctionOptions = {},
): FunctionMain {
  const db = deps.db ?? getDb
  const clock = deps.clock ?? systemClock
  const routed = route(name, actions as unknown as Record<string, ActionSpec>, db, clock)
  return options.onTimer ? withTimer(name, routed, () => ({ db: db(), clock }), options.onTimer) : routed
}
