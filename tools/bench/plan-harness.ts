/**
 * One scenario on one plan, measured (issue 17 §7): a fresh emulator seeded with no limits, then
 * the plan's limits on; the functions behind CloudBase's instance rules (one call per instance,
 * reused, `functionConcurrency` at once, 10 s timeout); every member's call through the app's own
 * call layer (src/services/invoke.ts: BUSY and refused calls retried with the same request id, up
 * to her patience). What the lines print is what the emulator and the books say afterwards.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Envelope } from '~types/envelope'
import { connectDb, type Db } from '../../cloudfunctions/common/db'
import { resetEnvCache } from '../../cloudfunctions/common/env'
import { ApiError } from '~src/services/api-error'
import { invoke as clientInvoke, PlatformBusy, TransportError, type Transport } from '~src/services/invoke'
import { spawnEmulator } from '../emulator/spawn'
import { type Plan, planLimits, type PlanLimits } from '../emulator/plans'
import type { FunctionMain } from '../host/functions'
import { buildInvocation } from '../host/identity'
import { type FunctionPool, functionPool, PlatformRefusal } from '../host/instances'
import { timerTriggers } from '../host/timers'
import { startLocalWechat } from '../wechat/server'

const TRIGGERS = timerTriggers(join(__dirname, '../..'))
/**
 * Instances this process keeps per function (PLAN_MAX_INSTANCES, default 40): a paid plan allows
 * 1,000, but each is a module copy loaded here; past 40 a call waits for an idle one (counted in
 * `clear`), so a paid plan's clear time is an upper bound. The base plan's 20 is below it.
 */
const MAX_INSTANCES = Number(process.env.PLAN_MAX_INSTANCES || 40)

/** What a call answered; `NOT_MADE`: her earlier answers gave it nothing to go on (no code to scan), so it was not made. */
export type Answer = Envelope<unknown> | { ok: false; code: 'NOT_MADE'; message: string }

/** The answers played so far: phase → chain → call. */
export type Played = Answer[][][]

export interface MemberCall {
  fn: string
  openid: string
  action: string
  /**
   * Her request, or made at call time from what she was told before (a check-in code to show the desk, the
   * directory's keys): `mine`, this chain's answers so far in this phase; `played`, the earlier phases'.
   * `undefined` from it: the call is not made.
   */
  data: unknown | ((mine: Answer[], played: Played) => unknown)
}

/**
 * A phase with more than its calls: `at` moves the scenario's clock first (sign-up → venue → pick window);
 * `audit` reads the books after it, before a later phase changes them (picks are deleted at matching), with
 * the limits lifted and its requests left out of the figures.
 */
export interface Phase {
  name?: string
  at?: number
  calls: MemberCall[][]
  audit?: (db: Db) => Promise<void>
}

export interface Books {
  lost: number
  doubled: number
  /** A line printed under the plan's line (e.g. the mixer's pairs found against those planted). */
  note?: string
}

export interface Scenario<C = unknown> {
  name: string
  /** What was run, e.g. "2,000 women, 152 places over 25 sessions" or the scaled figures. */
  describe: string
  /** Population scale against the real release (1: full); day quotas are checked against measured / scale. */
  scale: number
  /** A fresh instance of a function, on the scenario's clock (`laterMs` after the release: the sweep's tick). */
  load(fn: string, laterMs?: number): FunctionMain
  seed(db: Db, call: (fn: string, openid: string, action: string, data: unknown) => Promise<Envelope<unknown>>): Promise<C>
  /** Moves the clock of every instance `load` made (a phase's `at`); only scenarios whose phases set one need it. */
  setClock?(at: number): void
  /** Phases run one after the other; a phase's calls all at once (a release), a member's own calls in order. */
  phases(ctx: C): (MemberCall[][] | Phase)[]
  /** `answers` in the order played; `played` the same by phase and chain. */
  books(db: Db, ctx: C, answers: Answer[], played: Played): Promise<Books>
}

export interface PlanLine {
  scenario: string
  plan: string
  clearS: number
  callsPerRequest: number
  reads: number
  writes: number
  busy: number
  lost: number
  doubled: number
  internal: number
  dayQuota: 'ok' | 'exceeded'
  codes: Record<string, number>
  /** Seconds each phase took, and their names where given. */
  phases: { name?: string; s: number }[]
  note?: string
}

