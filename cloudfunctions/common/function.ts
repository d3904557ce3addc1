import { z } from 'zod'
import type { Envelope, FunctionEvent } from '~types/envelope'
import { ERROR_MESSAGES } from '~types/errors'
import type { FunctionActions } from '~types/functions'
import { actingFor, createAuditLog } from './audit'
import { type Auth, type Authorized, type CallerAccount, authorizeCaller, authorizeScope } from './auth'
import { type Principal, resolvePrincipal } from './caller'
import { type Clock, systemClock } from './clock'
import { type Db, getDb } from './db'
import { refusalEnvelope, refusalOf, withDbDeadline } from './db-retry'
import { AppError } from './errors'
import { finishedOutcome, runOnce } from './idempotency'
import type { RosterDoc } from './member-docs'
import { type FunctionMain, type TimerDeps, withTimer } from './timer'
import type { OfficerScope } from './unions'

export { callerOpenid } from './caller'
export { rerun } from './idempotency'

export interface ActionContext {
  /** Who is calling, from the trusted CloudBase context. */
  principal: Principal
  /** The caller's openid (`principal.openid`). */
  openid: string
  /** Her account and roles, read once by the router (auth.ts). */
  account: CallerAccount
  /** For an officer: her reach (unions.ts); lists narrow to it with `ownedWhere`. Null for anyone else. */
  officer: OfficerScope | null
  db: Db
  clock: Clock
  /** The client's request id (already deduplicated for `mutation` actions). */
  requestId: string | undefined
  /**
   * The client's first try of this request (`event.attempt === 1`): nothing of it can have happened
   * before, so a remembered refusal may answer it without reading for an earlier outcome. False when absent.
   */
  firstAttempt: boolean
}

/** What `run` gets under `auth: 'member'`: her roster record as well. */
export interface MemberContext extends ActionContext {
  roster: RosterDoc
}

export type ContextFor<A> = A extends 'member' ? MemberContext : ActionContext

export interface ActionSpec<S extends z.ZodType = z.ZodType, R = unknown, A extends Auth<z.output<S>> = Auth<z.output<S>>> {
  input: S
  /** Who may call (auth.ts); resolved by the router before `run`. */
  auth: A
  /**
   * State-changing: a retry with the same request id returns the first outcome and changes nothing.
   * 'ledger': the action's own claim ledger keeps the request id (claim-ledger.ts), which answers a
   * retry even after a crash, so no request marker is written (two fewer calls on the hot path).
   */
  mutation?: boolean | 'ledger'
  /**
   * Under `auth: 'member'`, her account is read beside her roster record (one call more) and handed to
   * `run` as `ctx.account`: for an action on the account itself (unbind). Otherwise a member's action
   * costs one read (her roster record, auth.ts) and `ctx.account` holds no user and no roles.
   */
  readsAccount?: boolean
  /**
   * For `mutation: true`: what a same-id retry answers while the first call's marker is pending, read
   * from what that call left (idempotency.ts `Recover`); `rerun` when the work is safe to repeat.
   */
  recover?: (input: z.output<S>, ctx: ContextFor<A>) => Promise<{ data: NoInfer<R> } | undefined>
  run(input: z.output<S>, ctx: ContextFor<A>): Promise<R>
}

/** Keeps the schema's output type flowing into `auth` and `run`. */
export function action<S extends z.ZodType, R, const A extends Auth<z.output<S>>>(spec: ActionSpec<S, R, A>): ActionSpec<S, R, A> {
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
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any auth kind: each action's own `run` is typed by its own
type AnySpec<R> = ActionSpec<z.ZodType, R, any>
type Contract<M> = { [K in keyof M]: AnySpec<M[K] extends Pair ? M[K][1] : never> }
type NoExtra<A, M> = { [K in Exclude<keyof A, keyof M>]: 'not in the action map of types/' }
type AcceptsRequest<N extends string, A, M> = N extends keyof FunctionActions
  ? {
      [K in keyof A & keyof M]: A[K] extends { input: infer S extends z.ZodType }
        ? M[K] extends Pair
          ? M[K][0] extends z.input<S>
            ? unknown
            : 'schema refuses the typed request'
          : unknown
        : unknown
    }
  : unknown

/** How long one request may keep retrying refused database calls: under the functions' 10 s timeout (cloudbaserc.json). */
const REQUEST_DB_BUDGET_MS = 8000

const requestIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/)
  .optional()

export function errorEnvelope(e: AppError): Envelope<never> {
  return {
    ok: false,
    code: e.code,
    message: e.message,
    ...(e.field ? { field: e.field } : {}),
    ...(e.details ? { details: e.details } : {}),
  }
}

/** The field an issue is about; for an unknown key, the key itself. */
function invalid(issue: z.core.$ZodIssue | undefined): AppError {
  const path = (issue?.path ?? []).map(String)
  if (issue?.code === 'unrecognized_keys' && issue.keys.length) path.push(issue.keys[0])
  return new AppError('INVALID_ARGUMENT', path.join('.') || undefined)
}

type LooseSpec = ActionSpec<z.ZodType, unknown, Auth<unknown>> & { run(i: unknown, ctx: ActionContext): Promise<unknown> }

