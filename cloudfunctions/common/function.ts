import tcb from '@cloudbase/node-sdk'
import { z } from 'zod'
import type { Envelope, FunctionEvent } from '../../types/envelope'
import { ERROR_MESSAGES } from '../../types/errors'
import { type Clock, systemClock } from './clock'
import { type Db, getDb } from './db'
import { AppError } from './errors'
import { runOnce } from './idempotency'

export interface ActionContext {
  /** The caller's openid from the trusted CloudBase context; null only for `auth: 'public'` actions. */
  openid: string
  db: Db
  clock: Clock
  /** The client's request id (already deduplicated for `mutation` actions). */
  requestId: string | undefined
}

export interface ActionSpec<S extends z.ZodType = z.ZodType, R = unknown> {
  input: S
  /** State-changing: a retry with the same request id returns the first outcome and changes nothing. */
  mutation?: boolean
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

type Main = (event: FunctionEvent, context?: unknown) => Promise<Envelope<unknown>>

const requestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional()

/** WeChat puts the caller in the context's environment; CloudBase also mirrors it into event.userInfo. */
export function callerOpenid(event: FunctionEvent, context: unknown): string | undefined {
  try {
    const wx = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0])
    if (wx.WX_OPENID) return wx.WX_OPENID
  } catch {
    // no usable context: fall through to userInfo
  }
  const fromEvent = event?.userInfo?.openId
  return typeof fromEvent === 'string' && fromEvent ? fromEvent : undefined
}

export function errorEnvelope(e: AppError): Envelope<never> {
  return { ok: false, code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) }
}

function invalid(issue: z.core.$ZodIssue | undefined, prefix = ''): AppError {
  const field = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.')
  return new AppError('INVALID_ARGUMENT', field || undefined)
}

/**
 * A cloud function's `main`: validate `{action, data}`, take the caller from the
 * trusted context, run the action, map the outcome to the envelope.
 */
export function defineFunction(name: string, actions: Record<string, ActionSpec>, deps: FunctionDeps = {}): Main {
  const clock = deps.clock ?? systemClock
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
      const db = (deps.db ?? getDb)()
      const ctx: ActionContext = { openid, db, clock, requestId: rid.data }
      const run = () => spec.run(parsed.data, ctx)
      const data = spec.mutation && rid.data ? await runOnce(db, clock, `${name}:${openid}:${rid.data}`, run) : await run()
      return { ok: true, data }
    } catch (e) {
      if (e instanceof AppError) return errorEnvelope(e)
      console.error(`[${name}] ${event?.action}:`, e)
      return { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL }
    }
  }
}