interface Stack {
  db: Db
  base: string
  stop(): Promise<void>
}

async function startStack(): Promise<Stack> {
  process.env.TENCENTCLOUD ??= 'true' // skip the SDK's metadata probe (see test/support/emulator.ts)
  process.env.QR_KEYS ??= `p1:${randomBytes(32).toString('base64url')}`
  const dataDir = mkdtempSync(join(tmpdir(), 'plan-'))
  const emu = await spawnEmulator({ dataDir })
  const wechat = await startLocalWechat({ appUrl: 'http://app.local', quiet: true })
  process.env.TCB_SERVICE_URL = emu.url
  process.env.WX_SERVICE_URL = wechat.url
  process.env.TCB_ENV = 'local'
  resetEnvCache()
  return {
    db: connectDb(emu.url),
    base: emu.url.replace(/\/admin$/, ''),
    async stop() {
      await wechat.stop()
      await emu.kill('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

interface LimitsView {
  usage: { reads: number; writes: number; refused: { reads: number; writes: number } }
}
interface Stats {
  requests: { total: number }
}

async function side<T>(base: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) })
  return (await res.json()) as T
}

type Phone = (c: MemberCall, data: unknown) => Promise<Envelope<unknown>>

/** Her phone: one call through the client's retries; the final envelope. */
function phone(pools: Map<string, FunctionPool>, seen: { busy: number }): Phone {
  return async (c, data) => {
    const transport: Transport = async (name, body) => {
      const { event, context } = buildInvocation(name, body, c.openid)
      try {
        const env = (await pools.get(name)!.call(event, context)) as Envelope<unknown>
        if (!env.ok && env.code === 'BUSY') seen.busy++
        return env
      } catch (e) {
        if (e instanceof PlatformRefusal && e.status === 429) throw (seen.busy++, new PlatformBusy(e.message))
        if (e instanceof PlatformRefusal) throw new TransportError('DEADLINE_EXCEEDED', e.message)
        throw e
      }
    }
    try {
      return { ok: true, data: await clientInvoke(c.fn, { action: c.action, data, requestId: randomUUID() }, { transport }) }
    } catch (e) {
      if (e instanceof ApiError) return { ok: false, code: e.code, message: e.message }
      return { ok: false, code: 'INTERNAL', message: String(e) }
    }
  }
}

const asPhase = (p: MemberCall[][] | Phase): Phase => (Array.isArray(p) ? { calls: p } : p)

/** Her next call: its request made from her answers so far; not made when they give it nothing to go on. */
async function next(c: MemberCall, mine: Answer[], played: Played, call: Phone): Promise<Answer> {
  const data = typeof c.data === 'function' ? (c.data as (m: Answer[], p: Played) => unknown)(mine, played) : c.data
  if (data === undefined) return { ok: false, code: 'NOT_MADE', message: `${c.action}: nothing to go on` }
  return call(c, data)
}

/**
 * Runs the phases; a member's calls in one phase go one after another, members side by side. Between phases
 * the clock moves (`at`) and the books are read (`audit`, outside the phases' time).
 */
async function play(phases: Phase[], setClock: (at: number) => void, call: Phone, audit: (a: Phase['audit']) => Promise<void>) {
  const played: Played = []
  const times: PlanLine['phases'] = []
  for (const phase of phases) {
    if (phase.at !== undefined) setClock(phase.at)
    const t = performance.now()
    played.push(
      await Promise.all(
        phase.calls.map(async (chain) => {
          const mine: Answer[] = []
          for (const c of chain) mine.push(await next(c, mine, played, call))
          return mine
        }),
      ),
    )
    times.push({ name: phase.name, s: (performance.now() - t) / 1000 })
    if (phase.audit) await audit(phase.audit)
  }
  return { played, times }
}

export async function runScenario<C>(scenario: Scenario<C>, plan: Plan): Promise<PlanLine> {
  const stack = await startStack()
  try {
    const shared = new Map<string, FunctionMain>()
    const seedCall = async (fn: string, openid: string, action: string, data: unknown) => {
      if (!shared.has(fn)) shared.set(fn, scenario.load(fn))
      const { event, context } = buildInvocation(fn, { action, data, requestId: randomUUID() }, openid)
      return (await shared.get(fn)!(event, context)) as Envelope<unknown>
    }
    const ctx = await scenario.seed(stack.db, seedCall)
    const phases = scenario.phases(ctx).map(asPhase)
    const limits: PlanLimits = planLimits(plan)
    await side(stack.base, '/_limits', { limits, usage: { reads: 0, writes: 0, resetRefused: true } })
    await side(stack.base, '/_stats/reset', {})
    const fns = new Set(phases.flatMap((p) => p.calls.flat()).map((c) => c.fn))
    const pools = new Map(
      [...fns].map((fn) => [
        fn,
        functionPool({
          mode: 'warm',
          concurrency: plan.functionConcurrency,
          timeoutMs: 10_000,
          maxInstances: MAX_INSTANCES,
          load: () => scenario.load(fn),
        }),
      ]),
    )
    const seen = { busy: 0 }
    let audited = 0 // the audits' own database requests, left out of calls/request
    const audit = async (read: Phase['audit']) => {
      const before = await side<LimitsView>(stack.base, '/_limits')
      const n0 = (await side<Stats>(stack.base, '/_stats')).requests.total
      await side(stack.base, '/_limits', { limits: {} })
      await read!(stack.db)
      audited += (await side<Stats>(stack.base, '/_stats')).requests.total - n0
      await side(stack.base, '/_limits', { limits, usage: { reads: before.usage.reads, writes: before.usage.writes } })
    }
    const setClock = (at: number) => {
      if (!scenario.setClock) throw new Error(`${scenario.name}: a phase sets the clock, the scenario has no setClock`)
      scenario.setClock(at)
    }
    const { played, times } = await play(phases, setClock, phone(pools, seen), audit)
    const clearS = times.reduce((k, t) => k + t.s, 0)
    const answers = played.flat(2)
    const { usage } = await side<LimitsView>(stack.base, '/_limits')
    const requests = { total: (await side<Stats>(stack.base, '/_stats')).requests.total - audited }
    await side(stack.base, '/_limits', { limits: {} })
    // The timer trigger's next ticks, as production's would run them: dead calls' claims given back or finished.
    for (const fn of fns) {
      const trigger = TRIGGERS.get(fn)
      if (trigger) await scenario.load(fn, 5 * 60_000)({ Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString() }, {})
    }
    const books = await scenario.books(stack.db, ctx, answers, played)
    const codes: Record<string, number> = {}
    for (const a of answers) codes[a.ok ? 'OK' : a.code] = (codes[a.ok ? 'OK' : a.code] ?? 0) + 1
    const over =
      usage.refused.reads + usage.refused.writes > 0 ||
      usage.reads / scenario.scale > (plan.readsPerDay ?? Infinity) ||
      usage.writes / scenario.scale > (plan.writesPerDay ?? Infinity)
    return {
      scenario: scenario.name,
      plan: plan.name,
      clearS,
      callsPerRequest: requests.total / answers.filter((a) => a.ok || a.code !== 'NOT_MADE').length,
      reads: usage.reads,
      writes: usage.writes,
      busy: codes.BUSY ?? 0,
      lost: books.lost,
      doubled: books.doubled,
      internal: codes.INTERNAL ?? 0,
      dayQuota: over ? 'exceeded' : 'ok',
      codes,
      phases: times,
      note: books.note,
    }
  } finally {
    await stack.stop()
  }
}

export function formatLine(l: PlanLine): string {
  return (
    `scenario ${l.scenario} · plan ${l.plan}: clear ${l.clearS.toFixed(1)} s, calls/request ${l.callsPerRequest.toFixed(2)}, ` +
    `reads ${l.reads}, writes ${l.writes}, busy ${l.busy}, lost ${l.lost}, doubled ${l.doubled}, internal ${l.internal}, day quota ${l.dayQuota}`
  )
}

/** A plan holds a scenario when every member got a definitive answer and the books are whole. */
export const holds = (l: PlanLine): boolean => l.busy === 0 && l.lost === 0 && l.doubled === 0 && l.internal === 0 && l.dayQuota === 'ok'