/**
 * Step 1 of `auth` (auth.ts). Refused as who she is now, a retry of her own request that already
 * finished answers its first outcome: a retried `unbind` after it succeeded is no longer a member's call.
 */
async function authorizeOrReplay(
  spec: LooseSpec,
  principal: Principal,
  db: Db,
  key: string | null,
): Promise<Authorized | { replayed: unknown }> {
  try {
    return await authorizeCaller(spec.auth as Auth<never>, principal, db, spec.readsAccount)
  } catch (e) {
    const done = key ? await finishedOutcome(db, key) : undefined
    if (done) return { replayed: done.replay() }
    throw e
  }
}

async function dispatch(name: string, spec: LooseSpec, event: FunctionEvent, principal: Principal, db: Db, clock: Clock): Promise<unknown> {
  const rid = requestIdSchema.safeParse(event.requestId)
  if (!rid.success) throw new AppError('INVALID_ARGUMENT', 'requestId')
  const key = `${name}:${principal.openid}:${rid.data}`
  const who = await authorizeOrReplay(spec, principal, db, spec.mutation === true && rid.data ? key : null)
  if ('replayed' in who) return who.replayed
  const parsed = spec.input.safeParse(event.data ?? {})
  if (!parsed.success) throw invalid(parsed.error.issues.find((i) => i.code === 'unrecognized_keys') ?? parsed.error.issues[0])
  const officer = await authorizeScope(spec.auth, parsed.data, who, { db, clock })
  const ctx = {
    principal,
    openid: principal.openid,
    account: who.account,
    officer,
    db,
    clock,
    requestId: rid.data,
    firstAttempt: !!rid.data && event.attempt === 1,
    ...(who.roster ? { roster: who.roster } : {}),
  }
  const act = () => actingFor(officer, () => spec.run(parsed.data, ctx))
  const run = officer && spec.mutation ? () => audited(name, event.action as string, parsed.data, ctx as ActionContext, act) : act
  if (spec.mutation !== true || !rid.data) return run()
  const recover = spec.recover ? () => spec.recover!(parsed.data, ctx) : undefined
  return runOnce(db, clock, key, run, { openid: principal.openid, recover })
}

/** The first id-like field of an input: what an officer's action was about, for the audit log. */
function targetOf(input: unknown): string {
  if (!input || typeof input !== 'object') return ''
  const entry = Object.entries(input).find(([k, v]) => /id$/i.test(k) && typeof v === 'string')
  return entry ? `${entry[0]}=${String(entry[1])}` : ''
}

/**
 * Every change an officer makes is in the audit log with the union she acted for (issue 20): one entry
 * per action that ran to its end (a retry answered from its first outcome does not run again).
 */
async function audited(fn: string, actionName: string, input: unknown, ctx: ActionContext, act: () => Promise<unknown>): Promise<unknown> {
  const out = await act()
  const officer = ctx.officer
  await actingFor(officer, () =>
    createAuditLog({ db: ctx.db, clock: ctx.clock }).record({
      actor: ctx.openid,
      action: `officer.${fn}.${actionName}`,
      target: targetOf(input),
      requestId: ctx.requestId ?? null,
    }),
  )
  return out
}

function route(name: string, actions: Record<string, LooseSpec>, db: () => Db, clock: Clock): FunctionMain {
  return async (event, context) => {
    try {
      if (!event || typeof event !== 'object' || typeof event.action !== 'string') throw new AppError('INVALID_ARGUMENT', 'action')
      const spec = Object.hasOwn(actions, event.action) ? actions[event.action] : undefined
      if (!spec) throw new AppError('UNKNOWN_ACTION', 'action')
      const database = db()
      const principal = await resolvePrincipal(event, context, database, clock)
      // a browser before sign-in reaches only the actions declared for it (auth.ts `anyone`)
      if (!principal || (principal.kind === 'web' && spec.auth !== 'anyone')) throw new AppError('UNAUTHENTICATED')
      // the database retries of one request share a budget that ends before CloudBase's 10 s timeout
      return {
        ok: true,
        data: await withDbDeadline(Date.now() + REQUEST_DB_BUDGET_MS, () => dispatch(name, spec, event, principal, database, clock)),
      }
    } catch (e) {
      if (e instanceof AppError) return errorEnvelope(e)
      // The plan refused a database call past the kit's own retries (db-retry.ts): BUSY or QUOTA_EXHAUSTED, never INTERNAL.
      const refused = refusalOf(e)
      if (refused) return refusalEnvelope(name, event?.action, refused)
      console.error(`[${name}] ${event?.action}:`, e)
      return { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL }
    }
  }
}

/** A function's `main`, with its declarations for the tests and docs generated from them. */
export type DefinedFunction = FunctionMain & { readonly actions: Readonly<Record<string, Pick<ActionSpec, 'auth' | 'input' | 'mutation'>>> }

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
): DefinedFunction {
  const db = deps.db ?? getDb
  const clock = deps.clock ?? systemClock
  const table = actions as unknown as Record<string, LooseSpec>
  const routed = route(name, table, db, clock)
  const main = options.onTimer ? withTimer(name, routed, () => ({ db: db(), clock }), options.onTimer) : routed
  return Object.assign(main, { actions: table })
}
